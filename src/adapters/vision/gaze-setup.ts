import { createCalibrator, type CalibrationOutcome } from '../../core/gaze/calibration';
import type { MicPermission as CameraPermission } from '../../core/protocol/messages';
import { loadCalibration, saveCalibration, type StoredCalibration } from './calibration-store';
import { cameraErrorState, startCameraFrames } from './camera-frames';
import { createFaceWorkerClient, FaceModelUnavailableError } from './face-worker-client';
import { FACE_MODEL_PATH } from './face-worker-protocol';

/**
 * The options page's side of gaze cues: the camera grant (only a visible page can prompt; the
 * offscreen engine then uses it), whether this build has the face model, and the calibration
 * step, "look at the patient's video for 3 seconds", which measures and saves the clinician's
 * on-screen direction.
 */
export type { CameraPermission };

export async function readCameraPermission(): Promise<CameraPermission> {
  try {
    return (await navigator.permissions.query({ name: 'camera' as PermissionName })).state;
  } catch {
    return 'unknown';
  }
}

/**
 * Asks for the camera; the stream is closed at once (this only records the grant). A camera
 * that opened is allowed, whatever the permission query says (it can lag behind, or stay
 * "prompt" for a one-time grant).
 */
export async function requestCameraPermission(): Promise<CameraPermission> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: true });
  stream.getTracks().forEach((t) => t.stop());
  return 'granted';
}

/** Whether the build put the face model into the extension (see scripts/build/face-model.ts). */
export async function faceModelAvailable(url: (path: string) => string): Promise<boolean> {
  try {
    const response = await fetch(url(FACE_MODEL_PATH), { method: 'HEAD' });
    return response.ok;
  } catch {
    return false;
  }
}

export { loadCalibration };

export type CalibrationRun = { ok: true; saved: StoredCalibration } | { ok: false; message: string };

const PROBLEM_TEXT: Record<Exclude<CalibrationOutcome, { ok: true }>['problem'], string> = {
  'no-face': 'Your face was not found. Sit facing the camera in good light, then try again.',
  'multiple-faces': 'More than one face was in view. Make sure only you are in front of the camera, then try again.',
  moving: 'You moved during the 3 seconds. Keep looking at where the patient’s video will be, then try again.',
};

/** Runs the 3-second step on the camera; `onProgress` gets 0–1. Never throws. */
export async function runCalibration(url: (path: string) => string, onProgress: (fraction: number) => void): Promise<CalibrationRun> {
  const worker = createFaceWorkerClient(url);
  try {
    await worker.ready;
  } catch (error) {
    worker.terminate();
    return { ok: false, message: error instanceof FaceModelUnavailableError ? 'This build of Attune has no face model, so gaze cues are unavailable.' : `Gaze could not start: ${String(error)}` };
  }
  const calibrator = createCalibrator();
  const t0 = performance.now();
  try {
    await new Promise<void>((resolve, reject) => {
      let camera: Awaited<ReturnType<typeof startCameraFrames>> | null = null;
      startCameraFrames({
        onFrame: async (image, atMs) => {
          const { frame } = await worker.measure(image, (atMs - t0) / 1000);
          calibrator.push(frame);
          onProgress(calibrator.progress());
          if (calibrator.done) {
            camera?.stop();
            resolve();
          }
        },
        onEnded: () => reject(new Error('the camera stopped')),
      }).then((c) => (camera = c), reject);
    });
  } catch (error) {
    return { ok: false, message: cameraErrorState(error).message };
  } finally {
    worker.terminate();
  }
  const outcome = calibrator.outcome();
  if (!outcome.ok) return { ok: false, message: PROBLEM_TEXT[outcome.problem] };
  return { ok: true, saved: saveCalibration(outcome.calibration, Date.now()) };
}
