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
}

export function Sparkline({ points, target, range, label }: SparklineProps) {
  const g = sparklineGeometry(points.map((p) => p.value), target, range);
  return (
    <svg class="attune-spark" viewBox={`0 0 ${SPARK_W} ${SPARK_H}`} role="img" aria-label={label} preserveAspectRatio="none">
      {g.targetY !== null && <line class="attune-spark__target" x1={0} x2={SPARK_W} y1={g.targetY} y2={g.targetY} />}
      {g.path && <path class="attune-spark__line" d={g.path} />}
      {g.last && <circle class="attune-spark__last" cx={g.last[0]} cy={g.last[1]} r={3} />}
    </svg>
  );
}
