import { describe, expect, it } from 'vitest';
import { createDuplexVad, type DuplexVadOptions } from '../../../src/core/talk/duplex-vad';
import { rng } from './synth';

const FLOOR_DB = -55;
const ECHO_COUPLING_DB = -15;
const ECHO_DELAY_FRAMES = 3;
const CLINICIAN_DB = -32;
const power = (db: number) => Math.pow(10, db / 10);
const sumDb = (...dbs: number[]) => 10 * Math.log10(dbs.reduce((a, db) => a + power(db), 0));

/**
 * Laptop speakers and a quiet (far) clinician, levels per 10 ms frame: 30 s of the patient alone
 * (syllables of 170 ms at about −20 dBFS, 80 ms apart; the echo model learns a −15 dB coupling, ±1 dB
 * of jitter), then the clinician alone for 2 s, then both for 1.5 s with the clinician about 5 dB
 * above the patient's echo (she finishes her sentence while the patient starts a long vowel), then
 * the patient alone again for 3 s. Returns the clinician's events
 * and the frame where her speech truly ends.
 */
function doubleTalk(options: Partial<DuplexVadOptions> = {}) {
  const random = rng(14);
  const patient: number[] = [];
  const clinician: number[] = [];
  const add = (s: number, patientTalks: 'syllables' | 'vowel' | false, clinicianTalks: boolean) => {
    for (let i = 0; i < s * 100; i++) {
      const t = patient.length;
      if (patientTalks === 'vowel') patient.push(-20);
      else patient.push(patientTalks === 'syllables' && t % 25 < 17 ? -20 + 4 * Math.sin((2 * Math.PI * t) / 17) : -75);
      clinician.push(clinicianTalks ? CLINICIAN_DB + random() : -120);
    }
  };
  add(1, false, false);
  add(30, 'syllables', false);
  add(1, false, false);
  add(2, false, true);
  add(1.5, 'vowel', true);
  const trueEndFrame = patient.length;
  add(3, 'syllables', false);
  const vad = createDuplexVad(options);
  const events: Array<{ type: string; frame: number }> = [];
  patient.forEach((remoteDb, t) => {
    const echoDb = (patient[t - ECHO_DELAY_FRAMES] ?? -120) + ECHO_COUPLING_DB + random();
    const micDb = sumDb(FLOOR_DB + random(), echoDb, clinician[t]!);
    const e = vad.push({ energyDb: micDb }, { energyDb: remoteDb }).clinician;
    if (e) events.push(e);
  });
  return { events, trueEndFrame };
}

describe('double talk: the clinician keeps talking over the patient', () => {
  it('holds her speech a few dB above the predicted echo, and ends it when she stops', () => {
    const { events, trueEndFrame } = doubleTalk();
    expect(events.map((e) => e.type)).toEqual(['speechStart', 'speechEnd']);
    expect(Math.abs(events[1]!.frame - trueEndFrame)).toBeLessThanOrEqual(5);
  });
  it('loses the double talk with the old 7 dB hold margin (the end comes when the patient starts)', () => {
    const { events, trueEndFrame } = doubleTalk({ echoHoldMarginDb: 7 });
    expect(events.map((e) => e.type)).toEqual(['speechStart', 'speechEnd']);
    expect(trueEndFrame - events[1]!.frame).toBeGreaterThan(100);
  });
});
