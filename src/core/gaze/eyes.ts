import type { EyeLookBlendshapes, EyePoints, Point } from './frame';

/**
 * Where the eyes point relative to the head, from the iris position inside each eye opening
 * (horizontal) and the eye-look blendshapes (vertical: the lids hide the iris's vertical
 * position, and "look down" is what charting looks like).
 *
 * Gains are approximations for an adult eye (eyeball radius ≈ 12 mm, eye opening ≈ 30 mm):
 * the iris moving a tenth of the opening ≈ 14°. The per-clinician calibration removes the
 * constant part, so only changes matter.
 */
export interface EyeGazeOptions {
  /** Degrees of eye yaw per unit of iris offset (fraction of the eye's width from its centre). */
  irisYawGainDeg: number;
  /** Degrees of eye pitch per unit of (look-down − look-up) blendshape. */
  lookPitchGainDeg: number;
}

export const DEFAULT_EYE_GAZE: EyeGazeOptions = { irisYawGainDeg: 140, lookPitchGainDeg: 15 };

export interface EyeGaze {
  /** > 0 when the eyes turn towards the image's right (same sense as head yaw). */
  yawDeg: number;
  /** > 0 when the eyes look down (same sense as head pitch). */
  pitchDeg: number;
}

const sub = (a: Point, b: Point): Point => [a[0] - b[0], a[1] - b[1]];
const dot = (a: Point, b: Point) => a[0] * b[0] + a[1] * b[1];

/**
 * Iris offset along the eye's own axis (corner to corner), as a fraction of the eye's width,
 * from its midpoint; > 0 towards the image's right. Null for a closed or degenerate eye.
 */
export function irisOffset(eye: EyePoints): number | null {
  const left = eye.outer[0] <= eye.inner[0] ? eye.outer : eye.inner;
  const right = left === eye.outer ? eye.inner : eye.outer;
  const axis = sub(right, left);
  const width2 = dot(axis, axis);
  if (!(width2 > 1)) return null;
  const t = dot(sub(eye.iris, left), axis) / width2;
  return t - 0.5;
}

export function eyeGaze(eyes: readonly [EyePoints, EyePoints], looks: EyeLookBlendshapes, options: EyeGazeOptions = DEFAULT_EYE_GAZE): EyeGaze {
  const offsets = eyes.map(irisOffset).filter((x): x is number => x !== null);
  const offset = offsets.length ? offsets.reduce((a, b) => a + b, 0) / offsets.length : 0;
  const down = (looks.eyeLookDownLeft + looks.eyeLookDownRight) / 2;
  const up = (looks.eyeLookUpLeft + looks.eyeLookUpRight) / 2;
  return { yawDeg: offset * options.irisYawGainDeg, pitchDeg: (down - up) * options.lookPitchGainDeg };
}
