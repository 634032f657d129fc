/** The visit's skills at a glance: each metric with this visit's value, its target, whether it was met, and the evidence. */
import type { MetricRow, Targets } from '../../core/history/metrics';
import { formatMetricValue, formatTarget } from './metric-format';

/** `unknown` for a measured value means the metric has no target to meet (e.g. gaze). */
const RESULT_TEXT = { met: 'Met', 'not-met': 'Not yet', unknown: 'No target' } as const;

/**
 * Measured metrics in a table; below it, the skills that did not apply in this visit (with why)
 * and the ones this visit did not measure (e.g. listening skills in a visit saved before Attune
 * detected them): never shown as zero.
 */
export function MetricTable({ rows, targets }: { rows: readonly MetricRow[]; targets: Targets }) {
  const measured = rows.filter((r) => r.value !== null);
  const notApplicable = rows.filter((r) => r.value === null && r.notApplicable).map((r) => `${r.metric.label.toLowerCase()} (${r.notApplicable})`);
  const missing = rows.filter((r) => r.value === null && !r.notApplicable).map((r) => r.metric.label.toLowerCase());
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
          {measured.map(({ metric, value, target, assessment, detail, evidence }) => (
            <tr key={metric.id} class={`attune-metrics__row attune-metrics__row--${assessment}`}>
              <th scope="row">
                {metric.label}
                <small class="attune-cite">{evidence}</small>
              </th>
              <td>
                {formatMetricValue(metric.unit, value)}
                {detail && <small class="attune-metrics__detail"> ({detail})</small>}
              </td>
              <td>{formatTarget(metric, target, targets)}</td>
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
      {notApplicable.length > 0 && <p class="attune-muted attune-metrics__not-applicable">Did not apply in this visit: {notApplicable.join(', ')}.</p>}
      {missing.length > 0 && <p class="attune-muted attune-metrics__missing">Not measured in this visit: {missing.join(', ')}.</p>}
    </>
  );
}
