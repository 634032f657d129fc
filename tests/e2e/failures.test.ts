import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, removeProfile, type AttuneBrowser } from '../../scripts/lib/chromium';
import { startDemoServer, type DemoServer } from '../../scripts/lib/demo-server';
import { startNetworkGuard, type NetworkGuard } from '../../scripts/lib/network-guard';
import { grantMicrophone, joinCall, openDemoVisit, panel, readPanel, savedVisits, startFromPanel } from '../../scripts/lib/visit-flow';
import { exportJson } from '../../src/core/history/export';
import { formatClock, formatPercent } from '../../src/ui/format';
import { EXTENSION_DIR, waitForVisits } from './harness';
import { richHistory } from './rich-history';

/**
 * Nothing lost: a visit whose engine host (the offscreen document) crashes, one whose tab
 * navigates away, and one interrupted by the browser being killed each end with a saved
 * summary (partial where the last seconds are missing). Then, in the restarted browser, a rich
 * history is imported through the History page and the summary and history pages are
 * photographed for the record (.output/screenshots/).
 */
const SHOTS = resolve('docs/screenshots'); // committed: the issue asks for every page and state
/** Long enough for the engine's 5 s checkpoint and the patient's first words. */
const VISIT_MS = 12_000;

describe('failures during a visit', () => {
  let guard: NetworkGuard;
  let server: DemoServer;
  let b: AttuneBrowser;
  let profile: string;
  const launch = () => launchChromium({ extensionDir: EXTENSION_DIR, headless: true, fakeMicWav: 'demo/audio/clinician.wav', proxyUrl: guard.proxyUrl, userDataDir: profile });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'attune-failures-'));
    guard = await startNetworkGuard();
    server = await startDemoServer();
    b = await launch();
    await grantMicrophone(b);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
    await guard?.close();
    removeProfile(profile);
  });

  it('the offscreen document crashing mid-visit: "End visit" still saves it from the checkpoint, marked partial', async () => {
    const page = await openDemoVisit(b, server.url);
    await startFromPanel(page);
    await joinCall(page);
    await page.waitForTimeout(VISIT_MS);
    const { targetInfos } = await b.cdp.send('Target.getTargets');
    const offscreen = targetInfos.find((t) => t.url.endsWith('/offscreen.html'));
    expect(offscreen, 'the engine host runs in an offscreen document').toBeTruthy();
    await b.cdp.send('Target.closeTarget', { targetId: offscreen!.targetId });
    await page.waitForTimeout(1_000);
    await panel(page).getByRole('button', { name: /end visit/i }).click();
    await expect.poll(() => panel(page).innerText(), { timeout: 15_000 }).toMatch(/Visit saved/);
    const summary = await savedVisits(b);
    const [visit] = await waitForVisits(summary, 1);
    expect(visit).toMatchObject({ endReason: 'engine-lost', partial: true, remoteSource: 'page-tap' });
    expect(visit!.durationS).toBeGreaterThanOrEqual(5);
    expect(visit!.clinicianS + visit!.patientS).toBeGreaterThan(0);
    await summary.close();
    await page.close();
  });

  it('navigating the call tab to another page ends the visit and saves it whole', async () => {
    const page = await openDemoVisit(b, server.url);
    await startFromPanel(page);
    await joinCall(page);
    await page.waitForTimeout(VISIT_MS);
    const live = await readPanel(page);
    await page.goto('about:blank');
    const summary = await savedVisits(b);
    const visits = await waitForVisits(summary, 2);
    expect(visits[0]).toMatchObject({ endReason: 'navigated', partial: false });
    expect(visits[0]!.durationS).toBeGreaterThanOrEqual(live.elapsedS - 1);
    expect(visits[0]!.patientS).toBeGreaterThan(0);
    await summary.close();
    await page.close();
  });

  it('the browser killed mid-visit: at the next start the visit is saved from its checkpoint, marked partial', async () => {
    const page = await openDemoVisit(b, server.url);
    await startFromPanel(page);
    await joinCall(page);
    await page.waitForTimeout(VISIT_MS);
    await b.kill();
    b = await launch();
    const summary = await savedVisits(b);
    const visits = await waitForVisits(summary, 3, 30_000);
    expect(visits).toHaveLength(3);
    const restarted = visits.find((v) => v.endReason === 'browser-restart');
    expect(restarted).toMatchObject({ partial: true, remoteSource: 'page-tap' });
    expect(restarted!.durationS).toBeGreaterThanOrEqual(5);
    await summary.close();
  });

  it('imports a history through the page, and shows the summary and history pages (screenshots)', async () => {
    const file = join(profile, 'history-export.json');
    writeFileSync(file, exportJson(richHistory(), Date.now()));
    const page = await b.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(b.extensionUrl('summary.html#history'));
    await page.getByText(/^3 visits$/).waitFor();
    await page.locator('input[type=file]').setInputFiles(file);
    const dataStatus = page.locator('[role="status"][data-area="data"]');
    await expect.poll(() => dataStatus.innerText(), { timeout: 10_000 }).toMatch(/Imported 8 new visits, replaced none\./);
    await expect.poll(() => page.locator('.attune-history__count').innerText()).toBe('11 visits');
    // A malformed file: the reason shows beside the import button, in view where the clinician is looking.
    const bad = join(profile, 'not-attune.json');
    writeFileSync(bad, '{"visits": [');
    const importButton = page.locator('label', { hasText: 'Import JSON…' });
    await importButton.scrollIntoViewIfNeeded();
    await page.locator('input[type=file]').setInputFiles(bad);
    await expect.poll(() => dataStatus.getAttribute('class'), { timeout: 10_000 }).toMatch(/attune-action-status--error/);
    expect(await dataStatus.innerText()).not.toBe('');
    const [button, status] = [(await importButton.boundingBox())!, (await dataStatus.boundingBox())!];
    expect(status.y).toBeGreaterThanOrEqual(button.y);
    expect(status.y - (button.y + button.height)).toBeLessThan(120);
    expect(status.y + status.height).toBeLessThanOrEqual(900);
    await page.screenshot({ path: `${SHOTS}/history-import-error.png` });
    await page.screenshot({ path: `${SHOTS}/history.png`, fullPage: true });

    // history-6: a good visit with one thing to try (the opening statement was interrupted).
    await page.evaluate(() => (location.hash = 'history-6'));
    await page.getByRole('heading', { name: /^Visit on/ }).waitFor();
    await page.getByText('Skills at a glance').waitFor();
    await page.screenshot({ path: `${SHOTS}/summary.png`, fullPage: true });
    // What the browser's "Print" produces: the same page without its controls.
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${SHOTS}/summary-print.png`, fullPage: true });
    expect(await page.getByRole('button', { name: 'Export JSON' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // A correction on the page is saved and changes the counts.
    const before = (await waitForVisits(page, 11)).find((v) => v.id === 'history-6')!;
    const closed = before.utterances![1]!;
    expect(closed.label).toBe('closed_question');
    // The full list of labels (the same select also sits in the review of uncertain labels above it).
    await page
      .locator('table.attune-utterances')
      .getByRole('combobox', { name: `Label of what you said at ${formatClock(closed.startS)}` })
      .selectOption('open_question');
    await expect.poll(async () => (await waitForVisits(page, 11)).find((v) => v.id === 'history-6')!.questions!.open).toBe(before.questions!.open + 1);
    await expect.poll(() => page.locator('[role="status"][data-area="labels"]').innerText()).toBe('Your correction was saved.');
    await expect.poll(() => page.locator('.attune-metrics tbody tr', { hasText: 'Open questions' }).innerText()).toContain(formatPercent((before.questions!.open + 1) / (before.questions!.open + before.questions!.closed)));

    // Confirm in the review, from the keyboard: saved as a marker, announced, the focus moves on to the
    // next label of the review; the full list says so and undoes it.
    const stored = async () => (await waitForVisits(page, 11)).find((v) => v.id === 'history-6')!.utterances!;
    const [first, , third] = before.utterances!;
    const confirmName = (u: typeof first) => `Confirm ${u!.label.replace('_question', ' question')} at ${formatClock(u!.startS)}`;
    const review = page.getByRole('region', { name: 'Uncertain labels' });
    await review.getByRole('button', { name: confirmName(first) }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await stored())[0]!.labelConfirmed).toBe(true);
    await expect.poll(() => page.locator('[role="status"][data-area="labels"]').innerText()).toMatch(/^Confirmed: /);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(confirmName(third));
    await page.getByRole('button', { name: `Undo your confirmation of the label at ${formatClock(first!.startS)}` }).click();
    await expect.poll(async () => (await stored())[0]!.labelConfirmed).toBeUndefined();
    await expect.poll(() => page.locator('[role="status"][data-area="labels"]').innerText()).toMatch(/confirmation was withdrawn/);

    // Nothing left the machine during any of it.
    expect(guard.attempts).toEqual([]);
    await page.close();
  });
});
