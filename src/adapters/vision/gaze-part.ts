import type { SessionGaze } from '../../core/gaze/session-gaze';
import type { GazeTrackerOptions } from '../../core/gaze/tracker';
import { loadCalibration } from './calibration-store';
import { startGazeCapture, type GazeCapture } from './gaze-capture';

/**
 * The engine host's gaze part: the clinician's calibration in, the camera and face worker for
 * the visit's lifetime. The camera is opened here, when a coached visit starts, and released
 * when it ends; frames never leave the worker.
 */
export type GazePart = GazeCapture;

export function startGazePart(gaze: SessionGaze, extensionUrl: (path: string) => string): GazePart {
  const startMs = performance.now();
  return startGazeCapture({ tracker: gaze.tracker, clockS: () => (performance.now() - startMs) / 1000, url: extensionUrl });
}

/** Tracker options for a new visit: the saved calibration, if the clinician made one. */
export function gazeTrackerOptions(): GazeTrackerOptions {
  const saved = loadCalibration();
  return { calibration: saved && { yawDeg: saved.yawDeg, pitchDeg: saved.pitchDeg, samples: saved.samples } };
}
