import { FaceDetector, FaceLandmarker, FilesetResolver, type FaceLandmarkerResult, type NormalizedLandmark } from '@mediapipe/tasks-vision';
import { createFrameGate, gateRegions, greyFromRgba, meanGrey, patchesOf, type GateRegions, type GreyImage } from '../../core/gaze/frame-gate';
import type { EyeLookBlendshapes, EyePoints, GazeFrame, Point } from '../../core/gaze/frame';
import { halfRgbaFrom420, landmarkAtHalfSize, type PlaneLayout, type Yuv420Frame } from '../../core/gaze/half-frame';
import { readBundleEntry } from '../../core/gaze/model-bundle';
import type { FromFaceWorker, ToFaceWorker } from './face-worker-protocol';
import type { FrameWorkSample } from '../../core/gaze/work-split';

/**
 * The face worker: MediaPipe Face Landmarker (CPU, video mode) on frames the page hands over.
 * Pixels stay here; each frame is closed as soon as it is measured, and only the matrix, a few
 * eye landmarks, four blendshapes and a brightness figure go back.
 *
 * Cost is kept down two ways (see core/gaze/frame-gate): the landmarker looks for one face and
 * skips frames where the face region has not changed since it last ran; the face detector from
 * the same model bundle counts faces every few seconds, for the "two faces" state.
 */

/** MediaPipe Face Mesh indices: eye corners, lid middles and iris centres. */
const IMAGE_LEFT_EYE = { outer: 33, inner: 133, upper: 159, lower: 145, iris: 468 };
const IMAGE_RIGHT_EYE = { outer: 263, inner: 362, upper: 386, lower: 374, iris: 473 };
const LOOKS: Array<keyof EyeLookBlendshapes> = ['eyeLookUpLeft', 'eyeLookUpRight', 'eyeLookDownLeft', 'eyeLookDownRight'];
const DETECTOR_ENTRY = 'face_detector.tflite';

interface Scope {
  postMessage(message: FromFaceWorker): void;
  onmessage: ((event: MessageEvent<ToFaceWorker>) => void) | null;
}

type WasmFileset = Awaited<ReturnType<typeof FilesetResolver.forVisionTasks>>;

interface Models {
  landmarker: FaceLandmarker;
  /** Null when the bundle's detector could not be read: the landmarker then looks for two faces itself. */
  counter: FaceDetector | null;
}

type FrameImage = ImageBitmap | VideoFrame;

/** Video frame formats whose first plane is the luma (grey) plane. */
const LUMA_FIRST_FORMATS = new Set<string>(['I420', 'I420A', 'I422', 'I444', 'NV12']);

const sizeOf = (image: FrameImage): [number, number] => ('displayWidth' in image ? [image.displayWidth, image.displayHeight] : [image.width, image.height]);

/** What the worker reads of one frame: grey for the gate, and the landmarker's input on demand. */
interface FramePixels {
  grey: GreyImage;
  /** The landmarker's and the face counter's input (`half`: at half size where the frame allows); normalised landmarks are the same at any size. */
  modelInput(half: boolean): Promise<FrameImage | ImageData>;
}

const yuv420Of = (image: VideoFrame, data: Uint8Array, planes: PlaneLayout[], width: number, height: number): Yuv420Frame | null =>
  (image.format === 'I420' || image.format === 'NV12') && width >= 2 && height >= 2
    ? { format: image.format, data, planes, width, height, matrix: image.colorSpace?.matrix === 'bt709' ? 'bt709' : 'bt601', fullRange: image.colorSpace?.fullRange === true }
    : null;

/**
 * Copies each frame once. A camera's video frame is copied as it is (no canvas: drawing a
 * frame onto a canvas costs a trip through the browser's graphics process, measured at about
 * 8 % of a core at 5 fps here); its luma plane is the grey image, and a 4:2:0 frame (what
 * cameras give) becomes the landmarker's input at half size from the same copy
 * (core/gaze/half-frame: MediaPipe uploads and converts every pixel it is given, and the
 * landmarks come from a 192×192 crop of the face). Other video frames are converted to RGBA by
 * the browser; anything else is drawn once for grey and handed to MediaPipe as it is.
 */
function createFrameReader() {
  let buffer = new Uint8Array(0);
  let rgba = new Uint8ClampedArray(0);
  let canvas: OffscreenCanvasRenderingContext2D | null = null;
  const rgbaOf = async (image: VideoFrame, width: number, height: number): Promise<FrameImage | ImageData> => {
    try {
      if (rgba.length !== width * height * 4) rgba = new Uint8ClampedArray(width * height * 4);
      await image.copyTo(rgba, { format: 'RGBA' } as VideoFrameCopyToOptions);
      return new ImageData(rgba, width, height);
    } catch {
      return createImageBitmap(image);
    }
  };
  return async (image: FrameImage): Promise<FramePixels> => {
    const [width, height] = sizeOf(image);
    if ('copyTo' in image && image.format && LUMA_FIRST_FORMATS.has(image.format) && image.visibleRect?.width === width && image.visibleRect.height === height) {
      const size = image.allocationSize();
      if (buffer.length < size) buffer = new Uint8Array(size);
      const planes = await image.copyTo(buffer);
      const grey = { data: buffer.subarray(planes[0]!.offset), width, height, stride: planes[0]!.stride };
      const yuv = yuv420Of(image, buffer, planes, width, height);
      return {
        grey,
        modelInput: async (halfSize) => {
          if (!yuv || !halfSize) return rgbaOf(image, width, height);
          const half = halfRgbaFrom420(yuv, rgba);
          rgba = half.data;
          return new ImageData(half.data, half.width, half.height);
        },
      };
    }
    if (!canvas || canvas.canvas.width !== width || canvas.canvas.height !== height) canvas = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true })!;
    canvas.drawImage(image, 0, 0);
    const grey = greyFromRgba(canvas.getImageData(0, 0, width, height).data, width, height);
    return { grey, modelInput: async () => ('copyTo' in image ? rgbaOf(image, width, height) : image) };
  };
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

async function createCounter(fileset: WasmFileset, bundle: Uint8Array): Promise<FaceDetector | null> {
  try {
    const model = readBundleEntry(bundle, DETECTOR_ENTRY).slice();
    return await FaceDetector.createFromOptions(fileset, { baseOptions: { modelAssetBuffer: model, delegate: 'CPU' }, runningMode: 'VIDEO', minDetectionConfidence: 0.5 });
  } catch (error) {
    console.warn(`Attune: counting faces with the landmarker itself (${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
}

async function load(wasmBaseUrl: string, modelUrl: string): Promise<Models> {
  const model = await fetch(modelUrl).then(
    (r) => (r.ok ? r.arrayBuffer() : null),
    () => null,
  );
  if (!model || model.byteLength === 0) throw Object.assign(new Error('The face model is not part of this build.'), { unavailable: true });
  const bundle = new Uint8Array(model);
  // The classic (non-module) loader: this worker is a classic script, so MediaPipe can importScripts() it.
  const fileset = await FilesetResolver.forVisionTasks(wasmBaseUrl, false);
  const counter = await createCounter(fileset, bundle);
  const landmarker = await FaceLandmarker.createFromOptions(fileset, {
    baseOptions: { modelAssetBuffer: bundle, delegate: 'CPU' },
    runningMode: 'VIDEO',
    // Looking for a second face makes the landmarker run its detector on every frame.
    numFaces: counter ? 1 : 2,
    outputFaceBlendshapes: true,
    outputFacialTransformationMatrixes: true,
  });
  return { landmarker, counter };
}

export function runFaceWorker(scope: Scope): void {
  let models: Promise<Models> | null = null;
  let lastMs = -1;
  const readFrame = createFrameReader();
  const gate = createFrameGate();
  let regions: GateRegions | null = null;
  let measured: GazeFrame | null = null;
  let countedFaces = 0;
  let faceWidthPx: number | null = null;

  async function measureFrame(m: Models, image: FrameImage, tS: number, ms: number): Promise<{ frame: GazeFrame; split: FrameWorkSample }> {
    const [width, height] = sizeOf(image);
    const t0 = performance.now();
    const pixels = await readFrame(image);
    const { grey } = pixels;
    const lumaMean = meanGrey(grey);
    const landmarkReason = measured ? gate.landmarkReason(regions && patchesOf(grey, regions)) : 'no-face';
    const split: FrameWorkSample = { readMs: performance.now() - t0, inputMs: 0, landmarksMs: null, landmarkReason, countMs: null };
    let rgb: FrameImage | ImageData | null = null;
    try {
      if (landmarkReason) {
        const tRun = performance.now();
        rgb = await pixels.modelInput(landmarkAtHalfSize(faceWidthPx));
        split.inputMs = performance.now() - tRun;
        const result = m.landmarker.detectForVideo(rgb, ms);
        split.landmarksMs = performance.now() - tRun;
        measured = toGazeFrame(tS, result, width, height, lumaMean);
        const points = result.faceLandmarks[0]?.map((p): Point => [p.x * width, p.y * height]) ?? [];
        faceWidthPx = points.length ? Math.max(...points.map((p) => p[0])) - Math.min(...points.map((p) => p[0])) : null;
        const eyePoints = measured.face?.eyes.flatMap((e) => [e.outer, e.inner, e.upper, e.lower, e.iris]) ?? [];
        regions = gateRegions(points, eyePoints, width, height);
        gate.measured(regions && patchesOf(grey, regions));
      }
      // Only on a frame the landmarker ran on (the gate's rule), from its input: the detector sees the whole frame at 128×128.
      if (m.counter && gate.needsFaceCount(tS, rgb !== null, countedFaces === 1 && measured?.faceCount === 1)) {
        const tCount = performance.now();
        countedFaces = m.counter.detectForVideo(rgb!, ms).detections.length;
        split.countMs = performance.now() - tCount;
      }
    } finally {
      if (rgb && rgb !== image && 'close' in rgb) rgb.close();
    }
    let frame: GazeFrame = { ...measured!, tS, lumaMean };
    // The landmarker follows one face; a second one seen by the detector turns the frame into "two faces".
    if (m.counter && countedFaces > 1 && frame.faceCount >= 1) frame = { ...frame, faceCount: countedFaces, face: null };
    return { frame, split };
  }

  scope.onmessage = (event) => {
    const message = event.data;
    if (message.type === 'init') {
      const t0 = performance.now();
      models = load(message.wasmBaseUrl, message.modelUrl);
      models.then(
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
    const image = message.type === 'frame' ? message.image : message.bitmap;
    void (async () => {
      try {
        const m = await models;
        if (!m) throw new Error('face worker used before init');
        if (message.type === 'landmarks') {
          // A still image: the image mode graph is not loaded, so feed it as one video frame.
          lastMs += 1000;
          const [width, height] = sizeOf(image);
          const result = m.landmarker.detectForVideo(image, lastMs);
          const face = result.faceLandmarks[0];
          scope.postMessage({ type: 'landmarks', points: face ? face.map((p) => [p.x * width, p.y * height] as [number, number]) : null });
          return;
        }
        // Video mode needs strictly increasing timestamps, in whole milliseconds.
        const ms = Math.max(lastMs + 1, Math.round(message.tS * 1000));
        lastMs = ms;
        const t0 = performance.now();
        const { frame, split } = await measureFrame(m, image, message.tS, ms);
        scope.postMessage({ type: 'frame', frame, workMs: performance.now() - t0, landmarksMs: split.landmarksMs, split });
      } catch (error) {
        scope.postMessage({ type: 'error', kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      } finally {
        image.close();
      }
    })();
  };
}
