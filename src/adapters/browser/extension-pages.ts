import { browser } from 'wxt/browser';

/** Opens (or focuses) Attune's own pages. */
export async function openExtensionPage(path: string): Promise<void> {
  const url = browser.runtime.getURL(path as '/summary.html');
  const [existing] = await browser.tabs.query({ url: url.split('#')[0]!.split('?')[0] + '*' });
  if (existing?.id !== undefined) await browser.tabs.update(existing.id, { url, active: true });
  else await browser.tabs.create({ url });
}
