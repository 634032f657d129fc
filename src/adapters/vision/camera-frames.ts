import type { GazeState } from '../../core/session/schema';

/**
 * The clinician's camera as a trickle of small frames: at most `fps` a second, at most 640×480,
 * each handed over only when the previous one has been measured (a slow machine gets fewer
 * frames, never a queue). Chrome: MediaStreamTrackProcessor (in an offscreen document
 * requestVideoFrameCallback never fires), whose video frames go on as they are when small
 * enough (no copy); elsewhere a <video> element, a timer and ImageBitmaps.
 */
export type CameraImage = ImageBitmap | VideoFrame;

export interface CameraFramesOptions {
  fps?: number;
  maxWidth?: number;
  maxHeight?: number;
  /** Called with each frame to measure, which it must close (or transfer); the next frame waits for its promise. */
  onFrame(image: CameraImage, atMs: number): Promise<void>;
  /** The camera stopped by itself (unplugged, taken by the system). */
  onEnded(): void;
}

export interface CameraFrames {
  stop(): void;
}

export const CAMERA_CONSTRAINTS: MediaTrackConstraints = { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 15 } };

/** A camera failure as the panel shows it. */
export function cameraErrorState(error: unknown): { state: Extract<GazeState, 'camera-denied' | 'camera-busy'>; message: string } {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return { state: 'camera-denied', message: 'Camera access is not allowed for Attune. Allow it on Attune’s setup page.' };
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return { state: 'camera-denied', message: 'No camera was found.' };
  return { state: 'camera-busy', message: 'The camera is in use by another program or could not start.' };
}

type ProcessorCtor = new (init: { track: MediaStreamTrack }) => { readable: ReadableStream<VideoFrame> };

export async function startCameraFrames(options: CameraFramesOptions): Promise<CameraFrames> {
  const fps = options.fps ?? 5;
  const [maxW, maxH] = [options.maxWidth ?? 640, options.maxHeight ?? 480];
  const stream = await navigator.mediaDevices.getUserMedia({ video: CAMERA_CONSTRAINTS, audio: false });
  const track = stream.getVideoTracks()[0]!;
  let stopped = false;
  track.addEventListener('ended', () => {
    if (!stopped) options.onEnded();
  });
  let lastMs = -Infinity;
  const due = (nowMs: number) => nowMs - lastMs >= 1000 / fps - 5;
  const bitmapOf = (source: ImageBitmapSource, width: number, height: number) => {
    const scale = Math.min(1, maxW / width, maxH / height);
    return scale < 1 ? createImageBitmap(source, { resizeWidth: Math.round(width * scale), resizeHeight: Math.round(height * scale) }) : createImageBitmap(source);
  };

  const Processor = (globalThis as unknown as { MediaStreamTrackProcessor?: ProcessorCtor }).MediaStreamTrackProcessor;
  if (Processor) {
    const reader = new Processor({ track }).readable.getReader();
    void (async () => {
      while (!stopped) {
        const { value: frame, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
        if (done || !frame) break;
        const nowMs = performance.now();
        if (!due(nowMs)) {
          frame.close();
          continue;
        }
        lastMs = nowMs;
        let image: CameraImage = frame;
        if (frame.displayWidth > maxW || frame.displayHeight > maxH) {
          try {
            image = await bitmapOf(frame, frame.displayWidth, frame.displayHeight);
          } finally {
            frame.close();
          }
        }
        // Frames that arrive while this one is measured are read and dropped above.
        await options.onFrame(image, nowMs).catch(() => undefined);
      }
    })();
    return {
      stop() {
        stopped = true;
        void reader.cancel().catch(() => undefined);
        track.stop();
      },
    };
  }

  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  await video.play();
  let busy = false;
  const timer = setInterval(() => {
    if (busy || stopped || video.videoWidth === 0) return;
    busy = true;
    lastMs = performance.now();
    void bitmapOf(video, video.videoWidth, video.videoHeight)
      .then((bitmap) => options.onFrame(bitmap, lastMs))
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, 1000 / fps);
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
      track.stop();
      video.srcObject = null;
    },
  };
}
