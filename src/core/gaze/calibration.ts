import { gazeAngles } from './direction';
import type { GazeFrame } from './frame';

/**
 * The per-clinician calibration: where this clinician's gaze points (head + eyes) while looking
 * at the patient's video. Cameras sit above, beside or below the screen, so "on screen" is a
 * direction relative to this, not to the camera.
 */
export interface GazeCalibration {
  yawDeg: number;
  pitchDeg: number;
  /** Frames it was measured from. */
  samples: number;
}

export interface CalibrationOptions {
  /** How long the clinician looks at the patient's video, s. */
  durationS: number;
  /** Fewer frames with one face than this and the step fails (at 5 fps, 3 s gives 15). */
  minSamples: number;
  /** The clinician must hold still: the middle 80% of yaw and pitch within this range, degrees. */
  maxSpreadDeg: number;
}

export const DEFAULT_CALIBRATION: CalibrationOptions = { durationS: 3, minSamples: 8, maxSpreadDeg: 12 };

export type CalibrationProblem = 'no-face' | 'multiple-faces' | 'moving';
export type CalibrationOutcome = { ok: true; calibration: GazeCalibration } | { ok: false; problem: CalibrationProblem };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const spread = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length * 0.9)]! - s[Math.floor(s.length * 0.1)]!;
};

/** Collects frames for `durationS` from the first one; `done` says when to read the outcome. */
export function createCalibrator(options: Partial<CalibrationOptions> = {}) {
  const o = { ...DEFAULT_CALIBRATION, ...options };
  let startS: number | null = null;
  let lastS = 0;
  let multiple = 0;
  const yaws: number[] = [];
  const pitches: number[] = [];
  return {
    push(frame: GazeFrame): void {
      startS ??= frame.tS;
      lastS = frame.tS;
      if (frame.faceCount > 1) multiple++;
      if (frame.faceCount !== 1 || !frame.face) return;
      const a = gazeAngles(frame.face);
      yaws.push(a.yawDeg);
      pitches.push(a.pitchDeg);
    },
    /** Fraction of the step done, 0–1 (for a progress bar). */
    progress: () => (startS === null ? 0 : Math.min(1, (lastS - startS) / o.durationS)),
    get done() {
      return startS !== null && lastS - startS >= o.durationS;
    },
    outcome(): CalibrationOutcome {
      if (yaws.length < o.minSamples) return { ok: false, problem: multiple > yaws.length ? 'multiple-faces' : 'no-face' };
      if (spread(yaws) > o.maxSpreadDeg || spread(pitches) > o.maxSpreadDeg) return { ok: false, problem: 'moving' };
      return { ok: true, calibration: { yawDeg: median(yaws), pitchDeg: median(pitches), samples: yaws.length } };
    },
  };
}
export type Calibrator = ReturnType<typeof createCalibrator>;
