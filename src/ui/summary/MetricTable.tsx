/** The visit's skills at a glance: each metric with this visit's value, its target, whether it was met, and the evidence. */
import type { MetricRow } from '../../core/history/metrics';
import { formatMetricValue, formatTarget } from './metric-format';

/** `unknown` for a measured value means the metric has no target to meet (e.g. gaze). */
const RESULT_TEXT = { met: 'Met', 'not-met': 'Not yet', unknown: 'No target' } as const;

/** Measured metrics in a table; the ones this visit did not measure are named below it. */
export function MetricTable({ rows }: { rows: readonly MetricRow[] }) {
  const measured = rows.filter((r) => r.value !== null);
  const missing = rows.filter((r) => r.value === null).map((r) => r.metric.label.toLowerCase());
  return (
    <>
      <table class="attune-metrics">
        <thead>
          <tr>
            <th scope="col">Skill</th>
            <th scope="col">This visit</th>
            <th scope="col">Target</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {measured.map(({ metric, value, target, assessment }) => (
            <tr key={metric.id} class={`attune-metrics__row attune-metrics__row--${assessment}`}>
              <th scope="row">
                {metric.label}
                <small class="attune-cite">{metric.evidence}</small>
              </th>
              <td>{formatMetricValue(metric.unit, value)}</td>
              <td>{formatTarget(metric, target)}</td>
              <td>
                <span class={`attune-result attune-result--${assessment}`}>
                  <span aria-hidden="true">{assessment === 'met' ? '✓ ' : assessment === 'not-met' ? '○ ' : ''}</span>
                  {RESULT_TEXT[assessment]}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing.length > 0 && <p class="attune-muted attune-metrics__missing">Not measured in this visit: {missing.join(', ')}.</p>}
    </>
  );
}
