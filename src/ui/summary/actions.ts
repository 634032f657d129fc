/** What the summary and history pages can ask for, and the settings they read; the entrypoint supplies both. */
import type { Targets } from '../../core/history/metrics';
import type { GoalsReply, VisitWordsReply } from '../../core/protocol/messages';
import type { UtteranceLabel } from '../../core/questions/labels';
import type { Behaviour } from '../../core/behaviours/labels';
import type { Goal, VisitSummary } from '../../core/session/schema';
import { DEFAULT_SETTINGS } from '../../core/settings/settings';
import type { ActionResult } from '../components/ActionStatus';
import { LONG_MONOLOGUE_S } from '../conversation';

/** The groups of controls whose results show beside them: your-data (history), this visit, the goal, the labels. */
export type SummaryArea = 'data' | 'visit' | 'goal' | 'labels';
export type SummaryResult = ActionResult<SummaryArea>;

export interface SummaryActions {
  onCorrectLabel(visitId: string, utteranceId: string, label: UtteranceLabel | null): void;
  /** Records that a label is right as shown (false withdraws it): it then counts in full. */
  onConfirmLabel(visitId: string, utteranceId: string, confirmed: boolean): void;
  /** Corrects one utterance's listening behaviours (null: back to what Attune found); absent: no controls. */
  onCorrectBehaviours?(visitId: string, utteranceId: string, behaviours: Behaviour[] | null): void;
  onSetGoal(goal: Goal | null): void;
  onExport(visits: readonly VisitSummary[], format: 'json' | 'csv'): void;
  onDeleteVisit(visitId: string): void;
  onDeleteAll(): void;
  /** The text of the file the clinician chose. */
  onImport(text: string): void;
  onPrint(): void;
}

export interface SummaryContext {
  targets: Targets;
  /** The clinician's long-turn threshold (settings.nudges.monologue.overS), s. */
  longTurnS: number;
  retentionDays: number;
  goals: GoalsReply | null;
  /**
   * A privacy-local visit's words, from the background's memory for the review (issue 19.5):
   * `words` null when they are gone. Absent while not asked.
   */
  reviewWords?: { visitId: string; words: VisitWordsReply };
  /** What the clinician's last action did, shown beside its controls. */
  result?: SummaryResult | null;
}

export const DEFAULT_CONTEXT: SummaryContext = {
  targets: DEFAULT_SETTINGS.targets,
  longTurnS: LONG_MONOLOGUE_S,
  retentionDays: DEFAULT_SETTINGS.retentionDays,
  goals: null,
};
