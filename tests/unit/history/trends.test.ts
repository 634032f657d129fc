import { describe, expect, it } from 'vitest';
import { metricById } from '../../../src/core/history/metrics';
import { filterVisits, metricSeries, NO_FILTER, sitesOf, TREND_WINDOW, trendOf } from '../../../src/core/history/trends';
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

  const pts = (values: number[]) => values.map((value, i) => ({ visitId: String(i), startedAt: i, value }));

  it('never says "getting better" under a line whose last point falls (the walkthrough\'s case)', () => {
    // Reflections per question: 1, 1, 6, 6, then 2. The old rule (later half vs earlier half)
    // called this "better" because the middle rose; the latest visit is well below the recent ones.
    const trend = trendOf(pts([1, 1, 6, 6, 2]), 'higher')!;
    expect(trend.direction).toBe('worse');
    expect(trend.previousMean).toBeCloseTo(3.5, 9);
    expect(trend.previousCount).toBe(4);
  });

  it('compares the latest visit with the average of the previous TREND_WINDOW visits, in the metric\'s better direction', () => {
    expect(TREND_WINDOW).toBe(5);
    // A falling talk share is better; a falling open-question share is worse.
    expect(trendOf(pts([0.7, 0.65, 0.5, 0.45]), 'lower')).toEqual({ latest: 0.45, previousMean: expect.closeTo(0.6167, 3), previousCount: 3, direction: 'better' });
    expect(trendOf(pts([0.7, 0.65, 0.5, 0.45]), 'higher')!.direction).toBe('worse');
    // Only the last 5 before the latest count: the early 0s do not make 0.5 look better.
    expect(trendOf(pts([0, 0, 0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]), 'higher')).toMatchObject({ previousMean: 0.5, previousCount: 5, direction: 'steady' });
    expect(trendOf(pts([0.5, 0.52, 0.51, 0.5]), 'higher')!.direction).toBe('steady');
    expect(trendOf(pts([0.5, 0.6]), 'higher')).toEqual({ latest: 0.6, previousMean: 0.5, previousCount: 1, direction: 'better' });
    expect(trendOf(pts([0.5]), 'higher')).toEqual({ latest: 0.5, previousMean: null, previousCount: 0, direction: null });
    expect(trendOf([], 'higher')).toBeNull();
  });

  it('agrees with the last segment of the line whenever the latest point leaves the recent range', () => {
    // Property check over many series: a latest point above every previous one (in the window) is
    // never "worse" for higher-is-better, and one below all of them is never "better".
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 500; n++) {
      const values = Array.from({ length: 2 + Math.floor(rand() * 8) }, () => Math.round(rand() * 100) / 100);
      const previous = values.slice(-1 - TREND_WINDOW, -1);
      const latest = values.at(-1)!;
      const direction = trendOf(pts(values), 'higher')!.direction;
      if (latest > Math.max(...previous)) expect(direction).not.toBe('worse');
      if (latest < Math.min(...previous)) expect(direction).not.toBe('better');
    }
  });

  it('retention: a cut-off so many days back, none when kept forever', () => {
    const now = Date.UTC(2025, 5, 1);
    expect(retentionCutoffMs(now, 90)).toBe(now - 90 * 86_400_000);
    expect(retentionCutoffMs(now, 0)).toBeNull();
  });
});
