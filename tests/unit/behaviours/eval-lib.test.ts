import { describe, expect, it } from 'vitest';
import { parseBehaviourSet } from '../../../scripts/behaviours/behaviour-set';
import { scoreBehaviours } from '../../../scripts/behaviours/score';

describe('behaviour set format', () => {
  it('reads items with defaults for the optional fields', () => {
    const [item] = parseBehaviourSet('{"id":"a","text":"Hi.","behaviours":[]}\n\n', 'set.jsonl');
    expect(item).toEqual({ id: 'a', text: 'Hi.', behaviours: [], hardNegativeFor: [], precedingClinician: [] });
  });

  it('names the bad line', () => {
    expect(() => parseBehaviourSet('{"id":"a","text":"Hi.","behaviours":[]}\nnope', 's.jsonl')).toThrow('s.jsonl:2: not JSON');
    expect(() => parseBehaviourSet('{"id":"a","text":"Hi.","behaviours":["praise"]}', 's.jsonl')).toThrow(/s\.jsonl:1: behaviours\.0: /);
    expect(() => parseBehaviourSet('{"id":"a","text":"x","behaviours":[]}\n{"id":"a","text":"y","behaviours":[]}', 's.jsonl')).toThrow('s.jsonl:2: duplicate id a');
  });
});

describe('scoreBehaviours', () => {
  it('counts TP/FP/FN per behaviour, with intervals that contain the point estimate', () => {
    const rows = [
      { group: '1', gold: ['agenda'] as const, predicted: ['agenda'] as const },
      { group: '2', gold: ['agenda'] as const, predicted: [] as const },
      { group: '3', gold: [] as const, predicted: ['agenda'] as const },
      { group: '4', gold: ['agenda'] as const, predicted: ['agenda'] as const },
    ];
    const s = scoreBehaviours(rows, 500, 3);
    expect(s.agenda).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(s.agenda.precision).toBeCloseTo(2 / 3);
    expect(s.agenda.recall).toBeCloseTo(2 / 3);
    expect(s.agenda.precisionCi![0]).toBeLessThanOrEqual(2 / 3);
    expect(s.agenda.precisionCi![1]).toBeGreaterThanOrEqual(2 / 3);
    expect(s.summary).toMatchObject({ tp: 0, fp: 0, fn: 0, precision: null, recall: null, precisionCi: null });
    expect(scoreBehaviours(rows, 500, 3)).toEqual(s); // seeded
  });
});
