import { describe, expect, it } from 'vitest';
import { metricById } from '../../../src/core/history/metrics';
import { filterVisits, metricSeries, NO_FILTER, sitesOf, trendOf } from '../../../src/core/history/trends';
import { retentionCutoffMs } from '../../../src/core/history/retention';
import { fullVisit } from './fixtures';

const day = (d: number) => Date.UTC(2025, 0, d);
const visits = [
  fullVisit({ id: 'a', site: 'meet', startedAt: day(1), clinicianShare: 0.7 }),
  fullVisit({ id: 'b', site: 'zoom', startedAt: day(5), clinicianShare: 0.65 }),
  fullVisit({ id: 'c', site: 'meet', startedAt: day(10), clinicianShare: null }),
  fullVisit({ id: 'd', site: 'meet', startedAt: day(20), clinicianShare: 0.5 }),
  fullVisit({ id: 'e', site: 'doxy', startedAt: day(30), clinicianShare: 0.45 }),
];

describe('history filters and trends', () => {
  it('filters by site and by a date range (from inclusive, to exclusive)', () => {
    expect(filterVisits(visits, NO_FILTER).map((v) => v.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(filterVisits(visits, { ...NO_FILTER, site: 'meet' }).map((v) => v.id)).toEqual(['a', 'c', 'd']);
    expect(filterVisits(visits, { site: null, fromMs: day(5), toMs: day(20) }).map((v) => v.id)).toEqual(['b', 'c']);
    expect(sitesOf(visits)).toEqual(['meet', 'zoom', 'doxy']);
  });

  it('builds a series oldest first, leaving out visits that did not measure the metric', () => {
    const shuffled = [visits[3]!, visits[0]!, visits[4]!, visits[2]!, visits[1]!];
    expect(metricSeries(shuffled, metricById('clinician-share')).map((p) => [p.visitId, p.value])).toEqual([
      ['a', 0.7],
      ['b', 0.65],
      ['d', 0.5],
      ['e', 0.45],
    ]);
  });

  it('calls a falling talk share better, a falling open-question share worse, and small changes steady', () => {
    const pts = (values: number[]) => values.map((value, i) => ({ visitId: String(i), startedAt: i, value }));
    // Later half mean 0.475 vs earlier 0.675: down by 0.2 of a 0.25 range.
    expect(trendOf(pts([0.7, 0.65, 0.5, 0.45]), 'lower')).toEqual({ latest: 0.45, mean: expect.closeTo(0.575, 9), direction: 'better' });
    expect(trendOf(pts([0.7, 0.65, 0.5, 0.45]), 'higher')!.direction).toBe('worse');
    expect(trendOf(pts([0.5, 0.52, 0.51, 0.5]), 'higher')!.direction).toBe('steady');
    expect(trendOf(pts([0.5, 0.6]), 'higher')).toEqual({ latest: 0.6, mean: 0.55, direction: null });
    expect(trendOf([], 'higher')).toBeNull();
  });

  it('retention: a cut-off so many days back, none when kept forever', () => {
    const now = Date.UTC(2025, 5, 1);
    expect(retentionCutoffMs(now, 90)).toBe(now - 90 * 86_400_000);
    expect(retentionCutoffMs(now, 0)).toBeNull();
  });
});
