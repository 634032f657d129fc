/** How a metric's value and target read on the summary and history pages. */
import type { MetricDefinition, MetricTarget, MetricUnit, Targets } from '../../core/history/metrics';
import { formatDuration, formatPercent } from '../format';

export function formatMetricValue(unit: MetricUnit, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'share':
      return formatPercent(value);
    case 'seconds':
      return formatDuration(value);
    case 'ratio':
      return value.toFixed(1);
    case 'count':
      return String(Math.round(value));
    case 'yes-no':
      // A single visit is yes or no; an average over visits is how often it was yes.
      return value === 1 ? 'Yes' : value === 0 ? 'No' : `${formatPercent(value)} of visits`;
  }
}

/** "≤ 60%", "≥ 1.0", "0" (none at all), or the metric's own words ("Every time"); the opening statement's target is to let it finish. */
export function formatTarget(metric: MetricDefinition, target: MetricTarget | null, targets: Targets): string {
  if (metric.id === 'opening') return 'Not interrupted';
  if (!target) return '—';
  if (metric.targetText) return metric.targetText(targets);
  if (metric.unit === 'count' && target.kind === 'at-most' && target.value === 0) return '0';
  return `${target.kind === 'at-least' ? '≥' : '≤'} ${formatMetricValue(metric.unit, target.value)}`;
}
