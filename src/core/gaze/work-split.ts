import type { LandmarkReason } from './frame-gate';

/*
 * Where the face worker's time went over many camera frames, from each frame's sample (sent with
 * the worker's 'frame' reply): what every frame pays (reading it, the gate's patches), the
 * landmarker's runs by why they ran, and the face counter's. Wall times in ms, per camera frame
 * unless named per run.
 */

/**
 * One camera frame in the worker (performance.now, ms; wall time, which includes waiting on
 * MediaPipe's WebGL conversions): reading the frame and the gate's patches, making the models'
 * input, the landmarker with its input (null: held) and why it ran, the face counter (null: not run).
 */
export interface FrameWorkSample {
  readMs: number;
  inputMs: number;
  landmarksMs: number | null;
  landmarkReason: LandmarkReason | null;
  countMs: number | null;
}

export interface WorkSplitSummary {
  frames: number;
  /** Reading each frame (its planes, mean grey, patches, the gate), per frame. */
  readMsPerFrame: number;
  /** Making the models' input (the half-size RGBA), per frame: already inside the landmarker's and the counter's figures. */
  inputMsPerFrame: number;
  /** Landmarker runs (their input included) by reason: share of frames, ms per run, ms per frame. */
  landmarks: Record<LandmarkReason, { share: number; msPerRun: number; msPerFrame: number }>;
  /** Face counter runs (on the landmarker's frames, from its input). */
  count: { share: number; msPerRun: number; msPerFrame: number };
}

const REASONS: LandmarkReason[] = ['no-face', 'forced', 'moved'];

export function createWorkTally() {
  let frames = 0;
  let readMs = 0;
  let inputMs = 0;
  const runs = Object.fromEntries(REASONS.map((r) => [r, { n: 0, ms: 0 }])) as Record<LandmarkReason, { n: number; ms: number }>;
  const counts = { n: 0, ms: 0 };
  return {
    add(s: FrameWorkSample): void {
      frames++;
      readMs += s.readMs;
      inputMs += s.inputMs;
      if (s.landmarkReason && s.landmarksMs !== null) {
        runs[s.landmarkReason].n++;
        runs[s.landmarkReason].ms += s.landmarksMs;
      }
      if (s.countMs !== null) {
        counts.n++;
        counts.ms += s.countMs;
      }
    },
    summary(): WorkSplitSummary {
      const part = ({ n, ms }: { n: number; ms: number }) => ({ share: n / Math.max(1, frames), msPerRun: n ? ms / n : 0, msPerFrame: ms / Math.max(1, frames) });
      return {
        frames,
        readMsPerFrame: readMs / Math.max(1, frames),
        inputMsPerFrame: inputMs / Math.max(1, frames),
        landmarks: Object.fromEntries(REASONS.map((r) => [r, part(runs[r])])) as WorkSplitSummary['landmarks'],
        count: part(counts),
      };
    },
  };
}
