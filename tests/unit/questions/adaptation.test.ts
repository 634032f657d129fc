import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { IDENTITY_LAYER, MAX_LOG_ODDS, adaptLabel, adaptResult, fitAdaptation, toLogProbs, type AdaptationLayer } from '../../../src/core/questions/adaptation';
import { classifyUtterance } from '../../../src/core/questions/classify';
import { AdaptationLayerSchema } from '../../../src/core/questions/adaptation-profile';

// Label order: open, closed, reflection, other.
const closedLeaning = toLogProbs([0.35, 0.45, 0.1, 0.1]);
const times = <T,>(n: number, x: T): T[] => Array.from({ length: n }, () => x);
const layerWith = (openLogOdds: number): AdaptationLayer => ({ ...IDENTITY_LAYER, openLogOdds, corrections: 1 });

describe('fitAdaptation', () => {
  it('is exactly the identity with no corrections', () => {
    expect(fitAdaptation([])).toEqual(IDENTITY_LAYER);
    expect(fitAdaptation([]).openLogOdds).toBe(0);
  });

  it('moves towards open when the clinician corrects closed to open, and towards closed the other way', () => {
    expect(fitAdaptation(times(10, { logProbs: closedLeaning, target: 'open_question' as const })).openLogOdds).toBeGreaterThan(0.5);
    expect(fitAdaptation(times(10, { logProbs: toLogProbs([0.45, 0.35, 0.1, 0.1]), target: 'closed_question' as const })).openLogOdds).toBeLessThan(-0.5);
  });

  it('is not moved by corrections to a reflection or other, but counts them', () => {
    const layer = fitAdaptation(times(10, { logProbs: closedLeaning, target: 'reflection' as const }));
    expect(layer.openLogOdds).toBe(0);
    expect(layer.corrections).toBe(10);
  });

  it('matches the closed-form optimum (known answer)', () => {
    // n corrections to open of utterances the model splits 50/50 between open and closed, L2 = λ:
    // the optimum solves n · (1 − σ(θ)) = λ · θ.
    const n = 8;
    const l2 = 4;
    const theta = fitAdaptation(times(n, { logProbs: [Math.log(0.5), Math.log(0.5), -20, -20], target: 'open_question' as const }), { l2 }).openLogOdds;
    expect(theta).toBeGreaterThan(0.3);
    expect(n * (1 - 1 / (1 + Math.exp(-theta)))).toBeCloseTo(l2 * theta, 2);
  });

  it('moves less with a stronger L2 and more with more corrections; opposite corrections cancel', () => {
    const toOpen = (n: number) => times(n, { logProbs: closedLeaning, target: 'open_question' as const });
    expect(fitAdaptation(toOpen(10), { l2: 16 }).openLogOdds).toBeLessThan(fitAdaptation(toOpen(10), { l2: 4 }).openLogOdds);
    expect(fitAdaptation(toOpen(20)).openLogOdds).toBeGreaterThan(fitAdaptation(toOpen(5)).openLogOdds);
    const even = toLogProbs([0.4, 0.4, 0.1, 0.1]);
    const both = [...times(6, { logProbs: even, target: 'open_question' as const }), ...times(6, { logProbs: even, target: 'closed_question' as const })];
    expect(fitAdaptation(both).openLogOdds).toBe(0);
  });

  it('stays within ±MAX_LOG_ODDS, is deterministic and validates', () => {
    const many = times(200, { logProbs: toLogProbs([0.001, 0.997, 0.001, 0.001]), target: 'open_question' as const });
    const layer = fitAdaptation(many, { l2: 0.01 });
    expect(layer.openLogOdds).toBe(MAX_LOG_ODDS);
    expect(fitAdaptation(many, { l2: 0.01 })).toEqual(layer);
    expect(v.parse(AdaptationLayerSchema, JSON.parse(JSON.stringify(layer)))).toEqual(layer);
  });
});

describe('adaptLabel', () => {
  it('changes nothing under the identity', () => {
    expect(adaptLabel([0.2, 0.5, 0.2, 0.1], IDENTITY_LAYER)).toMatchObject({ label: 'closed_question', confidence: 0.5 });
  });

  it('moves a question between open and closed by the shift (known answer)', () => {
    // 0.4 / 0.5 open / closed, θ = ln 2: open odds 0.8 × 2 = 1.6 → P(open) = 0.9 · 1.6 / 2.6 ≈ 0.554
    const r = adaptLabel([0.4, 0.5, 0.05, 0.05], layerWith(Math.log(2)));
    expect(r.label).toBe('open_question');
    expect(r.confidence).toBeCloseTo((0.9 * 1.6) / 2.6, 2);
  });

  it('never changes whether an utterance is a question (R:Q stays as the model says)', () => {
    // a reflection stays one however far the shift goes, and a question never becomes a reflection
    expect(adaptLabel([0.3, 0.05, 0.4, 0.25], layerWith(MAX_LOG_ODDS)).label).toBe('reflection');
    expect(adaptLabel([0.05, 0.5, 0.4, 0.05], layerWith(-MAX_LOG_ODDS)).label).toBe('closed_question');
    expect(adaptLabel([0.05, 0.5, 0.4, 0.05], layerWith(MAX_LOG_ODDS)).label).toBe('open_question');
  });

  it('stores log-probabilities clipped and rounded (no -Infinity for a zero probability)', () => {
    expect(toLogProbs([1, 0, 0.5, 1e-30])).toEqual([0, -20, -0.693, -20]);
  });
});

describe('adaptResult', () => {
  it('is the classifier’s result under the identity, with its log-probabilities beside it', () => {
    const r = classifyUtterance({ text: 'So you’re worried about the cost.' });
    expect(adaptResult(r, IDENTITY_LAYER)).toEqual({ ...r, classLogProbs: toLogProbs(r.probabilities) });
  });
});
