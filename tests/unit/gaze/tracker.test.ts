import { describe, expect, it } from 'vitest';
import { longestLookAwayS, onScreenWhileSpeakingShare } from '../../../src/core/gaze/intervals';
import { createGazeTracker } from '../../../src/core/gaze/tracker';
import { GazeSummarySchema, LiveGazeSchema } from '../../../src/core/session/schema';
import * as v from 'valibot';
import { frames, type Look } from './synth';

const CAL = { yawDeg: 5, pitchDeg: 8, samples: 15 };

/** A visit segment by segment, like the shared test clip: on screen, nodding, away, on, charting, on. */
function script(t: number): Look | 'none' {
  if (t < 2) return { yaw: 5, pitch: 8 };
  if (t < 4) return { yaw: 5, pitch: 8 + 10 * Math.sin(((t - 2) / 0.7) * 2 * Math.PI) };
  if (t < 6) return { yaw: 45, pitch: 8 };
  if (t < 7) return { yaw: 5, pitch: 8 };
  if (t < 9) return { yaw: 5, pitch: 33 };
  if (t < 10) return { yaw: 5, pitch: 8 };
  return 'none';
}

describe('gaze tracker', () => {
  it('turns a visit into intervals, nods and a look-away time', () => {
    const g = createGazeTracker({ calibration: CAL });
    const all = frames(0, 12, script);
    for (const f of all.filter((f) => f.tS < 5)) g.push(f);
    const during = g.live([], 5);
    expect(during.state).toBe('away');
    expect(during.awayForS).toBeCloseTo(1, 6);
    for (const f of all.filter((f) => f.tS >= 5)) g.push(f);
    const s = g.summary([], 12);
    expect(v.is(GazeSummarySchema, s)).toBe(true);
    expect(s.intervals.map((i) => [i.state, i.startS, i.endS])).toEqual([
      ['on-screen', 0, 4],
      ['away', 4, 6],
      ['on-screen', 6, 7],
      ['down', 7, 9],
      ['on-screen', 9, 10],
      ['no-face', 10, 12],
    ]);
    expect(s.nods).toBe(3);
    for (const t of s.nodTimesS) expect(t >= 2 && t < 4).toBe(true);
    expect(s.longestLookAwayS).toBe(2);
    expect(s.calibrated).toBe(true);
  });

  it('shares on-screen gaze over the patient’s speech', () => {
    const g = createGazeTracker({ calibration: CAL });
    for (const f of frames(0, 10, script)) g.push(f);
    // Patient speaks 1–5 s (on screen 1–4, away 4–5) and 8–9.5 s (down 8–9, on 9–9.5).
    const live = g.live([[1, 5], [8, 9.5]], 10);
    expect(v.is(LiveGazeSchema, live)).toBe(true);
    expect(live.onScreenWhilePatientSpeaksShare).toBeCloseTo(3.5 / 5.5, 6);
    expect(g.live([], 10).onScreenWhilePatientSpeaksShare).toBeNull();
  });

  it('camera conditions override frames until cleared, and are kept in the intervals', () => {
    const g = createGazeTracker({ calibration: CAL });
    const ahead = () => ({ yaw: 5, pitch: 8 });
    for (const f of frames(0, 1, ahead)) g.push(f);
    g.setCondition(1, 'camera-busy', 'The camera stopped.');
    for (const f of frames(1, 2, ahead)) g.push(f);
    expect(g.live([], 2)).toMatchObject({ state: 'camera-busy', message: 'The camera stopped.' });
    g.setCondition(2, null);
    expect(g.live([], 2.5).state).toBe('on-screen');
    expect(g.summary([], 2.5).intervals.map((i) => i.state)).toEqual(['on-screen', 'camera-busy', 'on-screen']);
    expect(g.summary([], 2.5).calibrated).toBe(true);
  });

  it('says calibrating before the first frame and ignores frames that go back in time', () => {
    const g = createGazeTracker({ calibration: CAL });
    expect(g.live([]).state).toBe('calibrating');
    g.push(frames(1, 1.1, () => ({ yaw: 5, pitch: 8 }))[0]!);
    g.push(frames(0.5, 0.6, () => ({ yaw: 60 }))[0]!);
    expect(g.live([]).state).toBe('on-screen');
  });

  it('without a calibration, learns the on-screen direction from the first 5 s with a face, then replays them', () => {
    // A camera above the screen: looking at the call is 14° down; uncalibrated that would be "down".
    const g = createGazeTracker();
    const script = (t: number): Look | 'none' => (t < 2 ? 'none' : t < 9 ? { yaw: 0, pitch: 14 } : t < 11 ? { yaw: 30, pitch: 14 } : { yaw: 0, pitch: 14 });
    const all = frames(0, 13, script);
    for (const f of all.filter((f) => f.tS < 6)) g.push(f);
    expect(g.live([], 6).state).toBe('calibrating');
    for (const f of all.filter((f) => f.tS >= 6)) g.push(f);
    const s = g.summary([], 13);
    expect(s.intervals.map((i) => [i.state, i.startS, i.endS])).toEqual([
      ['no-face', 0, 2],
      ['on-screen', 2, 9],
      ['away', 9, 11],
      ['on-screen', 11, 13],
    ]);
    expect(s.calibrated).toBe(false);
  });
});

describe('gaze interval arithmetic', () => {
  it('a look-away that goes from away to down is one look-away', () => {
    expect(
      longestLookAwayS([
        { startS: 0, endS: 1, state: 'on-screen' },
        { startS: 1, endS: 3, state: 'away' },
        { startS: 3, endS: 4.5, state: 'down' },
        { startS: 4.5, endS: 5, state: 'on-screen' },
        { startS: 5, endS: 6, state: 'away' },
      ]),
    ).toBe(3.5);
  });

  it('counts only speech within the tracked time', () => {
    const on = [{ startS: 2, endS: 10, state: 'on-screen' as const }];
    expect(onScreenWhileSpeakingShare(on, [[0, 4]], 2, 10)).toBe(1);
    expect(onScreenWhileSpeakingShare(on, [[0, 1]], 2, 10)).toBeNull();
  });
});
