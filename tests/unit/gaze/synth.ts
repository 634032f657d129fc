import type { EyePoints, FaceObservation, GazeFrame } from '../../../src/core/gaze/frame';

/**
 * Synthetic face observations with known answers: a facial transformation matrix built from a
 * chosen yaw, pitch and roll (the face's forward axis is (sin y·cos p, −sin p, cos y·cos p) in
 * camera space, as MediaPipe's matrix has it), eyes drawn as 30 px openings with the iris shifted
 * by a chosen fraction of the width, and eye-look blendshapes.
 */
const RAD = Math.PI / 180;

/** Column-major 4×4: R = Ry(yaw)·Rx(pitch)·Rz(roll) (roll about the face's own axis) with the signs of pose.ts, plus a translation. */
export function matrixFor(yawDeg: number, pitchDeg: number, rollDeg = 0): number[] {
  const [y, p, r] = [yawDeg * RAD, pitchDeg * RAD, -rollDeg * RAD];
  const rx = [
    [1, 0, 0],
    [0, Math.cos(p), -Math.sin(p)],
    [0, Math.sin(p), Math.cos(p)],
  ];
  const ry = [
    [Math.cos(y), 0, Math.sin(y)],
    [0, 1, 0],
    [-Math.sin(y), 0, Math.cos(y)],
  ];
  const rz = [
    [Math.cos(r), -Math.sin(r), 0],
    [Math.sin(r), Math.cos(r), 0],
    [0, 0, 1],
  ];
  const mul = (a: number[][], b: number[][]) => a.map((row) => [0, 1, 2].map((c) => row.reduce((s, v, k) => s + v * b[k]![c]!, 0)));
  const m = mul(ry, mul(rx, rz));
  const out = new Array<number>(16).fill(0);
  for (let r0 = 0; r0 < 3; r0++) for (let c = 0; c < 3; c++) out[c * 4 + r0] = m[r0]![c]!;
  out[12] = -3;
  out[13] = -4;
  out[14] = -40;
  out[15] = 1;
  return out;
}

export function eye(centreX: number, centreY: number, irisOffset: number, outerOnLeft: boolean): EyePoints {
  const left: [number, number] = [centreX - 15, centreY];
  const right: [number, number] = [centreX + 15, centreY];
  return {
    outer: outerOnLeft ? left : right,
    inner: outerOnLeft ? right : left,
    upper: [centreX, centreY - 5],
    lower: [centreX, centreY + 5],
    iris: [centreX + irisOffset * 30, centreY],
  };
}

export interface Look {
  yaw?: number;
  pitch?: number;
  roll?: number;
  /** Iris offset, fraction of the eye's width (> 0 towards the image's right). */
  iris?: number;
  lookDown?: number;
  lookUp?: number;
}

export function face(look: Look = {}): FaceObservation {
  const iris = look.iris ?? 0;
  return {
    matrix: matrixFor(look.yaw ?? 0, look.pitch ?? 0, look.roll ?? 0),
    eyes: [eye(280, 200, iris, true), eye(360, 200, iris, false)],
    blendshapes: {
      eyeLookDownLeft: look.lookDown ?? 0,
      eyeLookDownRight: look.lookDown ?? 0,
      eyeLookUpLeft: look.lookUp ?? 0,
      eyeLookUpRight: look.lookUp ?? 0,
    },
  };
}

export const frame = (tS: number, look: Look = {}): GazeFrame => ({ tS, faceCount: 1, lumaMean: 120, face: face(look) });
export const noFace = (tS: number, lumaMean = 120): GazeFrame => ({ tS, faceCount: 0, lumaMean, face: null });
export const twoFaces = (tS: number): GazeFrame => ({ tS, faceCount: 2, lumaMean: 120, face: null });

/** Frames at `fps` over [fromS, toS) with the look given per time. */
export function frames(fromS: number, toS: number, look: (tS: number) => Look | 'none', fps = 5): GazeFrame[] {
  const out: GazeFrame[] = [];
  for (let i = 0; fromS + i / fps < toS - 1e-9; i++) {
    const t = Math.round((fromS + i / fps) * 1000) / 1000;
    const l = look(t);
    out.push(l === 'none' ? noFace(t) : frame(t, l));
  }
  return out;
}
