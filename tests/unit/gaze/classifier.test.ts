import { describe, expect, it } from 'vitest';
import { createGazeClassifier, DEFAULT_GAZE_CLASSIFIER, frameGazeState, type TrackedGazeState } from '../../../src/core/gaze/classifier';
import { frame, noFace, twoFaces, type Look } from './synth';

const CAL = { yawDeg: 5, pitchDeg: 8, samples: 15 };
const O = DEFAULT_GAZE_CLASSIFIER;

describe('one frame’s gaze state, relative to the calibration', () => {
  it.each<[string, Look, TrackedGazeState | null, TrackedGazeState]>([
    ['at the calibrated direction', { yaw: 5, pitch: 8 }, null, 'on-screen'],
    ['19° to the side: still on screen', { yaw: 24, pitch: 8 }, null, 'on-screen'],
    ['21° to the side', { yaw: 26, pitch: 8 }, null, 'away'],
    ['21° to the other side', { yaw: -16, pitch: 8 }, null, 'away'],
    ['head straight, eyes 0.2 of the width to the side (28°)', { yaw: 5, pitch: 8, iris: 0.2 }, null, 'away'],
    ['head turned 25°, eyes back on screen', { yaw: 30, pitch: 8, iris: -0.15 }, null, 'on-screen'],
    ['16° above', { yaw: 5, pitch: -8 }, null, 'away'],
    ['13° below', { yaw: 5, pitch: 21 }, null, 'down'],
    ['head level, eyes looking down (blendshape 1 = 15°)', { yaw: 5, pitch: 8, lookDown: 1 }, null, 'down'],
    ['below and far to the side: away', { yaw: 40, pitch: 30 }, null, 'away'],
    // Angle hysteresis: once away, a look-away ends only inside the return limit.
    ['16° to the side while away: still away', { yaw: 21, pitch: 8 }, 'away', 'away'],
    ['13° to the side while away: back', { yaw: 18, pitch: 8 }, 'away', 'on-screen'],
    ['9° below while down: still down', { yaw: 5, pitch: 17 }, 'down', 'down'],
    ['7° below while down: back', { yaw: 5, pitch: 15 }, 'down', 'on-screen'],
  ])('%s', (_name, look, current, expected) => {
    expect(frameGazeState(frame(0, look), current, CAL, O)).toBe(expected);
  });

  it('tells no face, a dark room and two faces apart', () => {
    expect(frameGazeState(noFace(0, 120), null, CAL, O)).toBe('no-face');
    expect(frameGazeState(noFace(0, 12), null, CAL, O)).toBe('low-light');
    expect(frameGazeState(twoFaces(0), null, CAL, O)).toBe('multiple-faces');
  });
});

describe('gaze state over time', () => {
  const run = (looks: Array<Look | 'none'>, fps = 5) => {
    const c = createGazeClassifier(CAL);
    return looks.map((l, i) => {
      const t = i / fps;
      return c.push(l === 'none' ? noFace(t) : frame(t, l));
    });
  };
  const on = { yaw: 5, pitch: 8 };
  const side = { yaw: 40, pitch: 8 };
  const low = { yaw: 5, pitch: 30 };

  it('the first frame sets the state at once', () => {
    expect(run([side])[0]).toEqual({ state: 'away', sinceS: 0 });
  });

  it('a look-away needs two frames (0.2 s) and is dated back to the first', () => {
    const changes = run([on, on, side, side, side]);
    expect(changes.slice(1)).toEqual([null, null, { state: 'away', sinceS: 0.4 }, null]);
  });

  it('a single stray frame changes nothing', () => {
    expect(run([on, side, on, on]).slice(1)).toEqual([null, null, null]);
  });

  it('down needs 0.4 s, so the low point of a nod is not charting', () => {
    expect(run([on, low, on, low, low, on]).slice(1)).toEqual([null, null, null, null, null]);
    expect(run([on, low, low, low]).slice(1)).toEqual([null, null, { state: 'down', sinceS: 0.2 }]);
  });

  it('a face lost for under a second keeps the last state; longer is no-face, dated to the first missing frame', () => {
    expect(run([on, 'none', 'none', 'none', on]).slice(1)).toEqual([null, null, null, null]);
    const changes = run([on, 'none', 'none', 'none', 'none', 'none', 'none']);
    expect(changes.filter(Boolean)).toEqual([{ state: 'on-screen', sinceS: 0 }, { state: 'no-face', sinceS: 0.2 }]);
  });
});
