import { describe, expect, it } from 'vitest';
import { assess, metricById, METRICS, visitMetricRows } from '../../../src/core/history/metrics';
import { fullVisit, LONG_TURN_S, metrics, TARGETS } from './fixtures';

describe('visit metrics', () => {
  it('reads each metric from a visit and compares it with its target', () => {
    const rows = visitMetricRows(fullVisit(), TARGETS, LONG_TURN_S);
    const table = Object.fromEntries(rows.map((r) => [r.metric.id, [r.value, r.target, r.assessment]]));
    expect(table).toEqual({
      opening: [40, null, 'met'],
      'clinician-share': [240 / 540, { kind: 'at-most', value: 0.6 }, 'met'],
      'open-share': [0.75, { kind: 'at-least', value: 0.5 }, 'met'],
      'reflection-to-question': [0.5, { kind: 'at-least', value: 1 }, 'not-met'],
      interruptions: [2, { kind: 'at-most', value: 0 }, 'not-met'],
      'longest-turn': [45, { kind: 'at-most', value: 60 }, 'met'],
      gaze: [0.8, null, 'unknown'],
      // Saved before the behaviour detector: not measured (null), never zero.
      agenda: [null, { kind: 'at-least', value: 1 }, 'unknown'],
      permission: [null, { kind: 'at-least', value: 1 }, 'unknown'],
      'teach-back': [null, { kind: 'at-least', value: 1 }, 'unknown'],
      affirmations: [null, null, 'unknown'],
      summaries: [null, null, 'unknown'],
    });
  });

  it('an interrupted opening reads as its length up to the interruption and misses', () => {
    const v = fullVisit({ metrics: metrics({ opening: { startS: 3, durationS: 30, ended: true, interrupted: true, interruptedAfterS: 11 } }) });
    expect(metricById('opening').value(v)).toBe(11);
    expect(assess(metricById('opening'), v, TARGETS, LONG_TURN_S)).toBe('not-met');
  });

  it('a target exactly reached counts as met, on either side', () => {
    const v = fullVisit({ clinicianShare: 0.6, questions: { ...fullVisit().questions!, openShare: 0.5, reflectionToQuestion: 1 } });
    for (const id of ['clinician-share', 'open-share', 'reflection-to-question'] as const) expect(assess(metricById(id), v, TARGETS, LONG_TURN_S)).toBe('met');
  });

  it('a visit without speech-to-text, camera or conversation metrics leaves those unknown', () => {
    const bare = fullVisit({ metrics: undefined, questions: undefined, utterances: undefined, gaze: undefined, clinicianShare: null });
    for (const row of visitMetricRows(bare, TARGETS, LONG_TURN_S)) {
      expect(row.value).toBeNull();
      expect(row.assessment).toBe('unknown');
    }
  });

  it('every metric cites the evidence behind it', () => {
    for (const m of METRICS) expect(m.evidence.length).toBeGreaterThan(20);
    expect(metricById('opening').evidence).toMatch(/11 s.*Singh Ospina.*2019.*Marvel.*1999.*92 s.*Langewitz.*2002/);
    expect(metricById('open-share').evidence).toMatch(/MITI 3\.1\.1.*50%.*70%/);
    expect(metricById('reflection-to-question').evidence).toMatch(/MITI 4\.2\.1.*1 or more.*2 or more/);
  });
});
