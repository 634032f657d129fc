/**
 * A call tab going somewhere else ends its visit. Chrome reports the new address only for
 * sites Attune may see (its call sites); for any other site the update has no URL at all. So a
 * page load whose address we cannot read counts as leaving, with an empty host.
 */
export interface TabUpdateDeps {
  navigated(tabId: number, url: string): Promise<void>;
  /** The tab's address, or undefined when Attune may not read it (or the tab is gone). */
  tabUrl(tabId: number): Promise<string | undefined>;
}

export async function handleTabUpdate(tabId: number, change: { url?: string; status?: string }, deps: TabUpdateDeps): Promise<void> {
  if (change.url) return deps.navigated(tabId, change.url);
  if (change.status !== 'loading') return;
  // A reload or a load on the same call site still has a readable address of the same host.
  await deps.navigated(tabId, (await deps.tabUrl(tabId).catch(() => undefined)) ?? '');
}
