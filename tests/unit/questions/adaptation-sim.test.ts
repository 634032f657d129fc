import { describe, expect, it } from 'vitest';
import { simulateClinician, visitErrors, type SimUtterance, type SimVisit } from '../../../scripts/questions/adaptation-sim';
import type { UtteranceLabel } from '../../../src/core/questions/labels';

const u = (p: number[], gold: UtteranceLabel): SimUtterance => ({ logProbs: p.map((x) => Math.log(Math.max(x, 1e-12))), gold });

// Gold: 2 open, 2 closed, 1 reflection → open share 50 %, R:Q 0.25.
const VISIT: SimVisit = [
  u([0.6, 0.4, 0, 0], 'open_question'), // right, confidence 0.6
  u([0.55, 0.45, 0, 0], 'closed_question'), // wrong (open), 0.55
  u([0.7, 0.3, 0, 0], 'open_question'), // right, 0.7
  u([0.2, 0.8, 0, 0], 'closed_question'), // right, 0.8
  u([0, 0, 0.5, 0.5], 'reflection'), // right (first on the tie), 0.5
];
// A first visit whose only reviewed label is a right reflection: it teaches the layer nothing either way.
const FIRST: SimVisit = [u([0, 0, 0.9, 0.1], 'reflection')];

describe('adaptation simulation: scored as the summary shows a visit', () => {
  it('visit errors from (expected) counts against the gold labels; too few gold questions: not scored', () => {
    expect(visitErrors({ open: 1.5, closed: 2.5, reflections: 0.5 }, VISIT.map((x) => x.gold))).toEqual({ openSharePts: 12.5, rq: 0.125 });
    expect(visitErrors({ open: 1, closed: 1, reflections: 0 }, ['open_question', 'closed_question', 'reflection'])).toBeNull();
  });

  it('k = 0: every label counts by its probabilities (expected counts, not label counts)', () => {
    const [r] = simulateClinician([FIRST, VISIT], 0, {});
    // open .6 + .55 + .7 + .2 = 2.05 of 4 questions → 51.25 % vs 50 %; R:Q .5 / 4 = .125 vs .25
    expect(r!.adapted.openSharePts).toBeCloseTo(1.25, 6);
    expect(r!.adapted.rq).toBeCloseTo(0.125, 6);
    expect(r!.afterOwnReview).toEqual(r!.adapted);
  });

  it('the review corrects the wrong labels in full; confirmed right ones count in full too', () => {
    // k = 2 reviews the reflection (0.5, right) and the second question (0.55, wrong → closed).
    const [leftAlone] = simulateClinician([FIRST, VISIT], 2, {}, 'none');
    // open .6 + .7 + .2 = 1.5, closed .4 + 1 + .3 + .8 = 2.5 → 37.5 %; the reflection still counts 0.5
    expect(leftAlone!.afterOwnReview.openSharePts).toBeCloseTo(12.5, 6);
    expect(leftAlone!.afterOwnReview.rq).toBeCloseTo(0.125, 6);
    const [confirmed] = simulateClinician([FIRST, VISIT], 2, {}, 'counts');
    expect(confirmed!.afterOwnReview.openSharePts).toBeCloseTo(12.5, 6);
    expect(confirmed!.afterOwnReview.rq).toBeCloseTo(0, 6);
  });

  it('only "teaches" adds confirmations to what the layer learns from', () => {
    // The first visit's least-confident label is a right open question, confirmed.
    const first: SimVisit = [u([0.52, 0.48, 0, 0], 'open_question'), u([0, 0, 0.1, 0.9], 'other')];
    const none = simulateClinician([first, VISIT], 1, {}, 'none')[0]!;
    const counts = simulateClinician([first, VISIT], 1, {}, 'counts')[0]!;
    const teaches = simulateClinician([first, VISIT], 1, {}, 'teaches')[0]!;
    expect(counts.adapted).toEqual(none.adapted);
    expect(counts.adapted.openSharePts).toBeCloseTo(1.25, 6); // no layer: as at k = 0
    // taught that a near-tie was open, the layer leans open: the later visit's open share rises
    expect(teaches.adapted.openSharePts).toBeGreaterThan(counts.adapted.openSharePts);
  });
});
