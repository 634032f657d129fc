import type { GazeFrame } from '../../core/gaze/frame';
import type { FromFaceWorker, ToFaceWorker } from './face-worker-protocol';
import type { FrameWorkSample } from '../../core/gaze/work-split';
import { FACE_MODEL_PATH, FACE_WORKER_PATH, VISION_WASM_DIR } from './face-worker-protocol';

/** Raised when the face model or MediaPipe's wasm is not part of this build. */
export class FaceModelUnavailableError extends Error {
  override name = 'FaceModelUnavailableError';
}

export interface FaceWorkerClient {
  /** Resolves once the model is loaded (about 0.4 s); rejects with FaceModelUnavailableError or Error. */
  ready: Promise<{ loadMs: number }>;
  /** Measures one frame; the image is transferred (and closed by the worker). One at a time. */
  measure(image: ImageBitmap | VideoFrame, tS: number): Promise<{ frame: GazeFrame; workMs: number; landmarksMs: number | null; split: FrameWorkSample }>;
  terminate(): void;
}

/** Starts the face worker from the extension's files; `url` turns an extension path into a URL. */
export function createFaceWorkerClient(url: (path: string) => string): FaceWorkerClient {
  const worker = new Worker(url(FACE_WORKER_PATH));
  let settleReady: (m: FromFaceWorker) => void = () => undefined;
  let waiting: ((m: FromFaceWorker) => void) | null = null;
  let loaded = false;
  // The first message answers init (ready or error); every later one answers the frame in flight.
  worker.onmessage = (event: MessageEvent<FromFaceWorker>) => {
    if (!loaded) {
      loaded = true;
      return settleReady(event.data);
    }
    const answer = waiting;
    waiting = null;
    answer?.(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const error: FromFaceWorker = { type: 'error', kind: 'failed', message: `the face worker failed: ${event.message}` };
    if (!loaded) {
      loaded = true;
      settleReady(error);
    } else waiting?.(error);
  };
  const post = (message: ToFaceWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
  const ready = new Promise<{ loadMs: number }>((resolve, reject) => {
    settleReady = (m) => {
      if (m.type === 'ready') resolve({ loadMs: m.loadMs });
      else reject(m.type === 'error' && m.kind === 'unavailable' ? new FaceModelUnavailableError(m.message) : new Error(m.type === 'error' ? m.message : `unexpected ${m.type}`));
    };
  });
  post({ type: 'init', wasmBaseUrl: url(VISION_WASM_DIR), modelUrl: url(FACE_MODEL_PATH) });
  return {
    ready,
    measure(image, tS) {
      return new Promise((resolve, reject) => {
        waiting = (m) => (m.type === 'frame' ? resolve({ frame: m.frame, workMs: m.workMs, landmarksMs: m.landmarksMs, split: m.split }) : reject(new Error(m.type === 'error' ? m.message : `unexpected ${m.type}`)));
        post({ type: 'frame', tS, image }, [image]);
      });
    },
    terminate: () => worker.terminate(),
  };
}
