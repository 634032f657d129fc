import { browser } from 'wxt/browser';
import * as v from 'valibot';
import { TabViewSchema, type PageToBackground, type TabView } from '../../core/protocol/messages';
import { VisitSummarySchema } from '../../core/session/schema';

/** Extension pages (popup, summaries) asking the background; replies are validated too. */
const VisitListSchema = v.object({
  visits: v.array(VisitSummarySchema),
  skipped: v.array(v.object({ id: v.string(), reason: v.string() })),
});
export type VisitListReply = v.InferOutput<typeof VisitListSchema>;

async function ask<T extends v.GenericSchema>(message: PageToBackground, schema: T): Promise<v.InferOutput<T>> {
  const reply = await browser.runtime.sendMessage(message);
  const parsed = v.safeParse(schema, reply);
  if (!parsed.success) throw new Error('Attune’s background did not answer as expected. Reload the extension and try again.');
  return parsed.output;
}

export const pageChannel = {
  tabView: (tabId: number): Promise<TabView> => ask({ type: 'page:tab-view', tabId }, TabViewSchema),
  start: (tabId: number): Promise<TabView> => ask({ type: 'page:start', tabId }, TabViewSchema),
  stop: (tabId: number): Promise<TabView> => ask({ type: 'page:stop', tabId }, TabViewSchema),
  listVisits: (): Promise<VisitListReply> => ask({ type: 'page:list-visits' }, VisitListSchema),
};
