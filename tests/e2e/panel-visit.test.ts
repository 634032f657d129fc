import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignScriptWithMicrophone, grantMicrophone, joinCall, openDemoVisit, panel, readPanel, readQuestionCounts, savedVisits, startFromPanel, waitForPatientScript } from '../../scripts/lib/visit-flow';
import { ARTIFACTS, cliShareForVisit, DEMO_TRUTH, startE2E, waitForVisits, type E2E } from './harness';

/**
 * The fallback path: coaching started from the panel (no toolbar invocation, so no tab
 * capture); the far end comes from the page's own remote WebRTC tracks. Then a second visit
 * whose tab is closed mid-call still ends with a saved summary.
 */
describe('a demo visit started from the panel', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('measures the patient from the page’s remote tracks and saves on "End visit"', async () => {
    await grantMicrophone(e.b);
    const page = await openDemoVisit(e.b, e.server.url);
    await startFromPanel(page);
    await alignScriptWithMicrophone(page);
    await joinCall(page);
    await waitForPatientScript(page);
    await page.waitForTimeout(1_000);
    const end = await readPanel(page);
    const liveShare = end.youS / (end.youS + end.patientS);
    console.info(`page-tap live clinician share ${(liveShare * 100).toFixed(1)}% vs truth ${(DEMO_TRUTH.clinician_share * 100).toFixed(1)}%`);
    expect(Math.abs(liveShare - DEMO_TRUTH.clinician_share)).toBeLessThan(0.05);
    // Questions and reflections (speech-to-text of the clinician's microphone, issue 4).
    const shown = await readQuestionCounts(page);
    console.info(`panel question counts ${JSON.stringify(shown)} (demo script: open 6, closed 5, reflections 3)`);
    // The script asks 11 questions (6 open, 5 closed), makes 3 reflections and ends with 3 lines of
    // advice (other). Offline, the shipped transcriber and classifier on the demo's clinician track
    // (`attune analyze --mic demo/audio/clinician.wav --remote demo/audio/patient.wav --transcribe`)
    // give open 4, closed 7: Moonshine garbles one open question of the espeak voice ("…knowing at
    // night") and the teach-back ("…what will you try this week in your own words.") loses its "?".
    // The live microphone path (Chrome's capture, echo canceller) sometimes blurs one more word. So:
    // every question is found (within one), the open ones within one of the offline 4, reflections
    // within one of the 3.
    expect(Math.abs(shown.open + shown.closed - 11)).toBeLessThanOrEqual(1);
    expect(Math.abs(shown.open - 4)).toBeLessThanOrEqual(1);
    expect(Math.abs(shown.reflections - 3)).toBeLessThanOrEqual(1);

    await panel(page).getByRole('button', { name: /end visit/i }).click();
    await expect.poll(() => panel(page).innerText(), { timeout: 15_000 }).toMatch(/Visit saved/);
    await page.screenshot({ path: `${ARTIFACTS}/panel-saved.png` });
    const summaryPage = await savedVisits(e.b);
    const [visit] = await waitForVisits(summaryPage, 1);
    expect(visit).toMatchObject({ endReason: 'user', partial: false, remoteSource: 'page-tap' });
    expect(Math.abs(visit!.clinicianShare! - DEMO_TRUTH.clinician_share)).toBeLessThan(0.05);
    // The page-tap path agrees with the CLI on the same audio.
    writeFileSync(`${ARTIFACTS}/visit-panel.json`, JSON.stringify(visit, null, 1)); // for diagnosis
    const { cliShare, clinicianShiftS, patientShiftS } = await cliShareForVisit(visit!);
    console.info(`page-tap saved share ${(visit!.clinicianShare! * 100).toFixed(2)}% vs attune analyze ${(cliShare * 100).toFixed(2)}% on the same audio (mic at ${clinicianShiftS.toFixed(2)} s, patient at ${patientShiftS.toFixed(2)} s)`);
    expect(Math.abs(visit!.clinicianShare! - cliShare)).toBeLessThanOrEqual(0.01);
    // One labelled utterance per clinician turn (17), counted as the panel showed them, and in
    // privacy-local mode (the default) labels and times only: no words are kept.
    expect(visit!.utterances?.length).toBeGreaterThanOrEqual(16);
    expect(visit!.utterances?.length).toBeLessThanOrEqual(18);
    expect(visit!.utterances?.every((u) => u.text === undefined)).toBe(true);
    expect(visit!.questions).toMatchObject(shown);
    await summaryPage.close();
    await page.close();
  });

  it('closing the call tab mid-visit still saves the visit', async () => {
    const page = await openDemoVisit(e.b, e.server.url);
    await startFromPanel(page);
    await joinCall(page);
    await page.waitForTimeout(8_000);
    expect((await readPanel(page)).patientS).toBeGreaterThan(0);
    await page.close();
    const summaryPage = await savedVisits(e.b);
    const visits = await waitForVisits(summaryPage, 2);
    expect(visits).toHaveLength(2);
    expect(visits[0]).toMatchObject({ endReason: 'tab-closed' });
    expect(visits[0]!.patientS).toBeGreaterThan(0);
    expect(e.guard.attempts).toEqual([]);
  });
});
