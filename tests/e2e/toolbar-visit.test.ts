import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AttuneBrowser } from '../../scripts/lib/chromium';
import { stopServiceWorkers } from '../../scripts/lib/chromium';
import { alignScriptWithMicrophone, grantMicrophone, hangUp, joinCall, openDemoVisit, panel, readPanel, savedVisits, startFromToolbar, waitForPatientScript } from '../../scripts/lib/visit-flow';
import { changeLatenciesMs, median, patientTakeovers, readSpeakingChanges, recordSpeakingChanges } from '../../scripts/lib/speaker-latency';
import { ARTIFACTS, cliShareForVisit, DEMO_TRUTH, startE2E, waitForVisits, type E2E } from './harness';
import { axePanel, SCREENSHOTS, setNudgeOptions, setSetting, shootPanel } from './panel-shots';

/**
 * The main path: a clinician grants the microphone once, opens the call, clicks the toolbar
 * button and "Start coaching" (tab capture), runs the whole two-minute scripted visit, and the
 * page's own "Leave call" ends it. Mid-visit Chrome kills the service worker; nothing is lost.
 */
describe('a coached demo visit started from the toolbar', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('shows live shares close to the truth, survives a worker restart, saves the summary, sends nothing', async () => {
    await grantMicrophone(e.b);
    // A strict balance limit over a 1-minute window (set on the options page), so that the
    // two-minute demo raises a nudge: the demo clinician speaks ~44% of the time. The question
    // nudges are switched off here (as a clinician can) so they do not take the balance nudge's turn.
    await setNudgeOptions(e.b, { 'Your share above': '20', 'Over the last': '1' }, [/^Closed questions:/, /^Reflections:/]);
    const page = await openDemoVisit(e.b, e.server.url);
    await expect.poll(() => panel(page).innerText()).toMatch(/Start coaching/);

    await startFromToolbar(e.b, page);
    await recordSpeakingChanges(page);
    await alignScriptWithMicrophone(page);
    await joinCall(page);

    // Live updates: the elapsed clock keeps moving and who-is-speaking follows the audio.
    await page.waitForTimeout(12_000);
    const early = await readPanel(page);
    expect(early.elapsedS).toBeGreaterThanOrEqual(10);
    expect(early.patientS).toBeGreaterThan(3); // the patient's opening statement is under way
    await page.screenshot({ path: `${ARTIFACTS}/panel-live.png` });

    await stopServiceWorkers(e.b);
    await page.waitForTimeout(4_000);
    const afterRestart = await readPanel(page);
    expect(afterRestart.elapsedS).toBeGreaterThan(early.elapsedS);

    await panelStates(e.b, page);

    await waitForPatientScript(page);
    await page.waitForTimeout(1_000);
    const end = await readPanel(page);
    const liveShare = end.youS / (end.youS + end.patientS);
    console.info(`live clinician share ${(liveShare * 100).toFixed(1)}% vs truth ${(DEMO_TRUTH.clinician_share * 100).toFixed(1)}%`);
    expect(Math.abs(liveShare - DEMO_TRUTH.clinician_share)).toBeLessThan(0.05);
    await page.screenshot({ path: `${ARTIFACTS}/panel-end.png` });
    // The demo clinician asks for the agenda, affirms, asks permission before advising and checks understanding (demo/audio/visit.jsonl).
    console.info(`panel skills at the end: ${await panel(page).locator('.attune-skills').innerText()}`);
    await shootPanel(page, 'panel-skills');

    // A change of speaker shows on the panel within 350 ms (median over the script's patient takeovers).
    // Since the worklet's batches went from 32 to 64 ms (a CPU trade, issue 15) the median is 264 ms on
    // the development machine and 300 ms on CI's (2026-12-06); a regression of a batch or a message hop still fails.
    const { changes, scriptStartMs } = await readSpeakingChanges(page);
    const latencies = changeLatenciesMs(changes, scriptStartMs, patientTakeovers(DEMO_TRUTH.turns), (t) => /patient|both/i.test(t));
    const timed = latencies.filter((x): x is number => typeof x === 'number');
    console.info(`speaker change → panel: ${timed.map((x) => x.toFixed(0)).join(', ')} ms; median ${median(timed).toFixed(0)} ms (${latencies.length - timed.length} not timed: ${latencies.filter((x) => typeof x !== 'number').join(', ')})`);
    expect(timed.length).toBeGreaterThanOrEqual(5);
    expect(median(timed)).toBeLessThanOrEqual(350);

    await hangUp(page);
    await expect.poll(() => panel(page).innerText(), { timeout: 15_000 }).toMatch(/Visit saved/);

    const summaryPage = await savedVisits(e.b);
    const [visit] = await waitForVisits(summaryPage, 1);
    expect(visit).toMatchObject({ site: 'demo', host: '127.0.0.1', endReason: 'hang-up', partial: false, remoteSource: 'tab-capture', privacyLocal: true });
    expect(visit!.nudges?.map((n) => n.id)).toEqual(expect.arrayContaining(['opening', 'balance']));
    // The worker restart lost nothing: the saved visit covers the whole call.
    expect(visit!.durationS).toBeGreaterThan(DEMO_TRUTH.duration_s - 2);
    expect(Math.abs(visit!.clinicianS - DEMO_TRUTH.clinician_s)).toBeLessThan(0.1 * DEMO_TRUTH.clinician_s);
    expect(Math.abs(visit!.patientS - DEMO_TRUTH.patient_s)).toBeLessThan(0.1 * DEMO_TRUTH.patient_s);
    expect(Math.abs(visit!.clinicianShare! - DEMO_TRUTH.clinician_share)).toBeLessThan(0.05);
    // The live path (tab capture → AudioWorklet → engine) agrees with the CLI on the same audio.
    writeFileSync(`${ARTIFACTS}/visit-toolbar.json`, JSON.stringify(visit, null, 1)); // for diagnosis
    const { cliShare, clinicianShiftS, patientShiftS } = await cliShareForVisit(visit!);
    console.info(`tab-capture saved share ${(visit!.clinicianShare! * 100).toFixed(2)}% vs attune analyze ${(cliShare * 100).toFixed(2)}% on the same audio (mic at ${clinicianShiftS.toFixed(2)} s, patient at ${patientShiftS.toFixed(2)} s)`);
    expect(Math.abs(visit!.clinicianShare! - cliShare)).toBeLessThanOrEqual(0.01);

    await summaryPage.reload();
    await expect.poll(() => summaryPage.locator('body').innerText()).toMatch(/Talk time/);
    await summaryPage.screenshot({ path: `${ARTIFACTS}/summary.png`, fullPage: true });

    // Nothing left the machine: every request the browser tried beyond loopback hit the guard.
    expect(e.guard.attempts).toEqual([]);
    expect(e.server.requests.every((path) => path.startsWith('/attune-demo/') || path === '/favicon.ico')).toBe(true);
  });

  it('the network guard does catch a request that leaves the machine (control)', async () => {
    const page = await e.b.context.newPage();
    await page.goto(e.server.url);
    await page.evaluate(() => fetch('http://guard-control.example/').catch(() => undefined));
    await expect.poll(() => e.guard.attempts.join(' ')).toMatch(/guard-control\.example/);
  });
});

/**
 * The panel's states while the visit runs, each screenshotted, with axe-core (colour contrast
 * included) in light and dark: the balance nudge, minimized, quiet mode, dark, and 200% zoom.
 */
async function panelStates(b: AttuneBrowser, page: Page): Promise<void> {
  const p = panel(page);
  // The opening nudge comes first (the demo clinician answers 22 s into the opening statement);
  // the balance window is full at 60 s and its nudge comes after the gap between nudges.
  await p.locator('.attune-nudge', { hasText: 'Invite the patient to say more' }).waitFor({ timeout: 100_000 });
  expect(await p.locator('.attune-nudge [role="status"]').innerText()).toBe('Invite the patient to say more');
  await p.getByRole('button', { name: 'Why?' }).focus(); // reason and source show on focus
  expect(await p.locator('.attune-nudge__details').innerText()).toMatch(/Over the last 1 min you spoke \d+% of the talk time \(your target: at most 20%\)/);
  await shootPanel(page, 'panel-nudge');
  expect(await axePanel(page)).toEqual([]);

  await page.emulateMedia({ colorScheme: 'dark' });
  await shootPanel(page, 'panel-dark');
  expect(await axePanel(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  await p.getByRole('button', { name: 'Dismiss: Invite the patient to say more' }).click();
  await expect.poll(() => p.locator('.attune-nudge').count()).toBe(0);

  await p.getByRole('button', { name: 'Minimize Attune panel' }).click();
  const dot = page.locator('attune-panel button.attune-dot');
  await expect.poll(() => dot.getAttribute('aria-label')).toMatch(/you \d+% of talk time/);
  // The dot keeps the bar's colour, judged by the bar's target (60%), not the nudge's stricter limit.
  expect(await dot.getAttribute('class')).toMatch(/attune-dot--balanced/);
  await shootPanel(page, 'panel-minimized');
  await dot.click();

  await setSetting(b, 'quietMode', true);
  await p.locator('.attune-live--quiet').waitFor({ timeout: 5_000 });
  expect(await p.locator('.attune-stats').count()).toBe(0);
  await shootPanel(page, 'panel-quiet');
  await setSetting(b, 'quietMode', false);
  await p.locator('.attune-stats').waitFor({ timeout: 5_000 });

  // A small window (800×600): the panel moves off the call's control bar, never over "Leave call".
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 800, height: 600, deviceScaleFactor: 1, mobile: false });
  await expectLeaveButtonUncovered(page);
  await shootPanel(page, 'panel-800x600');

  // 200% zoom: half the CSS viewport at twice the pixel density. The whole panel must still fit.
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 640, height: 400, deviceScaleFactor: 2, mobile: false });
  await page.waitForTimeout(300);
  const box = (await p.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(640);
  expect(box.y + box.height).toBeLessThanOrEqual(400);
  await expectLeaveButtonUncovered(page);
  await shootPanel(page, 'panel-zoom-200');
  await cdp.send('Emulation.clearDeviceMetricsOverride');
  await cdp.detach();

  // Pop-out (Document Picture-in-Picture, present in this Chromium): the panel leaves the page,
  // so sharing the call tab does not show it, and comes back when its window closes.
  expect(await page.evaluate(() => 'documentPictureInPicture' in window)).toBe(true);
  const pipPage = b.context.waitForEvent('page', { timeout: 10_000 }).catch(() => null);
  await p.getByRole('button', { name: /Pop the panel out/ }).click();
  await expect.poll(() => page.locator('attune-panel section.attune-panel').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { documentPictureInPicture: { window: Window | null } }).documentPictureInPicture.window?.document.querySelector('.attune-panel--docked h2')?.textContent)).toBe('Attune');
  const pip = await pipPage;
  if (pip) await pip.screenshot({ path: `${SCREENSHOTS}/panel-pop-out.png` });
  await page.evaluate(() => (window as unknown as { documentPictureInPicture: { window: Window | null } }).documentPictureInPicture.window?.close());
  await p.waitFor({ timeout: 5_000 });
}

/** The panel's box and the demo's "Leave call" button do not overlap (after the panel's next look at the controls). */
async function expectLeaveButtonUncovered(page: Page): Promise<void> {
  const leave = page.getByRole('button', { name: 'Leave call' });
  const overlap = async () => {
    const [a, b] = [await panel(page).boundingBox(), await leave.boundingBox()];
    if (!a || !b) return 'missing';
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height ? 'covered' : 'clear';
  };
  await expect.poll(overlap, { timeout: 5_000 }).toBe('clear');
  // And the button is the topmost element at its centre (nothing of Attune's over it).
  const b = (await leave.boundingBox())!;
  expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.id, [b.x + b.width / 2, b.y + b.height / 2])).toBe('hangup');
}
