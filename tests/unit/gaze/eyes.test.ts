import { describe, expect, it } from 'vitest';
import { DEFAULT_EYE_GAZE, eyeGaze, irisOffset } from '../../../src/core/gaze/eyes';
import { eye, face } from './synth';

describe('eye direction', () => {
  it.each([
    [0, 0],
    [0.1, 0.1],
    [-0.15, -0.15],
  ])('iris offset %d of the width reads back as %d, whichever corner is outer', (offset, expected) => {
    expect(irisOffset(eye(300, 200, offset, true))).toBeCloseTo(expected, 9);
    expect(irisOffset(eye(300, 200, offset, false))).toBeCloseTo(expected, 9);
  });

  it('is null for a degenerate eye (corners on top of each other)', () => {
    expect(irisOffset({ outer: [10, 10], inner: [10, 10], upper: [10, 9], lower: [10, 11], iris: [10, 10] })).toBeNull();
  });

  it('turns iris offset into yaw and look-down/up blendshapes into pitch', () => {
    const f = face({ iris: 0.1, lookDown: 0.6, lookUp: 0.1 });
    const g = eyeGaze(f.eyes, f.blendshapes);
    expect(g.yawDeg).toBeCloseTo(0.1 * DEFAULT_EYE_GAZE.irisYawGainDeg, 6);
    expect(g.pitchDeg).toBeCloseTo(0.5 * DEFAULT_EYE_GAZE.lookPitchGainDeg, 6);
  });
});
