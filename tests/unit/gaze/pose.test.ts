import { describe, expect, it } from 'vitest';
import { headPoseFromMatrix } from '../../../src/core/gaze/pose';
import { matrixFor } from './synth';

describe('head pose from the facial transformation matrix', () => {
  it.each([
    [0, 0, 0],
    [30, 0, 0],
    [-35, 0, 0],
    [0, 25, 0],
    [0, -15, 0],
    [20, 10, 0],
    [-10, 20, 15],
    [5, -5, -20],
  ])('yaw %d°, pitch %d°, roll %d°', (yaw, pitch, roll) => {
    const pose = headPoseFromMatrix(matrixFor(yaw, pitch, roll));
    // Roll about the face's own axis leaves where the face points unchanged.
    expect(pose.yawDeg).toBeCloseTo(yaw, 6);
    expect(pose.pitchDeg).toBeCloseTo(pitch, 6);
    if (yaw === 0 && pitch === 0) expect(pose.rollDeg).toBeCloseTo(roll, 6);
  });

  it('ignores the translation', () => {
    const m = matrixFor(12, 7);
    m[12] = 50;
    m[14] = -90;
    expect(headPoseFromMatrix(m).yawDeg).toBeCloseTo(12, 6);
  });

  it('reads MediaPipe’s column-major layout (a matrix measured on the test clip, head 5° right, 8° down)', () => {
    const measured = [0.99, 0.06, -0.1, 0, -0.04, 0.99, 0.14, 0, 0.11, -0.14, 0.98, 0, -0.03, -3.85, -34.37, 1];
    const pose = headPoseFromMatrix(measured);
    expect(pose.yawDeg).toBeCloseTo(6.4, 0);
    expect(pose.pitchDeg).toBeCloseTo(8, 0);
  });

  it('rejects a matrix that is not 16 finite numbers', () => {
    expect(() => headPoseFromMatrix([1, 0, 0])).toThrow(/16 finite/);
    expect(() => headPoseFromMatrix(new Array(16).fill(Number.NaN))).toThrow(/16 finite/);
  });
});
