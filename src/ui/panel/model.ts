/** The panel's contract with its entrypoint: data in, callbacks out; no extension APIs here. */
import type { Goal, LiveTalk, RemoteSource } from '../../core/session/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings/settings';
import type { CoachingState } from '../labels';
import type { Position, Rect } from './position';

export type { Position } from './position';

export interface PanelModel {
  /** "Google Meet", "Demo visit", "This tab". */
  platformLabel: string;
  /** unknown → the panel asks the clinician to start manually. */
  callState: 'live' | 'ended' | 'unknown';
  coaching: CoachingState;
  live: LiveTalk | null;
  remoteSource: RemoteSource;
  privacyLocal: boolean;
  /** Error or notice text, shown in a role=alert box. */
  message: string | null;
  /** Set once a visit has been saved: enables "See summary". */
  lastVisitId: string | null;
  /** The goal the clinician set for this visit, shown at the top. */
  goal?: Goal | null;
  /** The clinician's targets and display choices (from settings; defaults when absent). */
  prefs?: PanelPrefs;
  /** The nudge the clinician dismissed (`id@raisedAtS`), so it stays hidden while the engine still reports it. */
  dismissedNudge?: string | null;
  /** Where the panel is: floating on the call page, or alone in a picture-in-picture window. */
  placement?: 'page' | 'pop-out';
  /** The browser can pop the panel out into its own window (Document Picture-in-Picture). */
  canPopOut?: boolean;
  /** First real call: a one-time tip to start from the toolbar (tab capture hears the call tab). */
  toolbarTip?: boolean;
}

/** What the panel needs from settings; the content script reads and watches them. */
export interface PanelPrefs {
  /** Quiet mode: only the balance bar (and End visit). */
  quiet: boolean;
  /** settings.targets.clinicianShareMax: the bar's target zone and the dot's colour. */
  clinicianShareMax: number;
  /** settings.targets: open questions as a share of all questions, and reflections per question. */
  openShareMin: number;
  reflectionToQuestionMin: number;
  /** settings.nudges.monologue.overS: when the turn timer tints. */
  monologueOverS: number;
  /** settings.nudges.opening.withinS: when taking the floor cuts the opening short (one definition with the nudge). */
  openingWithinS: number;
}

export function panelPrefsFrom(settings: Settings): PanelPrefs {
  return {
    quiet: settings.quietMode,
    clinicianShareMax: settings.targets.clinicianShareMax,
    openShareMin: settings.targets.openShareMin,
    reflectionToQuestionMin: settings.targets.reflectionToQuestionMin,
    monologueOverS: settings.nudges.monologue.overS,
    openingWithinS: settings.nudges.opening.withinS,
  };
}

export const DEFAULT_PANEL_PREFS: PanelPrefs = panelPrefsFrom(DEFAULT_SETTINGS);

/** The key that identifies one raised nudge. */
export const nudgeKey = (nudge: { id: string; raisedAtS: number }): string => `${nudge.id}@${nudge.raisedAtS}`;

export interface PanelActions {
  onStart(): void;
  onEnd(): void;
  /** Pause (true) or Resume (false); optional so older wiring keeps working (no button without it). */
  onPause?(paused: boolean): void;
  onOpenSummary(): void;
  onOpenSetup(): void;
  onHide(): void;
  /** Optional so older wiring keeps working: the panel hides the controls it has no callback for. */
  onDismissNudge?(key: string): void;
  onPopOut?(): void;
  onPopIn?(): void;
  onDismissToolbarTip?(): void;
}

export interface PanelProps {
  model: PanelModel;
  actions: PanelActions;
  minimized: boolean;
  onMinimizedChange(minimized: boolean): void;
  /** Top-left in viewport pixels; null → default bottom-right corner. */
  position: Position | null;
  onPositionChange(position: Position): void;
  /** The call's hang-up, mute and camera controls in viewport pixels: the panel keeps off them. */
  callControls?: () => Rect[];
}
