import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HALF_SIZE_MIN_FACE_PX, halfRgbaFrom420, landmarkAtHalfSize, type Yuv420Frame } from '../../../src/core/gaze/half-frame';

/** A 4×2 I420 frame: two 2×2 blocks, each of one luma level (and one chroma pair, the 4:2:0 way). */
function twoBlocks(left: [number, number, number], right: [number, number, number], fullRange = false): Yuv420Frame {
  const [w, h] = [4, 2];
  const data = new Uint8Array(w * h + 2 * 2);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = (x < 2 ? left : right)[0];
  data.set([left[1], right[1]], w * h);
  data.set([left[2], right[2]], w * h + 2);
  return { format: 'I420', data, planes: [{ offset: 0, stride: w }, { offset: w * h, stride: 2 }, { offset: w * h + 2, stride: 2 }], width: w, height: h, matrix: 'bt601', fullRange };
}

const PORTRAIT = resolve(import.meta.dirname, '../../fixtures/faces/grace_hopper.jpg');
const ffmpeg = (args: string[]) => new Uint8Array(execFileSync('ffmpeg', ['-v', 'error', '-i', PORTRAIT, ...args, '-']));
const haveFfmpeg = (() => {
  try {
    execFileSync('ffmpeg', ['-version']);
    return true;
  } catch {
    return false;
  }
})();

describe('halfRgbaFrom420', () => {
  it('maps limited-range black, white and grey to 0, 255 and mid-grey, block by block', () => {
    const out = halfRgbaFrom420(twoBlocks([16, 128, 128], [235, 128, 128]));
    expect([out.width, out.height]).toEqual([2, 1]);
    expect(Array.from(out.data)).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
    expect(Array.from(halfRgbaFrom420(twoBlocks([128, 128, 128], [128, 128, 128], true)).data.slice(0, 3))).toEqual([128, 128, 128]);
  });

  it('turns BT.601 chroma into the right primaries (pure red and blue)', () => {
    // Limited-range BT.601 codes of (255, 0, 0) and (0, 0, 255).
    const out = halfRgbaFrom420(twoBlocks([81, 90, 240], [41, 240, 110]));
    const [red, blue] = [Array.from(out.data.slice(0, 3)), Array.from(out.data.slice(4, 7))];
    red.forEach((v, i) => expect(Math.abs(v - [255, 0, 0][i]!)).toBeLessThanOrEqual(2));
    blue.forEach((v, i) => expect(Math.abs(v - [0, 0, 255][i]!)).toBeLessThanOrEqual(2));
  });

  it('reads NV12 (interleaved chroma) and padded rows like the same I420 frame', () => {
    const i420 = twoBlocks([81, 90, 240], [41, 240, 110]);
    const stride = 8; // rows padded to 8 bytes
    const data = new Uint8Array(stride * 2 + stride);
    for (let y = 0; y < 2; y++) data.set(i420.data.subarray(y * 4, y * 4 + 4), y * stride);
    data.set([90, 240, 240, 110], 2 * stride);
    const nv12: Yuv420Frame = { ...i420, format: 'NV12', data, planes: [{ offset: 0, stride }, { offset: 2 * stride, stride }] };
    expect(Array.from(halfRgbaFrom420(nv12).data)).toEqual(Array.from(halfRgbaFrom420(i420).data));
  });

  it('reuses the output buffer when it fits, and refuses a frame it cannot halve', () => {
    const out = new Uint8ClampedArray(2 * 1 * 4);
    expect(halfRgbaFrom420(twoBlocks([16, 128, 128], [235, 128, 128]), out).data).toBe(out);
    expect(() => halfRgbaFrom420({ ...twoBlocks([16, 128, 128], [16, 128, 128]), width: 1, height: 1 })).toThrow(/too small/);
    expect(() => halfRgbaFrom420({ ...twoBlocks([16, 128, 128], [16, 128, 128]), planes: [{ offset: 0, stride: 4 }] })).toThrow(/planes/);
  });

  it.skipIf(!haveFfmpeg)('matches ffmpeg’s own half-size RGB of a real portrait within a few grey levels', () => {
    // 516×606: even sizes, as cameras give. ffmpeg makes the I420 frame (BT.601, limited range) and, apart, its area-averaged half-size RGB.
    const [w, h] = [516, 606];
    const i420 = ffmpeg(['-vf', `crop=${w}:${h}:0:0`, '-f', 'rawvideo', '-pix_fmt', 'yuv420p']);
    const frame: Yuv420Frame = {
      format: 'I420',
      data: i420,
      planes: [{ offset: 0, stride: w }, { offset: w * h, stride: w / 2 }, { offset: w * h + (w / 2) * (h / 2), stride: w / 2 }],
      width: w,
      height: h,
      matrix: 'bt601',
      fullRange: false,
    };
    const ours = halfRgbaFrom420(frame);
    const theirs = ffmpeg(['-vf', `crop=${w}:${h}:0:0,scale=${w / 2}:${h / 2}:flags=area`, '-f', 'rawvideo', '-pix_fmt', 'rgba']);
    expect(theirs.length).toBe(ours.data.length);
    let sum = 0;
    for (let i = 0; i < theirs.length; i++) sum += Math.abs(theirs[i]! - ours.data[i]!);
    const meanDiff = sum / theirs.length;
    console.info(`half-size portrait: mean difference from ffmpeg ${meanDiff.toFixed(2)} levels`);
    expect(meanDiff).toBeLessThan(3);
  });
});

describe('landmarkAtHalfSize', () => {
  it('halves for a large face or none known, never for a small face', () => {
    expect(landmarkAtHalfSize(null)).toBe(true);
    expect(landmarkAtHalfSize(190)).toBe(true);
    expect(landmarkAtHalfSize(HALF_SIZE_MIN_FACE_PX)).toBe(true);
    expect(landmarkAtHalfSize(HALF_SIZE_MIN_FACE_PX - 1)).toBe(false);
    expect(landmarkAtHalfSize(110)).toBe(false);
  });
});
