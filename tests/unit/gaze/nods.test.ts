import { describe, expect, it } from 'vitest';
import { createNodDetector } from '../../../src/core/gaze/nods';

/** Runs pitch/yaw functions of time through a detector at `fps` and returns the nod times. */
function nodsOf(seconds: number, pitch: (t: number) => number, yaw: (t: number) => number = () => 0, fps = 5, phaseS = 0): number[] {
  const d = createNodDetector();
  const out: number[] = [];
  for (let i = 0; i < seconds * fps; i++) {
    const t = phaseS + i / fps;
    const nod = d.push(t, pitch(t), yaw(t));
    if (nod !== null) out.push(nod);
  }
  return out;
}

// A deterministic jitter of ±1.5°, like landmark noise.
const jitter = (t: number) => 1.5 * Math.sin(t * 37.1) * Math.cos(t * 11.7);

describe('nods', () => {
  it.each([0, 0.05, 0.1, 0.15])('three nods (±10°, 0.7 s each) are three nods at 5 fps, whatever the sampling phase (%d s)', (phase) => {
    const nods = nodsOf(4, (t) => 8 + (t >= 1 && t < 3.1 ? 10 * Math.sin(((t - 1) / 0.7) * 2 * Math.PI - Math.PI / 2) + 10 : 0), undefined, 5, phase);
    expect(nods.length).toBe(3);
    for (const n of nods) expect(n).toBeGreaterThanOrEqual(1);
    for (const n of nods) expect(n).toBeLessThanOrEqual(3.3);
  });

  it('counts small nods of 6° but not landmark jitter', () => {
    expect(nodsOf(3, (t) => (t >= 1 && t < 1.6 ? 6 * Math.sin(((t - 1) / 0.6) * Math.PI) : 0))).toHaveLength(1);
    expect(nodsOf(30, jitter)).toEqual([]);
  });

  it('looking down to chart and staying there is not a nod; nor is coming back up 2 s later', () => {
    const charting = (t: number) => (t < 2 ? 0 : t < 2.4 ? (t - 2) * 62.5 : t < 4.4 ? 25 : t < 4.8 ? 25 - (t - 4.4) * 62.5 : 0) + jitter(t);
    expect(nodsOf(8, charting)).toEqual([]);
  });

  it('a head turn that dips the pitch is not a nod', () => {
    const turn = (t: number) => (t > 1 && t < 1.8 ? 35 * Math.sin(((t - 1) / 0.8) * Math.PI) : 0);
    expect(nodsOf(4, (t) => (t > 1 && t < 1.8 ? 8 * Math.sin(((t - 1) / 0.8) * Math.PI) : 0), turn)).toEqual([]);
  });

  it('a gap in tracking splits a movement', () => {
    const d = createNodDetector();
    expect(d.push(0, 0, 0)).toBeNull();
    expect(d.push(0.2, 12, 0)).toBeNull();
    d.reset();
    expect(d.push(0.4, 0, 0)).toBeNull();
  });
});
