import { describe, expect, it } from 'vitest';
import { analyzeRecording } from '../../../src/core/talk/analyze-recording';
import { rng } from './synth';

/**
 * Two hours of two-channel audio through the CLI's path (analyzeRecording), generated on the fly
 * a second at a time: turns of 5–20 s alternate, with residual echo. The result must not drift
 * (the totals match the plan) and the heap must not grow with the visit's length.
 */
describe('a two-hour visit', () => {
  it('keeps time and memory bounded', { timeout: 120_000 }, async () => {
    const RATE = 16000;
    const HOURS = 2;
    const r = rng(3);
    let truthC = 0;
    let truthP = 0;
    const heap: number[] = [];
    async function* visit() {
      const mic = new Float32Array(RATE);
      const remote = new Float32Array(RATE);
      let speaker: 'clinician' | 'patient' = 'patient';
      let left = 0; // samples left in the current turn (speech then 1 s of pause)
      let t = 0;
      for (let s = 0; s < HOURS * 3600; s++) {
        for (let i = 0; i < RATE; i++, t++) {
          if (left <= 0) {
            speaker = speaker === 'clinician' ? 'patient' : 'clinician';
            left = Math.round((6 + 15 * Math.abs(r())) * RATE);
          }
          const speaking = left > RATE;
          left--;
          const env = speaking ? 0.15 * (0.55 + 0.45 * Math.sin((2 * Math.PI * 4 * t) / RATE)) : 0;
          const c = speaker === 'clinician' ? env * r() : 0;
          const p = speaker === 'patient' ? env * r() : 0;
          if (speaking && speaker === 'clinician') truthC++;
          if (speaking && speaker === 'patient') truthP++;
          remote[i] = p + 0.0005 * r();
          mic[i] = c + 0.1 * p + 0.001 * r();
        }
        if (s % 600 === 0) {
          globalThis.gc?.();
          heap.push(process.memoryUsage().heapUsed);
        }
        yield { clinician: mic, patient: remote };
      }
    }
    const result = await analyzeRecording(visit(), { clinician: RATE, patient: RATE });
    expect(result.durationS).toBeCloseTo(HOURS * 3600, 1);
    expect(Math.abs(result.clinicianS - truthC / RATE) / (truthC / RATE)).toBeLessThan(0.01);
    expect(Math.abs(result.patientS - truthP / RATE) / (truthP / RATE)).toBeLessThan(0.01);
    // the last half hour looks like the first: no drift in the segmentation
    const last = result.segments.clinician[result.segments.clinician.length - 1]!;
    expect(last[1]).toBeGreaterThan(HOURS * 3600 - 60);
    // heap after the first 10 minutes vs the end: only the interval lists grow (a few kB)
    const growth = heap[heap.length - 1]! - heap[1]!;
    expect(growth).toBeLessThan(30 * 1024 * 1024);
  });
});
