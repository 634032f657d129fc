import { describe, expect, it } from 'vitest';
import { createCalibrator } from '../../../src/core/gaze/calibration';
import { frame, frames, noFace, twoFaces } from './synth';

describe('calibration: 3 s of looking at the patient’s video', () => {
  it('takes the median direction of head and eyes', () => {
    const c = createCalibrator();
    for (const f of frames(0, 3.2, (t) => ({ yaw: 6 + Math.sin(t * 9), pitch: 9 + Math.cos(t * 7), iris: 0.02 }))) c.push(f);
    expect(c.done).toBe(true);
    const out = c.outcome();
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.calibration.yawDeg).toBeCloseTo(6 + 0.02 * 140, 0);
    expect(out.calibration.pitchDeg).toBeCloseTo(9, 0);
    expect(out.calibration.samples).toBe(16);
  });

  it('is not done before its time, and reports progress', () => {
    const c = createCalibrator();
    c.push(frame(10));
    c.push(frame(11.5));
    expect(c.done).toBe(false);
    expect(c.progress()).toBeCloseTo(0.5, 6);
  });

  it.each([
    ['no face', (t: number) => noFace(t), 'no-face'],
    ['two faces', (t: number) => twoFaces(t), 'multiple-faces'],
    ['looking around', (t: number) => frame(t, { yaw: 30 * Math.sin(t * 3) }), 'moving'],
  ] as const)('fails clearly with %s', (_name, make, problem) => {
    const c = createCalibrator();
    for (let i = 0; i <= 15; i++) c.push(make(i / 5));
    expect(c.outcome()).toEqual({ ok: false, problem });
  });
});
