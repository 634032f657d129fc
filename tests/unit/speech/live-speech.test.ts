import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeMoonshineTranscriber } from '../../../src/adapters/speech/moonshine-node';
import { resampleWhole } from '../../../src/core/audio/resample';
import { createLiveSession } from '../../../src/core/session/live-session';
import type { Transcriber } from '../../../src/core/speech/transcriber';
import { readFixture } from './speech-fixtures';

/**
 * The live path end to end in Node: a 48 kHz microphone track (three espeak-ng utterances with
 * pauses, in 2048-sample batches as the AudioWorklet sends them) through the live session, the
 * talk engine's segmentation, the real Moonshine model and the classifier.
 */
function clinicianTrack48k(): Float32Array {
  const gap = (s: number) => new Float32Array(Math.round(s * 16000));
  const parts = [gap(1), readFixture('open-sleeping'), gap(1.5), readFixture('closed-coffee'), gap(1.5), readFixture('reflection-worried'), gap(1)];
  const total = parts.reduce((n, p) => n + p.length, 0);
  const at16k = new Float32Array(total);
  let o = 0;
  for (const p of parts) {
    at16k.set(p, o);
    o += p.length;
  }
  // A quiet room under it (-70 dBFS), deterministic.
  let seed = 7;
  for (let i = 0; i < at16k.length; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    at16k[i]! += ((seed / 2 ** 31) * 2 - 1) * 0.0005;
  }
  return resampleWhole(at16k, 16000, 48000);
}

describe('live session with speech-to-text', () => {
  let transcriber: Transcriber;
  beforeAll(async () => {
    transcriber = await createNodeMoonshineTranscriber();
  }, 60_000);
  afterAll(() => transcriber?.dispose());

  async function run(keepText: boolean) {
    const session = createLiveSession({ sampleRate: 48000, speech: { transcriber, keepText } });
    const track = clinicianTrack48k();
    const silence = new Float32Array(2048);
    for (let i = 0; i < track.length; i += 2048) {
      session.pushClinicianSamples(track.subarray(i, i + 2048));
      session.pushPatientSamples(silence.subarray(0, Math.min(2048, track.length - i)));
      await new Promise((r) => setImmediate(r)); // let transcriptions run as they would live
    }
    await session.settleSpeech();
    return session;
  }

  it('labels each utterance and counts them; no text in privacy-local mode', async () => {
    const session = await run(false);
    const live = session.live();
    expect(live.questions?.counts).toMatchObject({ open: 1, closed: 1, reflections: 1, openShare: 0.5, reflectionToQuestion: 0.5 });
    const { extras } = session.result();
    expect(extras.utterances?.map((u) => u.label)).toEqual(['open_question', 'closed_question', 'reflection']);
    expect(extras.utterances?.every((u) => u.text === undefined)).toBe(true);
    expect(extras.questions).toEqual(live.questions?.counts);
    // The advice count is saved with the visit (teach-back applies from it): three questions, no advice.
    expect([extras.adviceGiven, live.questions?.adviceGiven]).toEqual([0, 0]);
    // Utterance times follow the audio: the first question starts about 1 s in.
    expect(extras.utterances?.[0]?.startS).toBeGreaterThan(0.8);
    expect(extras.utterances?.[0]?.startS).toBeLessThan(1.3);
  }, 120_000);

  it('keeps the transcript when privacy-local mode is off', async () => {
    const session = await run(true);
    expect(session.result().extras.utterances?.[0]?.text).toBe('How have you been sleeping?');
  }, 120_000);
});
