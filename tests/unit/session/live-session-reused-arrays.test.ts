import { describe, expect, it } from 'vitest';
import { FRAME_TAP_BATCH } from '../../../src/adapters/audio/frame-tap-processor';
import { createLiveSession } from '../../../src/core/session/live-session';
import type { Transcriber } from '../../../src/core/speech/transcriber';
import { synthVisit } from '../talk/synth';

/**
 * The engine host hands the audio thread's arrays back to be filled again as soon as a push
 * returns (frame-tap-processor.ts): the session must copy whatever it keeps. Fed through one
 * array that is overwritten after every push, a visit gives the same talk figures and the same
 * audio to speech-to-text as fed through arrays of its own.
 */
const BATCH = FRAME_TAP_BATCH;

async function visit(reuse: boolean, rate: number) {
  const { mic, remote } = synthVisit([
    { speaker: 'clinician', s: 3 },
    { speaker: 'patient', s: 4 },
    { speaker: 'clinician', s: 2 },
  ], { rate });
  const heard: number[] = [];
  const transcriber: Transcriber = {
    transcribe: async (pcm16k) => {
      heard.push(pcm16k.reduce((sum, x) => sum + Math.abs(x), 0));
      return { text: 'How has your sleep been?' };
    },
    dispose: () => undefined,
  };
  const session = createLiveSession({ sampleRate: rate, speech: { transcriber, keepText: false } });
  const shared = { clinician: new Float32Array(BATCH), patient: new Float32Array(BATCH) };
  for (let i = 0; i + BATCH <= mic.length; i += BATCH) {
    const clinician = reuse ? shared.clinician : new Float32Array(BATCH);
    const patient = reuse ? shared.patient : new Float32Array(BATCH);
    clinician.set(mic.subarray(i, i + BATCH));
    patient.set(remote.subarray(i, i + BATCH));
    session.pushClinicianSamples(clinician);
    session.pushPatientSamples(patient);
    clinician.fill(0.9); // what the audio thread writes next, before the session looks again
    patient.fill(0.9);
    if (i % (BATCH * 16) === 0) await new Promise((r) => setImmediate(r));
  }
  await session.settleSpeech();
  return { talk: session.result().talk, heard };
}

describe('live session: pushed arrays are not kept', () => {
  it.each([16000, 48000])('one reused array gives the same visit as fresh ones (%i Hz)', async (rate) => {
    const fresh = await visit(false, rate);
    const reused = await visit(true, rate);
    expect(fresh.talk.clinicianS).toBeGreaterThan(3);
    expect(fresh.talk.patientS).toBeGreaterThan(3);
    expect(fresh.heard.length).toBeGreaterThan(0);
    expect(reused.talk).toEqual(fresh.talk);
    expect(reused.heard).toEqual(fresh.heard);
  });
});
