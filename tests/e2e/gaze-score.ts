import { createCalibrator } from '../../src/core/gaze/calibration';
import { createGazeTracker } from '../../src/core/gaze/tracker';
import type { GazeState } from '../../src/core/session/schema';
import type { ProbedFrame } from './gaze-probe';

/**
 * Scores gaze measured on a looping test clip against the clip's per-frame truth
 * (`*.truth.json`: segments labelled frontal / nod / away / down). Frames within `collarS` of a
 * segment boundary are not scored. The clinician's calibration is taken the way the options page
 * takes it, from the first `calibrationS` of frontal frames; those frames are not scored either.
 */
export interface ClipTruth {
  fps: number;
  frames: number;
  segments: Array<{ from_s: number; to_s: number; label: string }>;
}

export interface GazeScore {
  /** Share of scored frames whose committed state (the summary's intervals) matches the truth. */
  intervalAccuracy: number;
  /** The same for the live state at the moment each frame was processed (lags one confirm time). */
  liveAccuracy: number;
  scored: number;
  /** Nod times as clip seconds, and how many fell outside a nod segment (± collar). */
  nodClipTimesS: number[];
  nodsOutside: number;
  /** Nod segments the probe saw in full, and how many of them had at least one nod. */
  nodSegmentsSeen: number;
  nodSegmentsWithNod: number;
  mismatches: Array<{ index: number; truth: GazeState; got: GazeState }>;
  calibrated: boolean;
}

const EXPECTED: Record<string, GazeState> = { frontal: 'on-screen', nod: 'on-screen', away: 'away', down: 'down' };

export function scoreGaze(frames: ProbedFrame[], truth: ClipTruth, options: { collarS?: number; calibrationS?: number } = {}): GazeScore {
  const collarS = options.collarS ?? 0.3;
  const labelAt = (s: number) => truth.segments.find((g) => s >= g.from_s && s < g.to_s)?.label ?? 'frontal';
  const boundaries = truth.segments.map((g) => g.from_s).filter((s) => s > 0);
  const nearBoundary = (s: number) => boundaries.some((b) => Math.abs(s - b) <= collarS);
  const clipTime = (f: ProbedFrame) => (f.index % truth.frames) / truth.fps;
  const valid = frames.filter((f) => f.index >= 0);

  // Calibration: the first frames of frontal footage, as long as the step lasts.
  const calibrator = createCalibrator({ durationS: options.calibrationS ?? 1.5, minSamples: 5 });
  let used = 0;
  for (const f of valid) {
    if (labelAt(clipTime(f)) !== 'frontal' || calibrator.done) break;
    calibrator.push(f.frame);
    used++;
  }
  const outcome = calibrator.outcome();
  const tracker = createGazeTracker({ calibration: outcome.ok ? outcome.calibration : null });
  const scoredFrames = valid.slice(used);
  const live: GazeState[] = [];
  for (const f of scoredFrames) {
    tracker.push(f.frame);
    live.push(tracker.live([]).state);
  }
  const last = scoredFrames[scoredFrames.length - 1]?.frame.tS ?? 0;
  const summary = tracker.summary([], last + 0.001);
  const stateAt = (tS: number) => summary.intervals.find((i) => tS >= i.startS && tS < i.endS)?.state ?? 'no-face';

  let scored = 0;
  let byInterval = 0;
  let byLive = 0;
  const mismatches: GazeScore['mismatches'] = [];
  scoredFrames.forEach((f, k) => {
    const s = clipTime(f);
    if (nearBoundary(s)) return;
    const want = EXPECTED[labelAt(s)]!;
    const got = stateAt(f.frame.tS);
    scored++;
    if (got === want) byInterval++;
    else mismatches.push({ index: f.index, truth: want, got });
    if (live[k] === want) byLive++;
  });

  // Nods: each nod time → the clip time of the frame it was dated at.
  const nodSegments = truth.segments.filter((g) => g.label === 'nod');
  const nodClipTimesS = summary.nodTimesS.map((t) => {
    const f = scoredFrames.find((x) => Math.abs(x.frame.tS - t) < 1e-6);
    return f ? clipTime(f) : -1;
  });
  const nodsOutside = nodClipTimesS.filter((s) => !nodSegments.some((g) => s >= g.from_s - collarS && s <= g.to_s + collarS)).length;
  // A nod segment was seen in full when frames cover it from start to end within one loop.
  let nodSegmentsSeen = 0;
  let nodSegmentsWithNod = 0;
  const loops = new Map<number, ProbedFrame[]>();
  let loop = 0;
  scoredFrames.forEach((f, k) => {
    if (k > 0 && f.index % truth.frames < scoredFrames[k - 1]!.index % truth.frames) loop++;
    loops.set(loop, [...(loops.get(loop) ?? []), f]);
  });
  for (const list of loops.values()) {
    for (const g of nodSegments) {
      const times = list.map(clipTime);
      if (!(times.some((s) => s < g.from_s) && times.some((s) => s > g.to_s))) continue;
      nodSegmentsSeen++;
      const inside = list.filter((f) => clipTime(f) >= g.from_s - collarS && clipTime(f) <= g.to_s + collarS).map((f) => f.frame.tS);
      if (summary.nodTimesS.some((t) => inside.includes(t))) nodSegmentsWithNod++;
    }
  }
  return {
    intervalAccuracy: scored ? byInterval / scored : 0,
    liveAccuracy: scored ? byLive / scored : 0,
    scored,
    nodClipTimesS,
    nodsOutside,
    nodSegmentsSeen,
    nodSegmentsWithNod,
    mismatches,
    calibrated: outcome.ok,
  };
}
