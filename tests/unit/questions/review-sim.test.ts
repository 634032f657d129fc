import { describe, expect, it } from 'vitest';
import { afterReview, offered, simulateReview } from '../../../scripts/questions/review-sim';
import type { ScoredUtterance } from '../../../scripts/questions/metrics';

// One visit, gold: open, open, closed, reflection (gold open share 2/3).
const ROWS: ScoredUtterance[] = [
  { visitId: 1, gold: 'open_question', probs: [0.9, 0.1, 0, 0] }, // right, confidence 0.9
  { visitId: 1, gold: 'open_question', probs: [0.4, 0.35, 0.25, 0] }, // right, 0.4
  { visitId: 1, gold: 'closed_question', probs: [0.55, 0.45, 0, 0] }, // wrong, 0.55
  { visitId: 1, gold: 'reflection', probs: [0, 0.3, 0.7, 0] }, // right, 0.7
];

describe('review simulation', () => {
  it('offers the labels under the cut-off, or the k least confident', () => {
    expect([...offered(ROWS, { below: 0.6 })].sort()).toEqual([1, 2]);
    expect([...offered(ROWS, { leastConfident: 1 })]).toEqual([1]);
    expect(offered(ROWS, { leastConfident: 0 }).size).toBe(0);
  });

  it('corrects only the wrong reviewed labels, to the gold label in full', () => {
    const r = afterReview(ROWS, { below: 0.6 });
    expect(r).toMatchObject({ reviewed: 2, corrected: 1 });
    expect(r.rows[2]!.probs).toEqual([0, 1, 0, 0]);
    expect(r.rows[1]).toBe(ROWS[1]); // right: left alone, still counts by its probabilities
  });

  it('scores the visit after the review: known errors', () => {
    // argmax before: 3 open / 0 closed → share 100 % vs 66.7 %: 33.3 points; after: 2 / 1 → 0
    expect(simulateReview(ROWS, { leastConfident: 0 }, 'argmax', 1).shareMedianPts).toBeCloseTo(100 / 3, 6);
    const after = simulateReview(ROWS, { below: 0.6 }, 'argmax', 1);
    expect(after).toMatchObject({ visits: 1, reviewedPerVisit: 2, correctedPerVisit: 1 });
    expect(after.shareMedianPts).toBeCloseTo(0, 9);
    // expected after: open 0.9 + 0.4 = 1.3, closed 0.1 + 0.35 + 1 + 0.3 = 1.75 → 42.6 % vs 66.7 %
    expect(simulateReview(ROWS, { below: 0.6 }, 'expected', 1).shareMedianPts).toBeCloseTo(Math.abs(1.3 / 3.05 - 2 / 3) * 100, 6);
  });
});

describe('review simulation: confirming the right labels', () => {
  it('a confirmed right label counts in full for its label; the wrong ones are corrected as before', () => {
    const r = afterReview(ROWS, { below: 0.6, confirm: true });
    expect(r).toMatchObject({ reviewed: 2, corrected: 1 });
    expect(r.rows[1]!.probs).toEqual([1, 0, 0, 0]);
    expect(r.rows[2]!.probs).toEqual([0, 1, 0, 0]);
    expect(r.rows[0]).toBe(ROWS[0]); // not offered: still by its probabilities
  });

  it('scores what the summary shows: expected counts with the reviewed labels in full', () => {
    // after: open 0.9 + 1 = 1.9, closed 0.1 + 1 + 0.3 = 1.4, reflections 0.7 → share 1.9 / 3.3 vs 2/3; R:Q 0.7 / 3.3 vs 1/3
    const o = simulateReview(ROWS, { below: 0.6, confirm: true }, 'expected', 1);
    expect(o.shareMedianPts).toBeCloseTo(Math.abs(1.9 / 3.3 - 2 / 3) * 100, 6);
    expect(o.rqMedian).toBeCloseTo(Math.abs(0.7 / 3.3 - 1 / 3), 6);
    // confirming adds nothing under label counts (argmax already counts a right label in full)
    expect(simulateReview(ROWS, { below: 0.6, confirm: true }, 'argmax', 1).shareMedianPts).toBeCloseTo(0, 9);
  });
});

describe('review simulation: both limits', () => {
  it('offers at most k of the labels under the cut-off', () => {
    expect([...offered(ROWS, { below: 0.8, leastConfident: 5 })].sort()).toEqual([1, 2, 3]);
    expect([...offered(ROWS, { below: 0.8, leastConfident: 2 })].sort()).toEqual([1, 2]);
  });
});
