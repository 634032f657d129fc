import { describe, expect, it } from 'vitest';
import { createWorkTally, type FrameWorkSample } from '../../../src/core/gaze/work-split';

const held = (readMs: number, countMs: number | null = null): FrameWorkSample => ({ readMs, inputMs: 0, landmarksMs: null, landmarkReason: null, countMs });

describe('face worker work split', () => {
  it('splits the worker time per frame into reading, landmarker runs by reason, and face counts', () => {
    const tally = createWorkTally();
    [
      { readMs: 1, inputMs: 2, landmarksMs: 20, landmarkReason: 'no-face', countMs: 4 },
      held(1),
      { readMs: 1, inputMs: 2, landmarksMs: 24, landmarkReason: 'moved', countMs: null },
      { readMs: 1, inputMs: 2, landmarksMs: 16, landmarkReason: 'moved', countMs: null },
      held(2, 6),
      { readMs: 0, inputMs: 2, landmarksMs: 30, landmarkReason: 'forced', countMs: null },
    ].forEach((s) => tally.add(s as FrameWorkSample));
    const split = tally.summary();
    expect(split.frames).toBe(6);
    expect(split.readMsPerFrame).toBeCloseTo(1);
    expect(split.inputMsPerFrame).toBeCloseTo(8 / 6);
    expect(split.landmarks.moved).toEqual({ share: 2 / 6, msPerRun: 20, msPerFrame: 40 / 6 });
    expect(split.landmarks.forced).toEqual({ share: 1 / 6, msPerRun: 30, msPerFrame: 5 });
    expect(split.landmarks['no-face']).toEqual({ share: 1 / 6, msPerRun: 20, msPerFrame: 20 / 6 });
    expect(split.count).toEqual({ share: 2 / 6, msPerRun: 5, msPerFrame: 10 / 6 });
  });

  it('reports zeros, not NaN, before any frame', () => {
    const split = createWorkTally().summary();
    expect(split.readMsPerFrame).toBe(0);
    expect(split.landmarks.forced).toEqual({ share: 0, msPerRun: 0, msPerFrame: 0 });
  });
});
