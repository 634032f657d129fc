import type { Point } from './frame';

/**
 * Which camera frames need the face landmarker. The landmarker (20–30 ms a frame on this 2-core
 * machine) is nearly all of gaze's cost, and a clinician listening to a patient holds still for
 * most of a visit: there the previous answer is still the answer. So each frame's face and eye
 * regions, reduced to tiny grey patches, are compared with the previous frame's (moving now?)
 * and with those at the last landmarker run (moved since, slowly?). The eye band has its own
 * patch because a glance moves too few pixels to show in the whole face's. The landmarker runs
 * again on any change, when there was no face, and at least every `maxHeldFrames + 1` frames
 * whatever happens. Counting faces (for "two faces") is the face detector's job, on its own
 * slower clock, riding on the landmarker's frames.
 */
export interface RegionThresholds {
  /** Mean absolute grey-level difference (0–255) from the previous frame's patch that means movement. */
  motionGreyDiff: number;
  /** The same from the patch at the last landmarker run: slow drift that adds up. */
  driftGreyDiff: number;
}

export interface FrameGateOptions {
  face: RegionThresholds;
  eyes: RegionThresholds;
  /** Frames in a row that may reuse the last landmarks. */
  maxHeldFrames: number;
  /**
   * Seconds between face counts by the face detector while one face is seen (by the last count
   * and the landmarker), at least. A count falls on the first frame the landmarker runs on once
   * this has passed (at most `maxHeldFrames` frames later), so it reuses that frame's input
   * instead of making one of its own.
   */
  faceCountEveryS: number;
  /** The same otherwise (no face, two faces): a second face is noticed soon after an empty frame, and its leaving soon after. */
  recountEveryS: number;
}

/**
 * Measured on the shared head-pose clip at 5 fps (in Chromium, from the camera's luma plane):
 * a still or swaying face differs from the previous frame by 1–6 grey levels on average over
 * the 24×24 face patch, a nod or a turn by 8–40; the eye band's third-largest cell difference
 * is 4–26 while swaying, 30–50 over a turn. On a real portrait (eyes 35 px wide,
 * tests/unit/gaze/frame-gate-pixels.test.ts) a glance of 3 / 4 / 5 / 8 px gives 20 / 28 / 39 / 44
 * and a sway of 1 / 2 px 16–20 / 28: glances under about 5 px wait for the forced run, at most 4
 * held frames (1 s at 5 fps).
 */
export const FRAME_GATE_DEFAULTS: FrameGateOptions = {
  face: { motionGreyDiff: 6, driftGreyDiff: 16 },
  eyes: { motionGreyDiff: 36, driftGreyDiff: 48 },
  maxHeldFrames: 4,
  faceCountEveryS: 4,
  recountEveryS: 1,
};

/** Patch sizes: the face as a square, the eye band (both eyes) wide and short. */
export const FACE_PATCH = { width: 24, height: 24 } as const;
export const EYES_PATCH = { width: 24, height: 6 } as const;

export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where to look in the next frames: boxes from the last landmarks. */
export interface GateRegions {
  face: PixelBox;
  eyes: PixelBox | null;
}

export interface FramePatches {
  face: Uint8Array;
  eyes: Uint8Array | null;
}

/** Why the landmarker runs on a frame: no face known yet, the held-frame limit, or a change in the face or eye patches. */
export type LandmarkReason = 'no-face' | 'forced' | 'moved';

export function createFrameGate(options: Partial<FrameGateOptions> = {}) {
  const o = { ...FRAME_GATE_DEFAULTS, ...options };
  let reference: FramePatches | null = null;
  let previous: FramePatches | null = null;
  let held = 0;
  let lastCountS = Number.NEGATIVE_INFINITY;
  // The face moves as a whole: the mean difference. A glance changes a few eye-band cells a lot
  // while a swaying head changes every edge a little: the third-largest cell difference.
  const changed = (now: Uint8Array | null, before: Uint8Array | null, ref: Uint8Array | null, t: RegionThresholds, difference: (a: Uint8Array, b: Uint8Array) => number) =>
    !!now && !!before && !!ref && (difference(now, before) > t.motionGreyDiff || difference(now, ref) > t.driftGreyDiff);
  /** `patches`: this frame's regions (see GateRegions), or null when no face is known. Null: reuse the last landmarks. */
  const landmarkReason = (patches: FramePatches | null): LandmarkReason | null => {
    const before = previous;
    previous = patches;
    if (!patches || !before || !reference) return 'no-face';
    if (changed(patches.face, before.face, reference.face, o.face, meanAbsDifference) || changed(patches.eyes, before.eyes, reference.eyes, o.eyes, peakAbsDifference)) return 'moved';
    if (held >= o.maxHeldFrames) return 'forced';
    held++;
    return null;
  };
  return {
    landmarkReason,
    needsLandmarks: (patches: FramePatches | null): boolean => landmarkReason(patches) !== null,
    /** The landmarker ran; `patches`: the regions it found, in this frame (null: no face). */
    measured(patches: FramePatches | null): void {
      reference = patches;
      previous = patches;
      held = 0;
    },
    /**
     * `landmarkerRan`: whether the landmarker ran on this frame (its input is there to share);
     * `oneFace`: whether the last count and the landmarker both saw exactly one face.
     */
    needsFaceCount(tS: number, landmarkerRan: boolean, oneFace: boolean): boolean {
      if (!landmarkerRan || tS - lastCountS < (oneFace ? o.faceCountEveryS : o.recountEveryS)) return false;
      lastCountS = tS;
      return true;
    },
  };
}

/** The `rank`-th largest absolute difference between two patches (rank 1: the largest). */
export function peakAbsDifference(a: Uint8Array, b: Uint8Array, rank = 3): number {
  if (a.length !== b.length || a.length < rank) return Number.POSITIVE_INFINITY;
  const top = new Array<number>(rank).fill(0);
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (d <= top[rank - 1]!) continue;
    let j = rank - 1;
    for (; j > 0 && top[j - 1]! < d; j--) top[j] = top[j - 1]!;
    top[j] = d;
  }
  return top[rank - 1]!;
}

export function meanAbsDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length || a.length === 0) return Number.POSITIVE_INFINITY;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

/**
 * The bounding box of `points` widened by `marginX` / `marginY` of its size on each side (a
 * turning head leaves its old box), kept inside the frame. Null without points.
 */
export function boxAround(points: readonly Point[], frameWidth: number, frameHeight: number, marginX = 0.15, marginY = marginX): PixelBox | null {
  if (points.length === 0) return null;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const [mx, my] = [(maxX - minX) * marginX, Math.max((maxY - minY) * marginY, 2)];
  const x = Math.max(0, Math.floor(minX - mx));
  const y = Math.max(0, Math.floor(minY - my));
  const width = Math.min(frameWidth, Math.ceil(maxX + mx)) - x;
  const height = Math.min(frameHeight, Math.ceil(maxY + my)) - y;
  return width >= 2 && height >= 2 ? { x, y, width, height } : null;
}

/**
 * The regions to watch, from one frame's landmarks: the whole face, and a band over both eyes
 * from corner to corner and lid to lid, widened so a lowered lid or a turned iris stays inside.
 */
export function gateRegions(facePoints: readonly Point[], eyePoints: readonly Point[], frameWidth: number, frameHeight: number): GateRegions | null {
  const face = boxAround(facePoints, frameWidth, frameHeight);
  return face && { face, eyes: boxAround(eyePoints, frameWidth, frameHeight, 0.1, 0.75) };
}

export function patchesOf(image: GreyImage, regions: GateRegions): FramePatches {
  return {
    face: greyPatch(image, regions.face, FACE_PATCH.width, FACE_PATCH.height),
    eyes: regions.eyes && greyPatch(image, regions.eyes, EYES_PATCH.width, EYES_PATCH.height),
  };
}

/** A grey image: one byte per pixel, rows `stride` bytes apart (a video frame's Y plane, or converted RGBA). */
export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
  stride: number;
}

/** Grey levels (BT.601 luma, rounded) of tightly packed RGBA pixels, e.g. from getImageData. */
export function greyFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GreyImage {
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = Math.round(0.299 * rgba[4 * i]! + 0.587 * rgba[4 * i + 1]! + 0.114 * rgba[4 * i + 2]!);
  return { data, width, height, stride: width };
}

/** Mean grey level over every `step`-th pixel of every `step`-th row (low light is judged from it). */
export function meanGrey(image: GreyImage, step = 8): number {
  let [sum, n] = [0, 0];
  for (let y = 0; y < image.height; y += step) {
    const row = y * image.stride;
    for (let x = 0; x < image.width; x += step, n++) sum += image.data[row + x]!;
  }
  return n ? sum / n : 0;
}

/**
 * The box shrunk to a `width`×`height` patch by averaging (not sampling: a sampled 300-pixel
 * face shrunk to 24 flickers with every sub-pixel sway). Every second pixel of every second row
 * is plenty for an average and halves the work; small boxes use every pixel.
 */
export function greyPatch(image: GreyImage, box: PixelBox, width: number, height: number): Uint8Array {
  const cells = width * height;
  const sums = new Float64Array(cells);
  const counts = new Uint32Array(cells);
  const step = box.width >= 4 * width && box.height >= 4 * height ? 2 : 1;
  const x1 = Math.min(image.width, box.x + box.width);
  const y1 = Math.min(image.height, box.y + box.height);
  for (let y = Math.max(0, box.y); y < y1; y += step) {
    const cellRow = Math.min(height - 1, Math.floor(((y - box.y) * height) / box.height)) * width;
    const row = y * image.stride;
    for (let x = Math.max(0, box.x); x < x1; x += step) {
      const cell = cellRow + Math.min(width - 1, Math.floor(((x - box.x) * width) / box.width));
      sums[cell] = sums[cell]! + image.data[row + x]!;
      counts[cell] = counts[cell]! + 1;
    }
  }
  const patch = new Uint8Array(cells);
  for (let i = 0; i < cells; i++) patch[i] = counts[i] ? Math.round(sums[i]! / counts[i]!) : 0;
  return patch;
}
