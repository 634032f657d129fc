import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import * as v from 'valibot';
import { VisitSummarySchema, type VisitSummary } from '../../src/core/session/schema';
import type { AttuneBrowser } from './chromium';
import { clickToolbarButton } from './chromium';

/**
 * The steps a clinician takes, as functions shared by `npm run demo` and the end-to-end tests:
 * grant the microphone once, open the call, start coaching from the toolbar (or the panel),
 * join, end, and read what Attune shows.
 */

/**
 * The clinician's first setup: confirm once that patients are informed (no visit starts before,
 * issue 19.8), then allow the microphone.
 */
export async function grantMicrophone(b: AttuneBrowser): Promise<void> {
  const page = await b.context.newPage();
  await page.goto(b.extensionUrl('options.html'));
  const allow = page.getByRole('button', { name: /allow microphone/i });
  await allow.waitFor(); // the page draws once, with the settings already read
  const informed = page.getByRole('checkbox', { name: /patients are informed/i });
  if (await informed.isVisible()) {
    await informed.check();
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await informed.waitFor({ state: 'detached' });
  }
  if (await allow.isEnabled()) await allow.click();
  await page.waitForFunction(async () => (await navigator.permissions.query({ name: 'microphone' as PermissionName })).state === 'granted', null, { timeout: 10_000 });
  await page.close();
}

export async function openDemoVisit(b: AttuneBrowser, url: string, timeoutMs = 15_000): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(url);
  await panel(page).waitFor({ timeout: timeoutMs });
  return page;
}

/** The panel, inside its shadow root (Playwright's CSS locators pierce open shadow roots). */
export const panel = (page: Page) => page.locator('attune-panel section.attune-panel');

/** The browser's id for the tab showing `page`: the active tab once that page is brought to front. */
export async function tabIdOf(b: AttuneBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const worker = b.context.serviceWorkers()[0] ?? (await b.context.waitForEvent('serviceworker'));
  const id = await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } } }).chrome;
    return (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1;
  });
  if (id < 0) throw new Error(`no tab for ${page.url()}`);
  return id;
}

/** Toolbar button on the call tab, then "Start coaching" in the popup: tab capture of the call. */
export async function startFromToolbar(b: AttuneBrowser, page: Page, timeoutMs = 15_000): Promise<void> {
  const tabId = await tabIdOf(b, page);
  await clickToolbarButton(b, page.url());
  const popup = await b.context.newPage();
  await popup.goto(b.extensionUrl(`popup.html?tabId=${tabId}`));
  await popup.getByRole('button', { name: /start coaching/i }).click();
  await popup.getByRole('button', { name: /stop|end/i }).first().waitFor({ timeout: timeoutMs });
  await popup.close();
  await page.bringToFront();
}

/** "Start coaching" on the panel itself: the page's remote tracks are tapped. */
export async function startFromPanel(page: Page): Promise<void> {
  await panel(page).getByRole('button', { name: /start coaching/i }).click();
  await panel(page).getByRole('button', { name: /end visit/i }).waitFor({ timeout: 15_000 });
}

/** When the clinician first speaks in the demo recording (demo/audio/truth.json), s. */
export function demoFirstClinicianOnsetS(): number {
  return (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../demo/audio/truth.json'), 'utf8')) as { clinician: Array<[number, number]> }).clinician[0]![0];
}

/**
 * The fake microphone plays the clinician's recording from the moment coaching starts; the
 * scripted patient starts when the call is joined. To keep the dialogue's timing, wait until the
 * panel first shows the clinician speaking (the script's first clinician onset, `firstOnsetS`,
 * plus about 0.1 s of detection) and tell the demo page where the script's zero was, so that
 * "Join call" starts the patient at the matching point.
 */
export async function alignScriptWithMicrophone(page: Page, firstOnsetS = demoFirstClinicianOnsetS(), detectionMs = 100, timeoutMs = 20_000): Promise<void> {
  await page.waitForFunction(
    ({ onsetMs, detectMs }) => {
      const text = document.querySelector('attune-panel')?.shadowRoot?.querySelector('.attune-speaking')?.textContent ?? '';
      if (!/You are speaking|Both speaking/.test(text)) return false;
      document.body.dataset.scriptZeroAtMs = String(performance.timeOrigin + performance.now() - onsetMs - detectMs);
      return true;
    },
    { onsetMs: firstOnsetS * 1000, detectMs: detectionMs },
    { polling: 10, timeout: timeoutMs },
  );
}

export async function joinCall(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.getByRole('button', { name: 'Join call' }).click({ timeout: timeoutMs });
  await page.waitForFunction(() => document.body.dataset.callState === 'live', null, { timeout: timeoutMs });
}

export async function hangUp(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Leave call' }).click();
}

export interface PanelReading {
  text: string;
  youS: number;
  patientS: number;
  elapsedS: number;
}

const clockToS = (clock: string) => clock.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);

/** Reads the live figures the clinician sees on the panel. */
export async function readPanel(page: Page): Promise<PanelReading> {
  const p = panel(page);
  const text = (await p.innerText()).replace(/\s+/g, ' ');
  const stat = async (label: string) => clockToS((await p.locator('dl.attune-stats div', { has: page.locator(`dt:text-is("${label}")`) }).locator('dd').innerText()).trim());
  return { text, youS: await stat('You'), patientS: await stat('Patient'), elapsedS: await stat('Elapsed') };
}

/** The question counts on the panel (each cell is marked with `data-count`). */
export async function readQuestionCounts(page: Page): Promise<{ open: number; closed: number; reflections: number }> {
  const count = async (name: string) => Number(await panel(page).locator(`[data-count="${name}"]`).innerText());
  return { open: await count('open'), closed: await count('closed'), reflections: await count('reflections') };
}

/** Waits until the scripted patient has said everything (the demo page marks it). */
export async function waitForPatientScript(page: Page, timeoutMs = 200_000): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.patientFinished === 'true', null, { timeout: timeoutMs, polling: 500 });
}

/** The saved visits, as the summaries page receives them from the background. */
export async function savedVisits(b: AttuneBrowser): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(b.extensionUrl('summary.html'));
  return page;
}

/** Saved visits read the way the summaries page reads them: from the background, validated. */
export async function listSavedVisits(page: Page): Promise<VisitSummary[]> {
  const reply = await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'page:list-visits' }));
  return v.parse(v.object({ visits: v.array(VisitSummarySchema) }), reply).visits;
}
