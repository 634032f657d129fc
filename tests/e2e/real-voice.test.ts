import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeWav16 } from '../../src/core/audio/wav';
import { grantMicrophone, joinCall, openDemoVisit, panel, readPanel, savedVisits, startFromPanel } from '../../scripts/lib/visit-flow';
import { cliShareAsHeardLive } from '../../scripts/lib/live-alignment';
import { ARTIFACTS, DEMO_TRUTH, startE2E, waitForVisits, type E2E } from './harness';
import { buildClinicianTrack, haveVoices, speechWithin, VOICES_DIR, writeFarEndWithNoise } from './real-voice-track';

/**
 * Issue 14.4: a live visit whose microphone is a real human voice (an Asterisk prompt voice,
 * telephone band, built into the demo script's clinician turns at test time), against the demo
 * page's scripted patient (played with a far end's noise floor under it: see writeFarEndWithNoise),
 * for the script's first minute. The live share must equal the offline engine's on the same audio
 * (within 1 point) and come within 2 points of the exact truth (the target).
 */
/**
 * The visit ends about a minute in on the script's clock, in the middle of the first silence of both
 * sides (≥ 0.4 s) after 58 s of demo/audio/truth.json, so no speech is cut whatever the dialogue.
 */
const VISIT_S = midSilenceAfter(58, [...DEMO_TRUTH.clinician, ...DEMO_TRUTH.patient], 0.4);

function midSilenceAfter(afterS: number, speech: Array<[number, number]>, minGapS: number): number {
  const spans = [...speech].sort((a, b) => a[0] - b[0]);
  let freeFromS = afterS;
  for (const [startS, endS] of spans) {
    if (endS <= freeFromS) continue;
    if (startS - freeFromS >= minGapS) return (freeFromS + startS) / 2;
    freeFromS = Math.max(freeFromS, endS);
  }
  return freeFromS + minGapS / 2;
}

if (!haveVoices()) console.warn(`real-voice e2e skipped: no ${VOICES_DIR}/manifest.json (run npm run voices:fetch; needs Debian asterisk-core-sounds-en-wav, codec2-examples, alsa-utils, sox)`);

describe.skipIf(!haveVoices())('a live visit with a real clinician voice', () => {
  let e: E2E;
  const micWav = `${ARTIFACTS}/real-voice-clinician.wav`;
  const audioDir = `${ARTIFACTS}/real-voice-audio`;
  let patientWav = '';
  const track = haveVoices() ? buildClinicianTrack(DEMO_TRUTH.clinician, DEMO_TRUTH.patient, VISIT_S) : null;
  // A fresh browser (and profile) for each attempt: see the retry below.
  beforeEach(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(micWav, encodeWav16([track!.samples], 16_000));
    patientWav = writeFarEndWithNoise(audioDir);
    e = await startE2E(undefined, micWav, audioDir);
  });
  afterEach(async () => {
    await e?.close();
  });

  // One retry: in one full `npm test` of five runs the live visit lost 1.2 s of the 13.2 s of clinician
  // speech (saved 26.6% vs offline 27.9%, truth 28.6%), on an idle machine, while the test alone passed
  // on idle and on loaded machines within 0.1 pt. The live microphone passes through Chrome's capture and
  // echo canceller, which the offline engine does not see; the cause is not yet known (issue 14's note).
  it('counts a real voice as the offline engine does, and near the truth', { retry: 1 }, async () => {
    const t = track!;
    console.info(`real-voice track: ${t.clips.length} clips, ${speechWithin(t.clinician, VISIT_S).toFixed(1)} s of clinician speech in ${VISIT_S} s`);
    expect(t.clinician.length).toBeGreaterThan(5);
    await grantMicrophone(e.b);
    const page = await openDemoVisit(e.b, e.server.url);
    await startFromPanel(page);
    // The script's zero is when the microphone opened (its file starts playing then; the visit's clock
    // starts with it): "End visit" appears once it has. Not the first detected speech, as the demo
    // tests align: the voice's first turn is short and a busy machine can show it late.
    await page.evaluate(() => (document.body.dataset.scriptZeroAtMs = String(performance.timeOrigin + performance.now())));
    await joinCall(page);
    const scriptZeroMs = Number(await page.evaluate(() => document.body.dataset.scriptZeroAtMs));
    // The patient's recording starts at the script's current point when the call is joined: what it
    // said before then was never played (at most this much, the join being seen as done).
    const joinedAtS = (Date.now() - scriptZeroMs) / 1000;
    // Seen on a machine at load 40: joining took 11 s and the engine's clock fell 10 s behind, and the
    // layout the checks below assume no longer held. Say so plainly rather than as a share error.
    expect(joinedAtS, 'joining the call took longer than the script allows (machine overloaded?)').toBeLessThan(4.3);
    await page.waitForTimeout(Math.max(0, scriptZeroMs + (VISIT_S + 0.3) * 1000 - Date.now()));
    const shown = await readPanel(page);
    await panel(page).getByRole('button', { name: /end visit/i }).click();
    const summaryPage = await savedVisits(e.b);
    const [visit] = await waitForVisits(summaryPage, 1);

    // The visit's clock starts with the microphone, which is the script's clock (aligned above).
    const untilS = visit!.durationS;
    const clinicianS = speechWithin(t.clinician, untilS);
    const patientS = speechWithin(DEMO_TRUTH.patient.map(([a, b]): [number, number] => [Math.max(a, joinedAtS), Math.max(b, joinedAtS)]), untilS);
    const truthShare = clinicianS / (clinicianS + patientS);
    const shownShare = shown.youS / (shown.youS + shown.patientS);
    console.info(
      `real-voice e2e: truth ${(truthShare * 100).toFixed(1)}% (you ${clinicianS.toFixed(1)} s, patient ${patientS.toFixed(1)} s over ${untilS.toFixed(1)} s, joined at ${joinedAtS.toFixed(1)} s); ` +
        `saved ${(visit!.clinicianShare! * 100).toFixed(1)}% (you ${visit!.clinicianS.toFixed(1)} s, patient ${visit!.patientS.toFixed(1)} s); panel ${(shownShare * 100).toFixed(1)}% (whole seconds)`,
    );
    // The same truth laid out as the visit heard it (each side's offset found from the live segments),
    // and the offline engine (`attune analyze`) on that audio.
    const heard = await cliShareAsHeardLive(
      { clinician: visit!.segments.clinician, patient: visit!.segments.patient, durationS: untilS },
      { clinician: t.clinician, patient: DEMO_TRUTH.patient, durationS: VISIT_S },
      { clinician: micWav, patient: patientWav },
    );
    console.info(`real-voice e2e: attune analyze on the audio as heard ${(heard.cliShare * 100).toFixed(1)}% (offsets: microphone ${heard.clinicianShiftS.toFixed(2)} s, patient ${heard.patientShiftS.toFixed(2)} s)`);
    // The live path counts a real voice as the offline engine does.
    expect(Math.abs(visit!.clinicianShare! - heard.cliShare)).toBeLessThanOrEqual(0.01);
    // Against the truth: the 2 points (offline on the same audio: 0.5 points).
    expect(Math.abs(visit!.clinicianShare! - truthShare)).toBeLessThanOrEqual(0.02);
    // The panel's clocks show whole seconds: the shares they allow must come as close to the truth.
    const panelLowest = shown.youS / (shown.youS + shown.patientS + 1);
    const panelHighest = (shown.youS + 1) / (shown.youS + 1 + shown.patientS);
    expect(truthShare).toBeGreaterThanOrEqual(panelLowest - 0.02);
    expect(truthShare).toBeLessThanOrEqual(panelHighest + 0.02);
    expect(e.guard.attempts).toEqual([]);
  });
});
