import type { GazeFrame } from '../../core/gaze/frame';

/**
 * Messages between a page (the offscreen engine host, or the options page while calibrating)
 * and the face worker. Frames go in as transferred ImageBitmaps; only geometry comes back.
 */
export type ToFaceWorker =
  | { type: 'init'; wasmBaseUrl: string; modelUrl: string }
  /** `tS`: seconds on the caller's clock; must increase (MediaPipe's video mode requires it). */
  | { type: 'frame'; tS: number; bitmap: ImageBitmap }
  /** The golden test: all 478 landmarks of one still image, in pixels. */
  | { type: 'landmarks'; bitmap: ImageBitmap };

export type FromFaceWorker =
  | { type: 'ready'; loadMs: number }
  /** `unavailable`: the model or wasm is missing from the build; `failed`: it would not run. */
  | { type: 'error'; kind: 'unavailable' | 'failed'; message: string }
  | { type: 'frame'; frame: GazeFrame; detectMs: number }
  | { type: 'landmarks'; points: Array<[number, number]> | null };

/** Where the build step puts the model and MediaPipe's wasm, inside the extension. */
export const FACE_MODEL_PATH = '/models/face_landmarker.task';
export const VISION_WASM_DIR = '/vision-wasm';
export const FACE_WORKER_PATH = '/face-worker.js';
