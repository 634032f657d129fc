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

/**
 * How many visits before the latest one its comparison averages. Short enough to follow a
 * clinician's recent practice, long enough that one odd visit does not swing the baseline.
 */
export const TREND_WINDOW = 5;
/** A change smaller than this fraction of the values' spread (or of the baseline) is "steady". */
export const STEADY_FRACTION = 0.1;

export interface Trend {
  latest: number;
  /** Mean of the up to TREND_WINDOW visits before the latest; null when the latest is the only one. */
  previousMean: number | null;
  /** How many visits previousMean averages (0 with a single visit). */
  previousCount: number;
  /** The latest against previousMean, judged by the metric's better direction; null with a single visit. */
  direction: TrendDirection | null;
}

/**
 * The latest visit against the clinician's own average of the visits just before it. This is
 * what the words under a sparkline claim, and it always agrees with the line's last point: a
 * latest point below the recent average is never called "better" for a higher-is-better metric.
 */
export function trendOf(points: readonly SeriesPoint[], better: 'higher' | 'lower', window = TREND_WINDOW): Trend | null {
  if (points.length === 0) return null;
  const values = points.map((p) => p.value);
  const latest = values.at(-1)!;
  const previous = values.slice(-1 - window, -1);
  if (previous.length === 0) return { latest, previousMean: null, previousCount: 0, direction: null };
  const previousMean = previous.reduce((a, b) => a + b, 0) / previous.length;
  const change = latest - previousMean;
  const spread = Math.max(...values.slice(-1 - window)) - Math.min(...values.slice(-1 - window));
  const scale = Math.max(spread, Math.abs(previousMean), 1e-9);
  const direction: TrendDirection =
    Math.abs(change) < STEADY_FRACTION * scale ? 'steady' : change > 0 === (better === 'higher') ? 'better' : 'worse';
  return { latest, previousMean, previousCount: previous.length, direction };
}
