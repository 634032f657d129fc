/**
 * Head yaw, pitch and roll from MediaPipe's facial transformation matrix (canonical face →
 * camera space; x to the image's right, y up, z towards the camera). Angles come from where the
 * face points (the matrix's z column) rather than from an Euler decomposition, so yaw and pitch
 * do not depend on a rotation order.
 *
 * Conventions (degrees): yaw > 0 when the face turns towards the image's right; pitch > 0 when
 * the face turns down; roll > 0 when the head tilts clockwise in the image.
 */
export interface HeadPose {
  yawDeg: number;
  pitchDeg: number;
  rollDeg: number;
}

const DEG = 180 / Math.PI;

/** `m` is the 4×4 matrix in column-major order (element (row r, column c) at m[c * 4 + r]). */
export function headPoseFromMatrix(m: readonly number[]): HeadPose {
  if (m.length < 16 || m.some((x) => !Number.isFinite(x))) throw new Error('facial transformation matrix must have 16 finite numbers');
  const at = (r: number, c: number) => m[c * 4 + r]!;
  // Where the face points (its +z axis) and its up direction (+y axis), in camera space.
  const [fx, fy, fz] = [at(0, 2), at(1, 2), at(2, 2)];
  const [ux, uy] = [at(0, 1), at(1, 1)];
  const yawDeg = Math.atan2(fx, fz) * DEG;
  const pitchDeg = Math.atan2(-fy, Math.hypot(fx, fz)) * DEG;
  // The image's y axis points down, camera space's up: clockwise in the image is the up vector leaning to +x.
  const rollDeg = Math.atan2(ux, uy) * DEG;
  return { yawDeg, pitchDeg, rollDeg };
}
