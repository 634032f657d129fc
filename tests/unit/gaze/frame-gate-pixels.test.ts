import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFrameGate, gateRegions, meanAbsDifference, patchesOf, peakAbsDifference, type GreyImage } from '../../../src/core/gaze/frame-gate';

/**
 * The frame gate on real pixels: the repository's portrait (517×606, decoded with ffmpeg),
 * against copies in which both irises moved sideways inside their eyes (a glance) or the whole
 * picture moved by a pixel or two (a sway). Eye positions were read off the portrait by hand:
 * the eyes are about 35 px wide, the irises about 18 px across.
 */
const PORTRAIT = resolve(import.meta.dirname, '../../fixtures/faces/grace_hopper.jpg');
const [W, H] = [517, 606];
const EYES = [
  { centre: [224.5, 192.5], halfWidth: 18 },
  { centre: [307.5, 189], halfWidth: 18 },
] as const;
const EYE_HALF_HEIGHT = 8;

const portrait: GreyImage = {
  data: new Uint8Array(execFileSync('ffmpeg', ['-v', 'error', '-i', PORTRAIT, '-f', 'rawvideo', '-pix_fmt', 'gray', '-'])),
  width: W,
  height: H,
  stride: W,
};

/** Both eyes' openings (ellipses) with their content moved `dx` px sideways: the iris goes, the lids stay. */
function glance(dx: number): GreyImage {
  const data = portrait.data.slice();
  for (const { centre, halfWidth } of EYES) {
    const [cx, cy] = centre;
    for (let y = Math.ceil(cy - EYE_HALF_HEIGHT); y <= cy + EYE_HALF_HEIGHT; y++) {
      for (let x = Math.ceil(cx - halfWidth); x <= cx + halfWidth; x++) {
        if (((x - cx) / halfWidth) ** 2 + ((y - cy) / EYE_HALF_HEIGHT) ** 2 > 1) continue;
        const from = Math.round(Math.min(cx + halfWidth, Math.max(cx - halfWidth, x - dx)));
        data[y * W + x] = portrait.data[y * W + from]!;
      }
    }
  }
  return { ...portrait, data };
}

/** The whole picture moved by (dx, dy) px, edges repeated. */
function sway(dx: number, dy: number): GreyImage {
  const data = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) data[y * W + x] = portrait.data[Math.min(H - 1, Math.max(0, y - dy)) * W + Math.min(W - 1, Math.max(0, x - dx))]!;
  return { ...portrait, data };
}

const eyePoints = EYES.flatMap(({ centre: [cx, cy], halfWidth }) => [
  [cx - halfWidth, cy],
  [cx + halfWidth, cy],
  [cx, cy - EYE_HALF_HEIGHT],
  [cx, cy + EYE_HALF_HEIGHT],
  [cx, cy],
]) as Array<[number, number]>;
const regions = gateRegions([[160, 110], [380, 350]], eyePoints, W, H)!;

/** Whether the gate, having just measured the portrait, asks for the landmarker on `next`. */
function gateAsks(next: GreyImage): boolean {
  const gate = createFrameGate();
  gate.needsLandmarks(patchesOf(portrait, regions));
  gate.measured(patchesOf(portrait, regions));
  return gate.needsLandmarks(patchesOf(next, regions));
}

describe('frame gate on a real portrait', () => {
  it('holds the same picture, and a sway of a pixel or two', () => {
    expect(gateAsks(portrait)).toBe(false);
    expect(gateAsks(sway(1, 0))).toBe(false);
    expect(gateAsks(sway(0, 1))).toBe(false);
    expect(gateAsks(sway(2, 0))).toBe(false);
  });

  it('asks again for a large glance (8 px on a 35-px eye), which the face patch alone would miss', () => {
    const glanced = patchesOf(glance(8), regions);
    const before = patchesOf(portrait, regions);
    expect(meanAbsDifference(glanced.face, before.face)).toBeLessThan(1);
    expect(peakAbsDifference(glanced.eyes!, before.eyes!)).toBeGreaterThan(36);
    expect(gateAsks(glance(8))).toBe(true);
  });

  it('asks again for a head movement of a few pixels', () => {
    expect(gateAsks(sway(3, 1))).toBe(true);
    expect(gateAsks(sway(0, 6))).toBe(true);
  });

  it('leaves a small glance (3 px) to the forced run, at most maxHeldFrames later', () => {
    const gate = createFrameGate({ maxHeldFrames: 4 });
    gate.needsLandmarks(null);
    gate.measured(patchesOf(portrait, regions));
    const asked = [glance(3), glance(3), glance(3), glance(3), glance(3)].map((im) => gate.needsLandmarks(patchesOf(im, regions)));
    expect(asked).toEqual([false, false, false, false, true]);
  });
});
