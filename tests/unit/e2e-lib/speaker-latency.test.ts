import { describe, expect, it } from 'vitest';
import { changeLatenciesMs, LOOPED_LATENCY_MIN, median, patientTakeovers, timedTakeovers } from '../../../scripts/lib/speaker-latency';

const showsPatient = (t: string) => /patient|both/i.test(t);

describe('speaker-change latency of the panel', () => {
  it('takes patient turns that follow a clinician turn, skipping backchannels and overlaps', () => {
    const turns = [
      { speaker: 'clinician', start: 1, end: 4 },
      { speaker: 'patient', start: 4.2, end: 10 },
      { speaker: 'clinician', start: 10.3, end: 12 },
      { speaker: 'patient', start: 11.9, end: 13, backchannel: true },
      { speaker: 'patient', start: 12.05, end: 20 },
      { speaker: 'clinician', start: 20.5, end: 25 },
      { speaker: 'patient', start: 26, end: 30 },
    ];
    expect(patientTakeovers(turns)).toEqual([4.2, 26]);
  });

  it('times the first change that shows the patient after each onset', () => {
    const t0 = 1_000_000;
    const changes = [
      { atMs: t0, text: 'No one is speaking' },
      { atMs: t0 + 1_100, text: 'You are speaking' },
      { atMs: t0 + 4_450, text: 'Both speaking' }, // 250 ms after the onset at 4.2 s
      { atMs: t0 + 4_700, text: 'Patient is speaking' },
      { atMs: t0 + 12_000, text: 'No one is speaking' },
    ];
    expect(changeLatenciesMs(changes, t0, [4.2, 5, 20], showsPatient)).toEqual([250, 'already', 'missed']);
  });

  it('medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('times the takeovers the panel had 2 s to show, and only the first minutes of a looped visit', () => {
    // A patient takeover every 60 s for two hours.
    const turns = Array.from({ length: 240 }, (_, i) => ({ speaker: i % 2 ? 'patient' : 'clinician', start: 30 * i, end: 30 * i + 29 }));
    const all = patientTakeovers(turns);
    expect(all).toHaveLength(120);
    expect(timedTakeovers(turns, 7200, false)).toEqual(all.filter((s) => s < 7198));
    expect(timedTakeovers(turns, 91, false)).toEqual([30]); // 90 s is still within its 2 s
    const looped = timedTakeovers(turns, 7200, true);
    expect(looped).toHaveLength(LOOPED_LATENCY_MIN);
    expect(Math.max(...looped)).toBeLessThan(LOOPED_LATENCY_MIN * 60);
  });
});
