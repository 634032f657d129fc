/**
 * A camera frame at half its width and height, in RGBA, made straight from its 4:2:0 planes
 * (I420 or NV12, the formats cameras hand over): each output pixel averages a 2×2 block of
 * luma and takes that block's one chroma sample, so nothing is interpolated and every pixel is
 * read once. The face landmarker crops the face and resamples it to 192×192 anyway; what it
 * costs beyond that scales with the pixels it is given (see docs/INTERNALS.md, camera path).
 */

/**
 * The narrowest face (landmarks' extent, in pixels of the full frame) that is halved: 80 px
 * after halving. The shared head-pose clip's face (about 190 px of 640) was measured halved
 * against full size (docs/INTERNALS.md); a clinician farther from the camera, whose face is
 * smaller, keeps full size, where the eyes and irises have few pixels to lose.
 */
export const HALF_SIZE_MIN_FACE_PX = 160;

/** Whether the landmarker gets the frame at half size, from the last face's width (null: no face known). */
export function landmarkAtHalfSize(lastFaceWidthPx: number | null): boolean {
  return lastFaceWidthPx === null || lastFaceWidthPx >= HALF_SIZE_MIN_FACE_PX;
}

/** Where a plane starts in the copied buffer and how many bytes its rows are apart (VideoFrame.copyTo's layout). */
export interface PlaneLayout {
  offset: number;
  stride: number;
}

export interface Yuv420Frame {
  /** I420: Y, U, V planes; NV12: Y, then U and V interleaved. */
  format: 'I420' | 'NV12';
  data: Uint8Array;
  planes: readonly PlaneLayout[];
  width: number;
  height: number;
  /** The colour matrix: BT.709 for HD cameras, BT.601 otherwise (VideoColorSpace.matrix). */
  matrix: 'bt709' | 'bt601';
  /** Luma 0–255 rather than 16–235 (VideoColorSpace.fullRange). */
  fullRange: boolean;
}

export interface RgbaImage {
  data: Uint8ClampedArray<ArrayBuffer>;
  width: number;
  height: number;
}

/** R, G, B from Y′CbCr: Cr→R, Cb→G, Cr→G, Cb→B (ITU-R BT.601 / BT.709). */
const MATRICES = {
  bt601: [1.402, -0.344136, -0.714136, 1.772],
  bt709: [1.5748, -0.187324, -0.468124, 1.8556],
} as const;

/** Half-size RGBA of a 4:2:0 frame (odd last rows/columns dropped), written into `out` when it fits. */
export function halfRgbaFrom420(frame: Yuv420Frame, out?: Uint8ClampedArray<ArrayBuffer>): RgbaImage {
  const [width, height] = [frame.width >> 1, frame.height >> 1];
  if (width < 1 || height < 1) throw new Error(`a ${frame.width}×${frame.height} frame is too small to halve`);
  const needed = frame.format === 'I420' ? 3 : 2;
  if (frame.planes.length < needed) throw new Error(`${frame.format} needs ${needed} planes, got ${frame.planes.length}`);
  const data = out && out.length === width * height * 4 ? out : new Uint8ClampedArray(width * height * 4);
  const [crR, cbG, crG, cbB] = MATRICES[frame.matrix];
  // Limited range: luma 16–235 and chroma 16–240 stretched to 0–255.
  const [yScale, cScale, yZero] = frame.fullRange ? [1, 1, 0] : [255 / 219, 255 / 224, 16];
  const { data: src, planes } = frame;
  const [yPlane, uPlane] = [planes[0]!, planes[1]!];
  const vPlane = frame.format === 'I420' ? planes[2]! : uPlane;
  const [uStep, vShift] = frame.format === 'I420' ? [1, 0] : [2, 1];
  for (let y = 0; y < height; y++) {
    const row0 = yPlane.offset + 2 * y * yPlane.stride;
    const row1 = row0 + yPlane.stride;
    const uRow = uPlane.offset + y * uPlane.stride;
    const vRow = vPlane.offset + y * vPlane.stride + vShift;
    let o = y * width * 4;
    for (let x = 0; x < width; x++, o += 4) {
      const luma = ((src[row0 + 2 * x]! + src[row0 + 2 * x + 1]! + src[row1 + 2 * x]! + src[row1 + 2 * x + 1]!) / 4 - yZero) * yScale;
      const cb = (src[uRow + uStep * x]! - 128) * cScale;
      const cr = (src[vRow + uStep * x]! - 128) * cScale;
      // Uint8ClampedArray rounds and clamps.
      data[o] = luma + crR * cr;
      data[o + 1] = luma + cbG * cb + crG * cr;
      data[o + 2] = luma + cbB * cb;
      data[o + 3] = 255;
    }
  }
  return { data, width, height };
}
