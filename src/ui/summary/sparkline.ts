/** Pure geometry of the history's sparklines, so the drawing can be tested to the pixel. */

export const SPARK_W = 160;
export const SPARK_H = 40;
/** Room at the edges so the dot and the line's width are not clipped. */
const PAD = 4;

export interface SparklineGeometry {
  /** SVG path through the points ("M x y L x y …"); empty when there are none. */
  path: string;
  /** The latest point, where the dot goes. */
  last: [number, number] | null;
  /** Every point, oldest first (for the hover titles). */
  points: [number, number][];
  targetY: number | null;
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Maps values (oldest first) to x evenly spaced across the width and y with larger values higher.
 * A single point sits in the middle; a flat series sits mid-height unless a range is given.
 */
export function sparklineGeometry(values: readonly number[], target: number | null, range?: [number, number]): SparklineGeometry {
  const finite = values.filter(Number.isFinite);
  let [lo, hi] = range ?? [Math.min(...finite, ...(target === null ? [] : [target])), Math.max(...finite, ...(target === null ? [] : [target]))];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { path: '', last: null, points: [], targetY: null };
  if (hi === lo) {
    lo -= 1;
    hi += 1;
  }
  const y = (v: number) => r2(PAD + (1 - (Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * (SPARK_H - 2 * PAD));
  const x = (i: number) => r2(finite.length === 1 ? SPARK_W / 2 : PAD + (i / (finite.length - 1)) * (SPARK_W - 2 * PAD));
  const pts = finite.map((v, i) => [x(i), y(v)] as [number, number]);
  return {
    path: pts.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${px} ${py}`).join(' '),
    last: pts.at(-1) ?? null,
    points: pts,
    targetY: target === null ? null : y(target),
  };
}
