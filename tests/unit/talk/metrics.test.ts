import { describe, expect, it } from 'vitest';
import { computeTalkMetrics } from '../../../src/core/talk/metrics';
import type { Interval } from '../../../src/core/session/schema';

const m = (clinician: Interval[], patient: Interval[], durationS: number) => computeTalkMetrics({ clinician, patient }, durationS);

describe('talk metrics', () => {
  it('counts turns, tells backchannels from interruptions, and measures overlap-free latency', () => {
    const r = m(
      [
        [0, 5], // question
        [20.5, 21], // "mm-hm" inside the patient's turn: a backchannel
        [40.6, 50], // answers 0.6 s after the patient stops
        [60, 62], // then the patient speaks over the clinician's pause...
      ],
      [
        [5.4, 40], // opening statement, 34.6 s, not interrupted
        [55, 61], // ...and the clinician takes the floor back at 60 s, 1 s before the patient stops: an interruption
      ],
      70,
    );
    expect(r.turns).toBe(5);
    expect(r.backchannels).toEqual({ clinician: 1, patient: 0 });
    expect(r.interruptions).toEqual({ clinician: 1, patient: 0 });
    expect(r.clinicianResponseLatencyS).toBeCloseTo(0.6, 6);
    expect(r.patientResponseLatencyS).toBeCloseTo((0.4 + 5) / 2, 6);
    expect(r.longestMonologueS.patient).toBeCloseTo(34.6, 6);
    expect(r.opening).toEqual({ startS: 5.4, durationS: 34.6, ended: true, interrupted: false, interruptedAfterS: null });
    expect(r.floor).toBe('clinician');
    expect(r.turnsPerMin).toBeCloseTo(5 / (70 / 60), 6);
  });

  it('reports an interrupted opening statement and after how long', () => {
    const r = m(
      [
        [0, 3],
        [14, 20],
      ],
      [[4, 16]],
      25,
    );
    expect(r.opening).toMatchObject({ startS: 4, interrupted: true, interruptedAfterS: 10 });
    expect(r.interruptions.clinician).toBe(1);
  });

  it('flags clinician monologues over the threshold and builds a per-minute timeline', () => {
    const r = m(
      [
        [0, 40],
        [40.2, 75],
      ],
      [[76, 110]],
      120,
    );
    expect(r.clinicianLongMonologues).toEqual([[0, 75]]);
    expect(r.longestMonologueS.clinician).toBe(75);
    expect(r.timeline).toHaveLength(2);
    expect(r.timeline[0]).toMatchObject({ startS: 0, patientS: 0, clinicianShare: 1 });
    expect(r.timeline[1]!.clinicianS).toBeCloseTo(15, 6);
    expect(r.timeline[1]!.patientS).toBeCloseTo(34, 6);
    expect(r.recentClinicianShare).toBeCloseTo(15 / 49, 6);
  });

  it('is empty before anyone speaks', () => {
    const r = m([], [], 10);
    expect(r).toMatchObject({ turns: 0, opening: null, floor: null, clinicianResponseLatencyS: null, recentClinicianShare: null });
  });
});
