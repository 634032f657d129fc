/**
 * A small line chart of one metric across visits: a line through the values (oldest left), a
 * dot on the latest, and a dashed target line when the metric has one. Geometry in sparkline.ts.
 */
import type { SeriesPoint } from '../../core/history/trends';
import { sparklineGeometry, SPARK_H, SPARK_W } from './sparkline';

export interface SparklineProps {
  points: readonly SeriesPoint[];
  /** Target value drawn as a dashed line; null for none. */
  target: number | null;
  /** Fixed range for shares (0–1); omitted → fitted to the values and target. */
  range?: [number, number];
  /** The accessible description (the chart is an image). */
  label: string;
  /** Formats a value in the metric's unit, for the axis and the points' tooltips. */
  format?: (value: number) => string;
}

export function Sparkline({ points, target, range, label, format = String }: SparklineProps) {
  const values = points.map((p) => p.value);
  const g = sparklineGeometry(values, target, range);
  // The axis: the chart's top and bottom values, so the line reads without hovering.
  const top = range ? range[1] : Math.max(...values, ...(target === null ? [] : [target]));
  const bottom = range ? range[0] : Math.min(...values, ...(target === null ? [] : [target]));
  return (
    <div class="attune-spark-wrap">
      <div class="attune-spark__axis" aria-hidden="true">
        <span>{format(top)}</span>
        <span>{format(bottom)}</span>
      </div>
      <svg class="attune-spark" viewBox={`0 0 ${SPARK_W} ${SPARK_H}`} role="img" aria-label={label} preserveAspectRatio="none">
        {g.targetY !== null && <line class="attune-spark__target" x1={0} x2={SPARK_W} y1={g.targetY} y2={g.targetY} />}
        {g.path && <path class="attune-spark__line" d={g.path} />}
        {g.points.map(([x, y], i) => (
          // Each visit's value on hover (the table under the chart has them for keyboards and screen readers).
          <circle key={points[i]!.visitId} class={i === g.points.length - 1 ? 'attune-spark__last' : 'attune-spark__point'} cx={x} cy={y} r={i === g.points.length - 1 ? 3 : 2}>
            <title>{format(values[i]!)}</title>
          </circle>
        ))}
      </svg>
    </div>
  );
}
