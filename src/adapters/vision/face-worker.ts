import { FaceLandmarker, FilesetResolver, type FaceLandmarkerResult, type NormalizedLandmark } from '@mediapipe/tasks-vision';
import type { EyeLookBlendshapes, EyePoints, GazeFrame } from '../../core/gaze/frame';
import type { FromFaceWorker, ToFaceWorker } from './face-worker-protocol';

/**
 * The face worker: MediaPipe Face Landmarker (CPU, video mode, up to two faces) on frames the
 * page hands over. Pixels stay here; each frame is closed as soon as it is measured, and only
 * the matrix, a few eye landmarks, four blendshapes and a brightness figure go back.
 */

/** MediaPipe Face Mesh indices: eye corners, lid middles and iris centres. */
const IMAGE_LEFT_EYE = { outer: 33, inner: 133, upper: 159, lower: 145, iris: 468 };
const IMAGE_RIGHT_EYE = { outer: 263, inner: 362, upper: 386, lower: 374, iris: 473 };
const LOOKS: Array<keyof EyeLookBlendshapes> = ['eyeLookUpLeft', 'eyeLookUpRight', 'eyeLookDownLeft', 'eyeLookDownRight'];

interface Scope {
  postMessage(message: FromFaceWorker): void;
  onmessage: ((event: MessageEvent<ToFaceWorker>) => void) | null;
}

/** Mean luma over a 32×24 thumbnail: enough to tell a dark room, cheap (about 0.1 ms). */
function meanLuma(bitmap: ImageBitmap, canvas: OffscreenCanvasRenderingContext2D): number {
  canvas.drawImage(bitmap, 0, 0, 32, 24);
  const { data } = canvas.getImageData(0, 0, 32, 24);
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum += 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
  return sum / (data.length / 4);
}

function toGazeFrame(tS: number, result: FaceLandmarkerResult, width: number, height: number, lumaMean: number): GazeFrame {
  const faceCount = result.faceLandmarks.length;
  const landmarks = result.faceLandmarks[0];
  const matrix = result.facialTransformationMatrixes?.[0]?.data;
  const shapes = result.faceBlendshapes?.[0]?.categories ?? [];
  if (faceCount !== 1 || !landmarks || !matrix) return { tS, faceCount, lumaMean, face: null };
  const px = (i: number): [number, number] => {
    const p: NormalizedLandmark = landmarks[i]!;
    return [p.x * width, p.y * height];
  };
  const eye = (ix: typeof IMAGE_LEFT_EYE): EyePoints => ({ outer: px(ix.outer), inner: px(ix.inner), upper: px(ix.upper), lower: px(ix.lower), iris: px(ix.iris) });
  const score = (name: string) => shapes.find((c) => c.categoryName === name)?.score ?? 0;
  const blendshapes = Object.fromEntries(LOOKS.map((k) => [k, score(k)])) as unknown as EyeLookBlendshapes;
  return { tS, faceCount, lumaMean, face: { matrix: Array.from(matrix), eyes: [eye(IMAGE_LEFT_EYE), eye(IMAGE_RIGHT_EYE)], blendshapes } };
}

async function load(wasmBaseUrl: string, modelUrl: string): Promise<FaceLandmarker> {
  const model = await fetch(modelUrl).then(
    (r) => (r.ok ? r.arrayBuffer() : null),
    () => null,
  );
  if (!model || model.byteLength === 0) throw Object.assign(new Error('The face model is not part of this build.'), { unavailable: true });
  // The classic (non-module) loader: this worker is a classic script, so MediaPipe can importScripts() it.
  const fileset = await FilesetResolver.forVisionTasks(wasmBaseUrl, false);
  return FaceLandmarker.createFromOptions(fileset, {
    baseOptions: { modelAssetBuffer: new Uint8Array(model), delegate: 'CPU' },
    runningMode: 'VIDEO',
    numFaces: 2,
    outputFaceBlendshapes: true,
    outputFacialTransformationMatrixes: true,
  });
}

export function runFaceWorker(scope: Scope): void {
  let landmarker: Promise<FaceLandmarker> | null = null;
  let lastMs = -1;
  const thumb = new OffscreenCanvas(32, 24).getContext('2d', { willReadFrequently: true })!;

  scope.onmessage = (event) => {
    const message = event.data;
    if (message.type === 'init') {
      const t0 = performance.now();
      landmarker = load(message.wasmBaseUrl, message.modelUrl);
      landmarker.then(
        () => scope.postMessage({ type: 'ready', loadMs: performance.now() - t0 }),
        (error: unknown) =>
          scope.postMessage({
            type: 'error',
            kind: (error as { unavailable?: boolean }).unavailable ? 'unavailable' : 'failed',
            message: error instanceof Error ? error.message : String(error),
          }),
      );
      return;
    }
    const bitmap = message.bitmap;
    void (async () => {
      try {
        const lm = await landmarker;
        if (!lm) throw new Error('face worker used before init');
        if (message.type === 'landmarks') {
          // A still image: the image mode graph is not loaded, so feed it as one video frame.
          lastMs += 1000;
          const result = lm.detectForVideo(bitmap, lastMs);
          const face = result.faceLandmarks[0];
          scope.postMessage({ type: 'landmarks', points: face ? face.map((p) => [p.x * bitmap.width, p.y * bitmap.height] as [number, number]) : null });
          return;
        }
        // Video mode needs strictly increasing timestamps, in whole milliseconds.
        const ms = Math.max(lastMs + 1, Math.round(message.tS * 1000));
        lastMs = ms;
        const lumaMean = meanLuma(bitmap, thumb);
        const t0 = performance.now();
        const result = lm.detectForVideo(bitmap, ms);
        const detectMs = performance.now() - t0;
        scope.postMessage({ type: 'frame', frame: toGazeFrame(message.tS, result, bitmap.width, bitmap.height, lumaMean), detectMs });
      } catch (error) {
        scope.postMessage({ type: 'error', kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      } finally {
        bitmap.close();
      }
    })();
  };
}
