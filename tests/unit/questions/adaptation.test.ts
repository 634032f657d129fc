import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  AdaptationLayerSchema,
  IDENTITY_LAYER,
  MAX_BIAS,
  adaptLabel,
  adaptedProbabilities,
  fitAdaptation,
  isIdentity,
  toLogProbs,
} from '../../../src/core/questions/adaptation';

// Label order: open, closed, reflection, other.
const closedLeaning = toLogProbs([0.35, 0.45, 0.1, 0.1]);

describe('fitAdaptation', () => {
  it('is exactly the identity with no corrections', () => {
    expect(fitAdaptation([])).toEqual(IDENTITY_LAYER);
    expect(fitAdaptation([], { scope: 'all' })).toEqual(IDENTITY_LAYER);
    expect(isIdentity(fitAdaptation([]))).toBe(true);
  });

  it('by default moves open against closed only', () => {
    const toOpen = Array.from({ length: 10 }, () => ({ logProbs: closedLeaning, target: 'open_question' as const }));
    const [open, closed, reflection, other] = fitAdaptation(toOpen).bias as [number, number, number, number];
    expect(open).toBeGreaterThan(0);
    expect(closed).toBeCloseTo(-open, 3);
    expect([reflection, other]).toEqual([0, 0]);
    // a correction to a reflection says nothing about open vs closed when the model split them evenly
    const toReflection = Array.from({ length: 10 }, () => ({ logProbs: toLogProbs([0.3, 0.3, 0.2, 0.2]), target: 'reflection' as const }));
    expect(fitAdaptation(toReflection).bias).toEqual([0, 0, 0, 0]);
  });

  it('with every class free, moves towards the class corrected to, away from the one corrected from', () => {
    const layer = fitAdaptation(
      Array.from({ length: 10 }, () => ({ logProbs: closedLeaning, target: 'open_question' as const })),
      { scope: 'all' },
    );
    const [open, closed, reflection, other] = layer.bias as [number, number, number, number];
    expect(open).toBeGreaterThan(0);
    expect(closed).toBeLessThan(0);
    expect(open).toBeGreaterThan(Math.abs(reflection));
    expect(closed).toBeLessThan(Math.min(reflection, other));
    expect(layer.corrections).toBe(10);
    // … and after it, the same utterance is read as open
    expect(adaptLabel([0.35, 0.45, 0.1, 0.1], layer).label).toBe('open_question');
  });

  it.each([
    // n corrections of a 50/50 open/closed utterance to open, L2 = λ. Open and closed move by ±b.
    // Every class free: the optimum solves n · (1 − σ(2b)) = λ · b (the other two have p ≈ 0).
    ['all', 1],
    // Open-closed: one parameter θ = 2b, penalised λθ²/2, so n · (1 − σ(2b)) = 2λ · b.
    ['open-closed', 2],
  ] as const)('matches the closed-form optimum for one class pair (scope %s, known answer)', (scope, factor) => {
    const n = 8;
    const l2 = 4;
    const evenly = Array.from({ length: n }, () => ({ logProbs: [Math.log(0.5), Math.log(0.5), -20, -20], target: 'open_question' as const }));
    const layer = fitAdaptation(evenly, { l2, scope });
    const b = layer.bias[0] as number;
    expect(b).toBeGreaterThan(0.3);
    expect(layer.bias[1]).toBeCloseTo(-b, 3);
    expect(n * (1 - 1 / (1 + Math.exp(-2 * b)))).toBeCloseTo(factor * l2 * b, 2);
  });

  it('moves less with a stronger L2, and more with more corrections', () => {
    const fix = (n: number) => Array.from({ length: n }, () => ({ logProbs: closedLeaning, target: 'open_question' as const }));
    const open = (l: { bias: number[] }) => l.bias[0] as number;
    expect(open(fitAdaptation(fix(10), { l2: 16 }))).toBeLessThan(open(fitAdaptation(fix(10), { l2: 4 })));
    expect(open(fitAdaptation(fix(20)))).toBeGreaterThan(open(fitAdaptation(fix(5))));
  });

  it('cancels out corrections in opposite directions', () => {
    const both = [
      ...Array.from({ length: 6 }, () => ({ logProbs: toLogProbs([0.4, 0.4, 0.1, 0.1]), target: 'open_question' as const })),
      ...Array.from({ length: 6 }, () => ({ logProbs: toLogProbs([0.4, 0.4, 0.1, 0.1]), target: 'closed_question' as const })),
    ];
    const layer = fitAdaptation(both, { scope: 'all' });
    expect(layer.bias[0]).toBeCloseTo(layer.bias[1] as number, 3);
  });

  it('stays within ±MAX_BIAS, is deterministic and validates', () => {
    const many = Array.from({ length: 200 }, () => ({ logProbs: toLogProbs([0.001, 0.997, 0.001, 0.001]), target: 'open_question' as const }));
    const layer = fitAdaptation(many, { l2: 0.01 });
    expect(layer.bias[0]).toBe(MAX_BIAS);
    for (const b of layer.bias) expect(Math.abs(b)).toBeLessThanOrEqual(MAX_BIAS);
    expect(fitAdaptation(many, { l2: 0.01 })).toEqual(layer);
    expect(v.parse(AdaptationLayerSchema, JSON.parse(JSON.stringify(layer)))).toEqual(layer);
  });
});

describe('adaptLabel and adaptedProbabilities', () => {
  it('changes nothing under the identity', () => {
    const r = adaptLabel([0.2, 0.5, 0.2, 0.1], IDENTITY_LAYER);
    expect(r.label).toBe('closed_question');
    expect(r.confidence).toBeCloseTo(0.5, 3);
    const p = adaptedProbabilities(toLogProbs([0.2, 0.5, 0.2, 0.1]), [0, 0, 0, 0]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(p[1]).toBeCloseTo(0.5, 3);
  });

  it('adds the bias to the log-probabilities (known answer)', () => {
    // 0.4 / 0.4 and a bias of ln 3 on open: 0.4·3 / (0.4·3 + 0.4 + 0.2) = 2/3
    const p = adaptedProbabilities(toLogProbs([0.4, 0.4, 0.1, 0.1]), [Math.log(3), 0, 0, 0]);
    expect(p[0]).toBeCloseTo(2 / 3, 2);
  });

  it('stores log-probabilities clipped and rounded (no -Infinity for a zero probability)', () => {
    expect(toLogProbs([1, 0, 0.5, 1e-30])).toEqual([0, -20, -0.693, -20]);
  });
});
