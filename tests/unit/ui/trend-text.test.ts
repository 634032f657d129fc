import { describe, expect, it } from 'vitest';
import { trendOf } from '../../../src/core/history/trends';
import { trendSentence } from '../../../src/ui/summary/trend-text';

const pts = (values: number[]) => values.map((value, i) => ({ visitId: String(i), startedAt: i, value }));
const seconds = (x: number) => `${Math.round(x)} s`;

describe('trend wording', () => {
  it('says "latest vs your average of the previous N" with the verdict and the better direction', () => {
    expect(trendSentence(trendOf(pts([30, 40, 35, 45, 20]), 'higher'), 'higher', seconds)).toBe(
      'Latest 20 s vs your average of the previous 4 visits (38 s): worse (higher is better)',
    );
    expect(trendSentence(trendOf(pts([0.7, 0.4]), 'lower'), 'lower', (x) => `${Math.round(x * 100)}%`)).toBe(
      'Latest 40% vs your average of the previous visit (70%): better (lower is better)',
    );
    expect(trendSentence(trendOf(pts([10, 10, 10]), 'higher'), 'higher', seconds)).toMatch(/: about the same \(higher is better\)$/);
  });

  it('has nothing to compare with one visit, and says when a metric was not measured', () => {
    expect(trendSentence(trendOf(pts([12]), 'higher'), 'higher', seconds)).toBe('Latest 12 s (the first visit measured, nothing to compare yet)');
    expect(trendSentence(null, 'higher', seconds)).toBe('Not measured in these visits');
  });

  it('never pairs "better" with a falling last point on a higher-is-better metric', () => {
    expect(trendSentence(trendOf(pts([1, 1, 6, 6, 2]), 'higher'), 'higher', String)).not.toMatch(/: better/);
  });
});
