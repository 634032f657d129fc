import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createLiveSession } from '../../../src/core/session/live-session';
import { GazeSummarySchema, LiveTalkSchema } from '../../../src/core/session/schema';
import { loadCalibration, saveCalibration } from '../../../src/adapters/vision/calibration-store';
import { frames } from './synth';

const CAL = { yawDeg: 5, pitchDeg: 8, samples: 15 };

describe('gaze in the live session', () => {
  it('is absent unless turned on', () => {
    const s = createLiveSession({ sampleRate: 16000 });
    s.pushClinicianSamples(new Float32Array(16000));
    expect(s.gaze).toBeNull();
    expect(s.live().gaze).toBeUndefined();
    expect(s.result().extras.gaze).toBeUndefined();
  });

  it('carries live gaze at the talk clock and the gaze summary in checkpoints and the result', () => {
    const s = createLiveSession({ sampleRate: 16000, gaze: { calibration: CAL } });
    // 5 s of silence: the visit clock runs (to 4.4 s: the aligner holds 0.6 s back for the far end).
    s.pushClinicianSamples(new Float32Array(16000 * 5));
    for (const f of frames(0, 4, (t) => (t < 2 ? { yaw: 5, pitch: 8 } : { yaw: 45, pitch: 8 }))) s.gaze!.tracker.push(f);
    const live = s.live();
    expect(v.is(LiveTalkSchema, live)).toBe(true);
    expect(live.gaze).toMatchObject({ state: 'away', nods: 0, onScreenWhilePatientSpeaksShare: null });
    expect(live.gaze!.awayForS).toBeCloseTo(live.elapsedS - 2, 1);
    const saved = s.checkpoint().extras.gaze!;
    expect(v.is(GazeSummarySchema, saved)).toBe(true);
    expect(saved.intervals.map((i) => i.state)).toEqual(['on-screen', 'away']);
    expect(s.result().extras.gaze).toMatchObject({ calibrated: true, longestLookAwayS: expect.closeTo(live.elapsedS - 2, 1) });
  });
});

describe('calibration store', () => {
  const memory = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, x: string) => void m.set(k, x), m };
  };

  it('round-trips a calibration', () => {
    const s = memory();
    saveCalibration(CAL, 1700000000000, s);
    expect(loadCalibration(s)).toEqual({ ...CAL, savedAt: 1700000000000 });
  });

  it('reads nothing from an empty, garbled or invalid record (gaze then runs uncalibrated)', () => {
    const s = memory();
    expect(loadCalibration(s)).toBeNull();
    s.m.set('attune.gazeCalibration.v1', '{not json');
    expect(loadCalibration(s)).toBeNull();
    s.m.set('attune.gazeCalibration.v1', JSON.stringify({ yawDeg: 'x', pitchDeg: 1, samples: 3, savedAt: 1 }));
    expect(loadCalibration(s)).toBeNull();
  });
});
