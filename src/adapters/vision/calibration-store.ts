import * as v from 'valibot';
import type { GazeCalibration } from '../../core/gaze/calibration';

/**
 * The clinician's gaze calibration, kept in the extension origin's localStorage: the options
 * page writes it and the engine host reads it, and an offscreen document cannot use
 * chrome.storage (only chrome.runtime) but shares the origin's localStorage. It is a direction
 * in degrees, nothing from the image.
 */
const KEY = 'attune.gazeCalibration.v1';
const finite = v.pipe(v.number(), v.finite());
const StoredCalibrationSchema = v.object({ yawDeg: finite, pitchDeg: finite, samples: v.pipe(v.number(), v.integer(), v.minValue(1)), savedAt: finite });
export type StoredCalibration = v.InferOutput<typeof StoredCalibrationSchema>;

export function loadCalibration(storage: Pick<Storage, 'getItem'> = localStorage): StoredCalibration | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const parsed = v.safeParse(StoredCalibrationSchema, JSON.parse(raw));
    return parsed.success ? parsed.output : null;
  } catch {
    return null; // unreadable: gaze runs uncalibrated and says so
  }
}

export function saveCalibration(calibration: GazeCalibration, now: number, storage: Pick<Storage, 'setItem'> = localStorage): StoredCalibration {
  const record = v.parse(StoredCalibrationSchema, { ...calibration, savedAt: now });
  storage.setItem(KEY, JSON.stringify(record));
  return record;
}
