import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { exportJson } from '../../src/core/history/export';
import { richHistory } from './rich-history';
import { startE2E, type E2E } from './harness';
import { SCREENSHOTS } from './panel-shots';

/**
 * Every extension page at 320 px wide (a docked popup, a split screen), at 200% zoom (half the
 * CSS viewport at twice the density) and in dark mode: nothing wider than the window, and axe-core
 * (colour contrast included) finds nothing. Screenshots of each go to docs/screenshots.
 */
const PAGES = [
  { name: 'options', path: 'options.html' },
  { name: 'popup', path: 'popup.html' },
  { name: 'summary', path: 'summary.html' },
  { name: 'history', path: 'summary.html#history' },
  { name: 'privacy', path: 'privacy.html' },
] as const;

const MODES = [
  { name: '320', width: 320, height: 640, scale: 1, dark: false },
  { name: 'zoom-200', width: 640, height: 400, scale: 2, dark: false },
  { name: 'dark', width: 1024, height: 768, scale: 1, dark: true },
] as const;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axe(page: Page): Promise<string[]> {
  // Extension pages forbid inline scripts (their CSP); evaluating through the debugger protocol is not a page script.
  await page.evaluate(`${axeSource}\n;void 0`);
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await run.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}

describe('every page at 320 px, 200% zoom and in dark mode', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
    // A history to show: the same rich history the failures test imports.
    const file = join(tmpdir(), `attune-small-${process.pid}.json`);
    writeFileSync(file, exportJson(richHistory(), Date.now()));
    const page = await e.b.context.newPage();
    await page.goto(e.b.extensionUrl('summary.html#history'));
    await page.locator('input[type=file]').setInputFiles(file);
    await page.locator('[role="status"][data-area="data"]', { hasText: 'Imported' }).waitFor({ timeout: 10_000 });
    await page.close();
  });
  afterAll(async () => {
    await e?.close();
  });

  it.each(MODES)('$name: no overflow, no axe violations', async (mode) => {
    const problems: string[] = [];
    for (const p of PAGES) {
      const page = await e.b.context.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: mode.width, height: mode.height, deviceScaleFactor: mode.scale, mobile: false });
      await page.emulateMedia({ colorScheme: mode.dark ? 'dark' : 'light' });
      await page.goto(e.b.extensionUrl(p.path));
      await page.waitForTimeout(800); // data and fonts
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 1) problems.push(`${p.name}: ${overflow} px wider than the window`);
      for (const v of await axe(page)) problems.push(`${p.name}: ${v}`);
      await page.screenshot({ path: `${SCREENSHOTS}/page-${p.name}-${mode.name}.png`, fullPage: true });
      await cdp.detach();
      await page.close();
    }
    expect(problems).toEqual([]);
  });
});
