import { browser } from 'wxt/browser';
import * as v from 'valibot';
import {
  GoalsReplySchema,
  ImportReplySchema,
  TabViewSchema,
  VisitListReplySchema,
  VisitWordsReplySchema,
  type GoalsReply,
  type ImportReply,
  type PageToBackground,
  type TabView,
  type VisitListReply,
  type VisitWordsReply,
} from '../../core/protocol/messages';
import type { UtteranceLabel } from '../../core/questions/labels';
import type { Behaviour } from '../../core/behaviours/labels';
import { IMPORT_BATCH_VISITS, ImportError, MAX_IMPORT_CHARS, parseImport, type ImportReport } from '../../core/history/export';
import { VisitSummarySchema, type Goal, type VisitSummary } from '../../core/session/schema';

export type { VisitListReply } from '../../core/protocol/messages';

/** Extension pages (popup, summaries) asking the background; replies are validated too. */
async function ask<T extends v.GenericSchema>(message: PageToBackground, schema: T): Promise<v.InferOutput<T>> {
  // A rejected request carries the background's plain-language message (a full disk, a bad file).
  const reply = await browser.runtime.sendMessage(message);
  const parsed = v.safeParse(schema, reply);
  if (!parsed.success) throw new Error('Attune’s background did not answer as expected. Reload the extension and try again.');
  return parsed.output;
}

export interface ImportOutcome extends ImportReply {
  skipped: ImportReport['skipped'];
  skippedTotal: number;
}

/**
 * Imports an Attune JSON export: parsed and validated here, in the history page (never on the
 * service worker), then stored in batches. A whole-file problem (not JSON, not ours, too big)
 * rejects with the message to show; a full disk mid-way keeps the batches already stored.
 */
async function importVisits(text: string): Promise<ImportOutcome> {
  if (text.length > MAX_IMPORT_CHARS) throw new Error('This file is too large to be an Attune export.');
  let report: ImportReport;
  try {
    report = parseImport(text);
  } catch (error) {
    throw new Error(error instanceof ImportError ? error.message : `The file could not be read: ${String(error)}`);
  }
  const outcome: ImportOutcome = { added: 0, replaced: 0, skipped: report.skipped, skippedTotal: report.skippedTotal };
  for (let i = 0; i < report.visits.length; i += IMPORT_BATCH_VISITS) {
    const batch = report.visits.slice(i, i + IMPORT_BATCH_VISITS);
    const stored = await ask({ type: 'page:import-visits', visits: batch }, ImportReplySchema);
    outcome.added += stored.added;
    outcome.replaced += stored.replaced;
  }
  return outcome;
}

export const pageChannel = {
  tabView: (tabId: number): Promise<TabView> => ask({ type: 'page:tab-view', tabId }, TabViewSchema),
  start: (tabId: number): Promise<TabView> => ask({ type: 'page:start', tabId }, TabViewSchema),
  stop: (tabId: number): Promise<TabView> => ask({ type: 'page:stop', tabId }, TabViewSchema),
  showPanel: (tabId: number): Promise<TabView> => ask({ type: 'page:show-panel', tabId }, TabViewSchema),
  listVisits: (): Promise<VisitListReply> => ask({ type: 'page:list-visits' }, VisitListReplySchema),
  deleteVisit: (visitId: string): Promise<boolean> => ask({ type: 'page:delete-visit', visitId }, v.boolean()),
  deleteAllVisits: (): Promise<number> => ask({ type: 'page:delete-all-visits' }, v.number()),
  importVisits,
  correctLabel: (visitId: string, utteranceId: string, label: UtteranceLabel | null): Promise<VisitSummary> =>
    ask({ type: 'page:correct-label', visitId, utteranceId, label }, VisitSummarySchema),
  confirmLabel: (visitId: string, utteranceId: string, confirmed: boolean): Promise<VisitSummary> =>
    ask({ type: 'page:confirm-label', visitId, utteranceId, confirmed }, VisitSummarySchema),
  correctBehaviours: (visitId: string, utteranceId: string, behaviours: Behaviour[] | null): Promise<VisitSummary> =>
    ask({ type: 'page:correct-behaviours', visitId, utteranceId, behaviours }, VisitSummarySchema),
  goals: (): Promise<GoalsReply> => ask({ type: 'page:goals' }, GoalsReplySchema),
  visitWords: (visitId: string): Promise<VisitWordsReply> => ask({ type: 'page:visit-words', visitId }, VisitWordsReplySchema),
  setGoal: (goal: Goal | null): Promise<GoalsReply> => ask({ type: 'page:set-goal', goal }, GoalsReplySchema),
};
