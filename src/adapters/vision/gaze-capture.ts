import type { GazeTracker } from '../../core/gaze/tracker';
import { createWorkTally } from '../../core/gaze/work-split';
import { cameraErrorState, startCameraFrames, type CameraFrames } from './camera-frames';
import { createFaceWorkerClient, FaceModelUnavailableError, type FaceWorkerClient } from './face-worker-client';

/**
 * Gaze for one coached visit: the camera, the face worker and the visit's gaze tracker, started
 * together and stopped together. Every failure becomes a state on the tracker (and so on the
 * panel): no model, camera denied or busy, camera unplugged, a worker that dies. Never throws.
 */
export interface GazeCaptureOptions {
  tracker: GazeTracker;
  /** Seconds on the visit's clock now. */
  clockS(): number;
  /** Extension path → URL. */
  url(path: string): string;
  fps?: number;
}

export interface GazeCapture {
  stop(): void;
}

export function startGazeCapture(options: GazeCaptureOptions): GazeCapture {
  const { tracker, clockS } = options;
  let worker: FaceWorkerClient | null = null;
  let camera: CameraFrames | null = null;
  let stopped = false;
  // What the face worker did per camera frame, logged at the end for the cost benchmark (bench:visit).
  const stats = { frames: 0, workMs: 0, landmarkedFrames: 0 };
  const split = createWorkTally();

  const fail = (state: Parameters<GazeTracker['setCondition']>[1], message: string) => {
    tracker.setCondition(clockS(), state, message);
    camera?.stop();
    worker?.terminate();
  };

  void (async () => {
    try {
      worker = createFaceWorkerClient(options.url);
      await worker.ready;
    } catch (error) {
      if (error instanceof FaceModelUnavailableError) fail('unavailable', 'Gaze cues are unavailable: this build of Attune has no face model.');
      else fail('unavailable', `Gaze cues could not start: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (stopped) return worker.terminate();
    try {
      camera = await startCameraFrames({
        fps: options.fps,
        onFrame: async (image) => {
          if (stopped) return image.close();
          const { frame, workMs, landmarksMs, split: frameSplit } = await worker!.measure(image, clockS());
          split.add(frameSplit);
          stats.frames++;
          stats.workMs += workMs;
          if (landmarksMs !== null) stats.landmarkedFrames++;
          tracker.push(frame);
        },
        onEnded: () => fail('camera-busy', 'The camera stopped (unplugged or taken by another program).'),
      });
      if (stopped) camera.stop();
    } catch (error) {
      const { state, message } = cameraErrorState(error);
      fail(state, message);
    }
  })();

  return {
    stop() {
      stopped = true;
      camera?.stop();
      worker?.terminate();
      if (stats.frames) console.debug('[attune] gaze', JSON.stringify({ ...stats, workMsPerFrame: stats.workMs / stats.frames, split: split.summary() }));
    },
  };
}
