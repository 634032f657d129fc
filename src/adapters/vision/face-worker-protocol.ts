import type { GazeFrame } from '../../core/gaze/frame';
import type { FrameWorkSample } from '../../core/gaze/work-split';

/**
 * Messages between a page (the offscreen engine host, or the options page while calibrating)
 * and the face worker. Frames go in transferred (video frames or bitmaps); only geometry comes back.
 */
export type ToFaceWorker =
  | { type: 'init'; wasmBaseUrl: string; modelUrl: string }
  /**
   * `tS`: seconds on the caller's clock; must increase (MediaPipe's video mode requires it).
   * `image`: the camera's own video frame where the browser has them (no copy on the way), else a bitmap.
   */
  | { type: 'frame'; tS: number; image: ImageBitmap | VideoFrame }
  /** The golden test: all 478 landmarks of one still image, in pixels. */
  | { type: 'landmarks'; bitmap: ImageBitmap };

export type FromFaceWorker =
  | { type: 'ready'; loadMs: number }
  /** `unavailable`: the model or wasm is missing from the build; `failed`: it would not run. */
  | { type: 'error'; kind: 'unavailable' | 'failed'; message: string }
  /** `workMs`: all the worker did for this frame; `landmarksMs`: the landmarker's part (with its input), null when the frame reused the last landmarks. */
  | { type: 'frame'; frame: GazeFrame; workMs: number; landmarksMs: number | null; split: FrameWorkSample }
  | { type: 'landmarks'; points: Array<[number, number]> | null };

/** Where the build step puts the model and MediaPipe's wasm, inside the extension. */
export const FACE_MODEL_PATH = '/models/face_landmarker.task';
export const VISION_WASM_DIR = '/vision-wasm';
export const FACE_WORKER_PATH = '/face-worker.js';
