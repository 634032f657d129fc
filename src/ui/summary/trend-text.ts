/** The words under a history sparkline: the latest visit against the clinician's own recent average. */
import type { Trend } from '../../core/history/trends';

const VERDICT = { better: 'better', worse: 'worse', steady: 'about the same' } as const;

/**
 * "Latest 20 s vs your average of the previous 4 visits (35 s): worse (higher is better)".
 * `fmt` formats a value in the metric's unit.
 */
export function trendSentence(trend: Trend | null, better: 'higher' | 'lower', fmt: (value: number) => string): string {
  if (!trend) return 'Not measured in these visits';
  if (trend.previousMean === null || trend.direction === null) return `Latest ${fmt(trend.latest)} (the first visit measured, nothing to compare yet)`;
  const previous = trend.previousCount === 1 ? 'the previous visit' : `the previous ${trend.previousCount} visits`;
  return `Latest ${fmt(trend.latest)} vs your average of ${previous} (${fmt(trend.previousMean)}): ${VERDICT[trend.direction]} (${better} is better)`;
}
