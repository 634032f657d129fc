import type { GazeCalibration } from './calibration';
import { gazeAngles } from './direction';
import type { GazeFrame } from './frame';

/**
 * Per-frame gaze state with hysteresis, relative to the clinician's calibration:
 * - on-screen: within the screen's cone around the calibrated direction;
 * - away: turned to the side or up beyond it;
 * - down: below it (charting, the keyboard, notes);
 * - no-face / multiple-faces / low-light: the camera cannot tell.
 * Two hystereses: angles (a look-away starts beyond the `…Deg` limit and ends only inside the
 * `…ReturnDeg` one) and time (a new state must hold for its confirm time; its interval is then
 * dated back to the first frame that showed it, so intervals are exact and live state lags).
 */
export type TrackedGazeState = 'on-screen' | 'away' | 'down' | 'no-face' | 'multiple-faces' | 'low-light';

export interface GazeClassifierOptions {
  awayYawDeg: number;
  awayYawReturnDeg: number;
  /** Looking up counts as away. */
  upPitchDeg: number;
  upPitchReturnDeg: number;
  downPitchDeg: number;
  downPitchReturnDeg: number;
  /** A change to on-screen or away must hold this long, s. */
  confirmS: number;
  /** To down: longer, so that a nod is not charting, s. */
  downConfirmS: number;
  /** To no-face / multiple-faces / low-light: a lost detection for a moment keeps the last state, s. */
  faceLostConfirmS: number;
  /** No face and a mean luma below this (0–255): too dark, not absent. */
  lowLightLuma: number;
}

export const DEFAULT_GAZE_CLASSIFIER: GazeClassifierOptions = {
  awayYawDeg: 20,
  awayYawReturnDeg: 14,
  upPitchDeg: 15,
  upPitchReturnDeg: 10,
  downPitchDeg: 12,
  downPitchReturnDeg: 8,
  confirmS: 0.2,
  downConfirmS: 0.4,
  faceLostConfirmS: 1,
  lowLightLuma: 40,
};

export const NO_CALIBRATION: GazeCalibration = { yawDeg: 0, pitchDeg: 0, samples: 0 };

/** What one frame shows, given the state so far (the angle hysteresis). */
export function frameGazeState(frame: GazeFrame, current: TrackedGazeState | null, calibration: GazeCalibration, o: GazeClassifierOptions): TrackedGazeState {
  if (frame.faceCount > 1) return 'multiple-faces';
  if (frame.faceCount === 0 || !frame.face) return frame.lumaMean < o.lowLightLuma ? 'low-light' : 'no-face';
  const a = gazeAngles(frame.face);
  const dYaw = a.yawDeg - calibration.yawDeg;
  const dPitch = a.pitchDeg - calibration.pitchDeg;
  const yawLimit = current === 'away' ? o.awayYawReturnDeg : o.awayYawDeg;
  const upLimit = current === 'away' ? o.upPitchReturnDeg : o.upPitchDeg;
  const downLimit = current === 'down' ? o.downPitchReturnDeg : o.downPitchDeg;
  if (Math.abs(dYaw) > yawLimit || -dPitch > upLimit) return 'away';
  if (dPitch > downLimit) return 'down';
  return 'on-screen';
}

export interface GazeChange {
  state: TrackedGazeState;
  /** When it began: the first frame that showed it. */
  sinceS: number;
}

/** Floating-point slack for frame times (5 fps frames are 0.2 s apart, give or take). */
const EPSILON_S = 0.02;

export function createGazeClassifier(calibration: GazeCalibration = NO_CALIBRATION, options: Partial<GazeClassifierOptions> = {}) {
  const o = { ...DEFAULT_GAZE_CLASSIFIER, ...options };
  let state: GazeChange | null = null;
  let pending: GazeChange | null = null;
  const confirmFor = (s: TrackedGazeState) =>
    s === 'down' ? o.downConfirmS : s === 'on-screen' || s === 'away' ? o.confirmS : o.faceLostConfirmS;
  return {
    /** Feeds one frame; returns the new state when it changed. */
    push(frame: GazeFrame): GazeChange | null {
      const seen = frameGazeState(frame, state?.state ?? null, calibration, o);
      if (!state) {
        state = { state: seen, sinceS: frame.tS };
        return state;
      }
      if (seen === state.state) {
        pending = null;
        return null;
      }
      if (pending?.state !== seen) pending = { state: seen, sinceS: frame.tS };
      if (frame.tS - pending.sinceS + EPSILON_S < confirmFor(seen)) return null;
      state = pending;
      pending = null;
      return state;
    },
    get current(): GazeChange | null {
      return state;
    },
  };
}
export type GazeClassifier = ReturnType<typeof createGazeClassifier>;
