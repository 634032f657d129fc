import { browser } from 'wxt/browser';
import * as v from 'valibot';
import {
  GoalsReplySchema,
  ImportReplySchema,
  TabViewSchema,
  VisitListReplySchema,
  type GoalsReply,
  type ImportReply,
  type PageToBackground,
  type TabView,
  type VisitListReply,
} from '../../core/protocol/messages';
import type { UtteranceLabel } from '../../core/questions/labels';
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

export const pageChannel = {
  tabView: (tabId: number): Promise<TabView> => ask({ type: 'page:tab-view', tabId }, TabViewSchema),
  start: (tabId: number): Promise<TabView> => ask({ type: 'page:start', tabId }, TabViewSchema),
  stop: (tabId: number): Promise<TabView> => ask({ type: 'page:stop', tabId }, TabViewSchema),
  showPanel: (tabId: number): Promise<TabView> => ask({ type: 'page:show-panel', tabId }, TabViewSchema),
  listVisits: (): Promise<VisitListReply> => ask({ type: 'page:list-visits' }, VisitListReplySchema),
  deleteVisit: (visitId: string): Promise<boolean> => ask({ type: 'page:delete-visit', visitId }, v.boolean()),
  deleteAllVisits: (): Promise<number> => ask({ type: 'page:delete-all-visits' }, v.number()),
  importVisits: (json: string): Promise<ImportReply> => ask({ type: 'page:import-visits', json }, ImportReplySchema),
  correctLabel: (visitId: string, utteranceId: string, label: UtteranceLabel | null): Promise<VisitSummary> =>
    ask({ type: 'page:correct-label', visitId, utteranceId, label }, VisitSummarySchema),
  goals: (): Promise<GoalsReply> => ask({ type: 'page:goals' }, GoalsReplySchema),
  setGoal: (goal: Goal | null): Promise<GoalsReply> => ask({ type: 'page:set-goal', goal }, GoalsReplySchema),
};
