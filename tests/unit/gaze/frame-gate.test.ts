import { describe, expect, it } from 'vitest';
import {
  boxAround,
  createFrameGate,
  EYES_PATCH,
  FACE_PATCH,
  gateRegions,
  greyFromRgba,
  greyPatch,
  meanAbsDifference,
  meanGrey,
  patchesOf,
  peakAbsDifference,
  type FramePatches,
  type GreyImage,
} from '../../../src/core/gaze/frame-gate';

/** A 24×24 face patch and a 24×6 eye band of one grey level, with optional changes. */
function patches(faceLevel: number, eyeChanges: Array<[index: number, level: number]> = [], eyeLevel = 100): FramePatches {
  const eyes = new Uint8Array(EYES_PATCH.width * EYES_PATCH.height).fill(eyeLevel);
  for (const [i, level] of eyeChanges) eyes[i] = level;
  return { face: new Uint8Array(FACE_PATCH.width * FACE_PATCH.height).fill(faceLevel), eyes };
}

/** Feeds frames through a gate that measures whenever asked; returns which frames were measured. */
function run(frames: FramePatches[], options = {}): boolean[] {
  const gate = createFrameGate(options);
  return frames.map((p) => {
    const needed = gate.needsLandmarks(p);
    if (needed) gate.measured(p);
    return needed;
  });
}

describe('frame gate: which frames need the landmarker', () => {
  it('measures the first frame, then holds a still face for at most maxHeldFrames frames', () => {
    expect(run(Array.from({ length: 12 }, () => patches(100)), { maxHeldFrames: 4 })).toEqual([true, false, false, false, false, true, false, false, false, false, true, false]);
  });

  it('measures as soon as the face moves (mean difference from the previous frame)', () => {
    const measured = run([patches(100), patches(101), patches(130), patches(130), patches(130)]);
    expect(measured).toEqual([true, false, true, false, false]);
  });

  it('measures a slow drift once it adds up since the last measurement', () => {
    // 5 grey levels a frame: never movement (6), but past the drift limit (16) on the 4th step.
    const measured = run([0, 5, 10, 15, 20, 25].map((d) => patches(100 + d)));
    expect(measured).toEqual([true, false, false, false, true, false]);
  });

  it('measures a glance: a few eye cells change a lot, which the face average would not show', () => {
    const glance: Array<[number, number]> = [
      [30, 20],
      [31, 20],
      [32, 20],
      [40, 20],
    ];
    expect(run([patches(100), patches(100), patches(100, glance)])).toEqual([true, false, true]);
    // A sway: every eye cell a little different is not a glance.
    expect(run([patches(100), patches(100), patches(100, [], 110)])).toEqual([true, false, false]);
  });

  it('always measures without a face (no regions known) and after a frame without one', () => {
    const gate = createFrameGate();
    expect(gate.needsLandmarks(null)).toBe(true);
    gate.measured(null);
    expect(gate.needsLandmarks(patches(100))).toBe(true);
    gate.measured(patches(100));
    expect(gate.needsLandmarks(patches(100))).toBe(false);
  });

  it('says why the landmarker runs: no face known, movement, or the held-frame limit', () => {
    const gate = createFrameGate({ maxHeldFrames: 2 });
    const reasons = [patches(100), patches(100), patches(100), patches(100), patches(130), patches(130)].map((p) => {
      const reason = gate.landmarkReason(p);
      if (reason) gate.measured(p);
      return reason;
    });
    expect(reasons).toEqual(['no-face', null, null, 'forced', 'moved', null]);
  });

  it('counts faces on its own clock, on a frame the landmarker runs on', () => {
    const gate = createFrameGate({ faceCountEveryS: 2, recountEveryS: 1 });
    const counted = [0, 0.2, 1.9, 2.0, 2.2, 4.1].map((t) => gate.needsFaceCount(t, true, true));
    expect(counted).toEqual([true, false, false, true, false, true]);
    // Due but held (no landmarker input to share): waits for the next landmarker frame.
    expect([6.2, 6.4, 6.6].map((t, i) => gate.needsFaceCount(t, i === 2, true))).toEqual([false, false, true]);
    // Without exactly one face (none, or two), sooner.
    expect([7.4, 7.6, 8.6].map((t) => gate.needsFaceCount(t, true, false))).toEqual([false, true, true]);
  });

  /** At 5 fps with the default gate, the times the face counter runs, given what each second shows (faces per frame). */
  function countTimesS(facesAt: (tS: number) => number, seconds: number): number[] {
    const gate = createFrameGate();
    const [still, moved] = [patches(100), patches(180)];
    const countsS: number[] = [];
    let counted = 0;
    for (let frame = 0; frame < 5 * seconds; frame++) {
      const tS = frame / 5;
      const faces = facesAt(tS);
      const p = faces === 0 ? null : faces === 1 ? still : moved;
      const ran = gate.needsLandmarks(p);
      if (ran) gate.measured(p);
      if (gate.needsFaceCount(tS, ran, counted === 1 && faces >= 1)) {
        countsS.push(tS);
        counted = faces;
      }
    }
    return countsS;
  }

  it('with the defaults at 5 fps, one still face is counted at least every 5 s (two faces: a slow cue)', () => {
    const countsS = countTimesS(() => 1, 30);
    expect(countsS[0]).toBe(0);
    expect(Math.max(...countsS.slice(1).map((t, i) => t - countsS[i]!))).toBeLessThanOrEqual(5);
  });

  it('with the defaults, a second face after an empty frame is counted within 1 s, and its leaving within 1.2 s', () => {
    // One face, nobody from 5 s, two faces from 8 s, one again from 12 s (the e2e portrait clip).
    const facesAt = (tS: number) => (tS < 5 ? 1 : tS < 8 ? 0 : tS < 12 ? 2 : 1);
    const countsS = countTimesS(facesAt, 16);
    expect(countsS.find((t) => t >= 8)! - 8).toBeLessThanOrEqual(1);
    expect(countsS.find((t) => t >= 12)! - 12).toBeLessThanOrEqual(1.2);
  });
});

describe('frame gate: patches and differences', () => {
  /** A grey image of a dark square on a light background. */
  function square(width: number, height: number, box: { x: number; y: number; size: number }): GreyImage {
    const data = new Uint8Array(width * height).fill(200);
    for (let y = box.y; y < box.y + box.size; y++) for (let x = box.x; x < box.x + box.size; x++) data[y * width + x] = 40;
    return { data, width, height, stride: width };
  }

  it('averages a box down to a patch (a dark half stays a dark half)', () => {
    const image = square(100, 100, { x: 0, y: 0, size: 50 });
    const patch = greyPatch(image, { x: 0, y: 0, width: 100, height: 100 }, 4, 4);
    expect(Array.from(patch)).toEqual([40, 40, 200, 200, 40, 40, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200]);
  });

  it('reads rows by stride (a video frame’s luma plane may be padded)', () => {
    const tight = square(8, 4, { x: 0, y: 0, size: 4 });
    const padded = new Uint8Array(12 * 4).fill(7);
    for (let y = 0; y < 4; y++) padded.set(tight.data.subarray(y * 8, y * 8 + 8), y * 12);
    const box = { x: 0, y: 0, width: 8, height: 4 };
    expect(greyPatch({ data: padded, width: 8, height: 4, stride: 12 }, box, 2, 1)).toEqual(greyPatch(tight, box, 2, 1));
    expect(meanGrey({ data: padded, width: 8, height: 4, stride: 12 }, 1)).toBeCloseTo(meanGrey(tight, 1), 6);
  });

  it('turns RGBA into BT.601 grey', () => {
    const grey = greyFromRgba(new Uint8Array([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255]), 4, 1);
    expect(Array.from(grey.data)).toEqual([76, 150, 29, 255]);
  });

  it('boxes points with a margin, inside the frame', () => {
    expect(boxAround([[10, 20], [110, 70]], 640, 480, 0.1)).toEqual({ x: 0, y: 15, width: 120, height: 60 });
    expect(boxAround([[630, 470], [639, 479]], 640, 480)).toEqual({ x: 628, y: 468, width: 12, height: 12 });
    expect(boxAround([], 640, 480)).toBeNull();
  });

  it('gives face and eye regions, and patches of their sizes', () => {
    const regions = gateRegions(
      [[200, 100], [440, 400]],
      [[250, 200], [390, 200], [320, 190], [320, 210]],
      640,
      480,
    )!;
    expect(regions.face.width).toBeGreaterThan(240);
    expect(regions.eyes!.width).toBeGreaterThan(140);
    expect(regions.eyes!.height).toBeLessThan(60);
    const p = patchesOf(square(640, 480, { x: 300, y: 180, size: 40 }), regions);
    expect(p.face).toHaveLength(FACE_PATCH.width * FACE_PATCH.height);
    expect(p.eyes).toHaveLength(EYES_PATCH.width * EYES_PATCH.height);
    expect(gateRegions([], [], 640, 480)).toBeNull();
  });

  it('measures differences: mean over all cells, or the third-largest cell', () => {
    const a = new Uint8Array([0, 0, 0, 0, 0, 0]);
    const b = new Uint8Array([60, 50, 40, 0, 0, 0]);
    expect(meanAbsDifference(a, b)).toBe(25);
    expect(peakAbsDifference(a, b)).toBe(40);
    expect(peakAbsDifference(a, b, 1)).toBe(60);
    expect(meanAbsDifference(a, new Uint8Array(3))).toBe(Number.POSITIVE_INFINITY);
  });
});
