/** History: filtering visits by site and date, and one series per metric for the sparklines. */
import type { VisitSummary } from '../session/schema';
import type { MetricDefinition } from './metrics';

export interface VisitFilter {
  /** Platform id, or null for every site. */
  site: string | null;
  /** Epoch ms, inclusive; null for no bound. */
  fromMs: number | null;
  /** Epoch ms, exclusive; null for no bound. */
  toMs: number | null;
}

export const NO_FILTER: VisitFilter = { site: null, fromMs: null, toMs: null };

export function filterVisits(visits: readonly VisitSummary[], f: VisitFilter): VisitSummary[] {
  return visits.filter(
    (v) => (f.site === null || v.site === f.site) && (f.fromMs === null || v.startedAt >= f.fromMs) && (f.toMs === null || v.startedAt < f.toMs),
  );
}

/** The sites present, for the filter's choices, in first-seen order. */
export function sitesOf(visits: readonly VisitSummary[]): string[] {
  return [...new Set(visits.map((v) => v.site))];
}

export interface SeriesPoint {
  visitId: string;
  startedAt: number;
  value: number;
}

/** A metric's values over the visits that measured it, oldest first. */
export function metricSeries(visits: readonly VisitSummary[], metric: MetricDefinition): SeriesPoint[] {
  return [...visits]
    .sort((a, b) => a.startedAt - b.startedAt)
    .flatMap((v) => {
      const value = metric.value(v);
      return value === null || !Number.isFinite(value) ? [] : [{ visitId: v.id, startedAt: v.startedAt, value }];
    });
}

export type TrendDirection = 'better' | 'worse' | 'steady';

export interface Trend {
  latest: number;
  /** Mean of every point. */
  mean: number;
  /** The later half against the earlier half, in the metric's good direction; null under 4 points. */
  direction: TrendDirection | null;
}

/**
 * Compares the mean of the later half of the visits with the earlier half. A change of less than
 * `steadyFraction` of the overall range (or of the mean, for a flat series) counts as steady.
 */
export function trendOf(points: readonly SeriesPoint[], better: 'higher' | 'lower', steadyFraction = 0.1): Trend | null {
  if (points.length === 0) return null;
  const values = points.map((p) => p.value);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const latest = values.at(-1)!;
  if (values.length < 4) return { latest, mean, direction: null };
  const half = Math.floor(values.length / 2);
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const change = avg(values.slice(values.length - half)) - avg(values.slice(0, half));
  const scale = Math.max(Math.max(...values) - Math.min(...values), Math.abs(mean), 1e-9);
  if (Math.abs(change) < steadyFraction * scale) return { latest, mean, direction: 'steady' };
  const up = change > 0;
  return { latest, mean, direction: up === (better === 'higher') ? 'better' : 'worse' };
}
