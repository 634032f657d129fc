import { expect } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { AttuneBrowser } from '../../scripts/lib/chromium';
import { panel } from '../../scripts/lib/visit-flow';

/** Screenshots of the panel's states for the closing note, and the in-browser axe check. */
/** Written into the repository on purpose: docs/screenshots shows every page and state as the e2e run last saw it. */
export const SCREENSHOTS = resolve('docs/screenshots');

export async function shootPanel(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
}

/** Sets nudge thresholds through the options page, as a clinician would. */
export async function setNudgeOptions(b: AttuneBrowser, fields: Record<string, string>, switchOff: RegExp[] = []): Promise<void> {
  const page = await b.context.newPage();
  await page.goto(b.extensionUrl('options.html'));
  for (const name of switchOff) {
    const toggle = page.getByRole('switch', { name });
    if ((await toggle.getAttribute('aria-checked')) === 'true') await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
  }
  for (const [label, value] of Object.entries(fields)) {
    const input = page.getByLabel(label, { exact: true });
    await input.fill(value);
    await input.press('Enter');
  }
  await page.waitForTimeout(300); // the storage write
  await page.close();
}

/** Flips a top-level setting in storage from the service worker (the panel watches settings). */
export async function setSetting(b: AttuneBrowser, key: string, value: unknown): Promise<void> {
  const worker = b.context.serviceWorkers()[0] ?? (await b.context.waitForEvent('serviceworker'));
  await worker.evaluate(
    async ([k, val]) => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { version: number; value: Record<string, unknown> }>>; set(v: object): Promise<void> } } } }).chrome;
      const stored = (await api.storage.local.get('settings')).settings!;
      stored.value[k as string] = val;
      await api.storage.local.set({ settings: stored });
    },
    [key, value] as const,
  );
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the panel inside its shadow root, with colour contrast (needs real layout). */
export async function axePanel(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  await panel(page).waitFor();
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run({ include: [['attune-panel', 'section.attune-panel']] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}
