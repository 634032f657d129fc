import type { GoalsReply, ImportReply, VisitListReply } from '../../core/protocol/messages';
import type { UtteranceLabel } from '../../core/questions/labels';
import type { Behaviour } from '../../core/behaviours/labels';
import type { Goal, VisitSummary } from '../../core/session/schema';
import type { GoalStore } from '../storage/goal-store';
import type { StorageProblems } from '../storage/storage-errors';
import type { VisitRepository } from '../storage/visit-repository';

export interface HistoryHandlerDeps {
  visits: VisitRepository;
  goals: GoalStore;
  problems: StorageProblems;
  now(): number;
  log(message: string): void;
  /** Teaches the clinician's label adaptation from a changed correction (absent: nothing is learnt). */
  adaptation?: { recordCorrection(visit: VisitSummary, utteranceId: string): Promise<void> };
}

/** How long the history page waits for the database before it is told what is wrong. */
export const LIST_TIMEOUT_MS = 10_000;

/**
 * The background's side of the summary and history pages. Storage failures reach the page as
 * a `problem` (listing) or as a rejected request with a plain-language message (changes).
 */
export function createHistoryHandlers(deps: HistoryHandlerDeps) {
  const { visits, goals, problems } = deps;
  const goalsReply = async (): Promise<GoalsReply> => ({ current: await goals.current(), history: await goals.history() });
  const tracked = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      const result = await run();
      return result;
    } catch (error) {
      problems.report(error instanceof Error ? error.message : String(error));
      throw error;
    }
  };

  return {
    async listVisits(): Promise<VisitListReply> {
      // While an upgrade waits, reading would wait too: answer now with why.
      if (problems.isBlocked()) return { visits: [], skipped: [], problem: problems.current() };
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, fail) => {
        timer = setTimeout(() => fail(new Error(problems.current() ?? 'Attune’s saved visits did not open in time. Reload this page; if it keeps happening, restart the browser.')), LIST_TIMEOUT_MS);
      });
      try {
        const list = await Promise.race([visits.list(), timeout]);
        if (list.skipped.length) deps.log(`skipped ${list.skipped.length} unreadable visit record(s): ${list.skipped.map((x) => `${x.id} (${x.reason})`).join('; ')}`);
        return { ...list, problem: problems.current() };
      } catch (error) {
        return { visits: [], skipped: [], problem: error instanceof Error ? error.message : String(error) };
      } finally {
        clearTimeout(timer);
      }
    },

    deleteVisit: (visitId: string): Promise<boolean> => tracked(() => visits.delete(visitId)),

    async deleteAllVisits(): Promise<number> {
      const count = await tracked(() => visits.deleteAll());
      problems.clear();
      return count;
    },

    /** One batch of visits the history page has already parsed and validated (validated again by the router). */
    importVisits: (batch: readonly VisitSummary[]): Promise<ImportReply> => tracked(() => visits.importVisits(batch)),

    /**
     * Saves the correction, then lets it teach the adaptation layer (every path that corrects a
     * label comes through here). The correction is saved either way: a failure to learn is logged.
     */
    async correctLabel(visitId: string, utteranceId: string, label: UtteranceLabel | null): Promise<VisitSummary> {
      const visit = await tracked(() => visits.correctLabel(visitId, utteranceId, label));
      try {
        await deps.adaptation?.recordCorrection(visit, utteranceId);
      } catch (error) {
        deps.log(`the correction was saved but could not update the label adaptation: ${String(error)}`);
      }
      return visit;
    },

    /**
     * The clinician's confirmation of a label in the review step: it counts in full from then on.
     * It does not teach the adaptation layer (measured: docs/QUESTIONS.md, "Learning from the
     * clinician's corrections").
     */
    confirmLabel: (visitId: string, utteranceId: string, confirmed: boolean): Promise<VisitSummary> =>
      tracked(() => visits.confirmLabel(visitId, utteranceId, confirmed)),

    /** A correction of one utterance's listening behaviours (issue 16): it changes the counts, and teaches nothing yet. */
    correctBehaviours: (visitId: string, utteranceId: string, behaviours: Behaviour[] | null): Promise<VisitSummary> =>
      tracked(() => visits.correctBehaviours(visitId, utteranceId, behaviours)),

    goals: (): Promise<GoalsReply> => tracked(goalsReply),

    async setGoal(goal: Goal | null): Promise<GoalsReply> {
      await tracked(() => goals.set(goal, deps.now()));
      return tracked(goalsReply);
    },
  };
}
export type HistoryHandlers = ReturnType<typeof createHistoryHandlers>;
