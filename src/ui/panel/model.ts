/** The panel's contract with its entrypoint: data in, callbacks out; no extension APIs here. */
import type { LiveTalk, RemoteSource } from '../../core/session/schema';
import type { CoachingState } from '../labels';
import type { Position } from './position';

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
}

export interface PanelActions {
  onStart(): void;
  onEnd(): void;
  onOpenSummary(): void;
  onOpenSetup(): void;
  onHide(): void;
}

export interface PanelProps {
  model: PanelModel;
  actions: PanelActions;
  minimized: boolean;
  onMinimizedChange(minimized: boolean): void;
  /** Top-left in viewport pixels; null → default bottom-right corner. */
  position: Position | null;
  onPositionChange(position: Position): void;
}
