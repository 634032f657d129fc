import type { Page } from 'playwright-core';
import type { GazeFrame } from '../../src/core/gaze/frame';

/**
 * Runs the extension's own face worker on Chromium's (fake) camera from an extension page and
 * returns what it measured per frame. Each frame of the test clip carries its index as a 10-bit
 * code in its bottom-left corner (16 px blocks, see makeMarkedClip), read here before the frame
 * is handed to the worker, so every measurement can be matched to the clip's per-frame truth.
 */
export interface ProbedFrame {
  /** Clip frame index from the marker, or -1 where no marker was readable. */
  index: number;
  frame: GazeFrame;
  /** All the worker did for the frame, and the landmarker's part (null: the frame reused the last landmarks). */
  workMs: number;
  landmarksMs: number | null;
}

export interface ProbeResult {
  loadMs: number;
  frames: ProbedFrame[];
  error: string | null;
}

export async function probeCamera(page: Page, options: { seconds: number; fps: number }): Promise<ProbeResult> {
  // tsx compiles with esbuild's keepNames, whose __name helper does not exist in the page.
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(async ({ seconds, fps }) => {
    const api = (globalThis as unknown as { chrome: { runtime: { getURL(p: string): string } } }).chrome.runtime;
    const worker = new Worker(api.getURL('/face-worker.js'));
    const next = () => new Promise<{ type: string; [k: string]: unknown }>((ok) => (worker.onmessage = (e) => ok(e.data)));
    const ready = next();
    worker.postMessage({ type: 'init', wasmBaseUrl: api.getURL('/vision-wasm'), modelUrl: api.getURL('/models/face_landmarker.task') });
    const r = await ready;
    if (r.type !== 'ready') return { loadMs: 0, frames: [], error: String(r.message) };
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
    const track = stream.getVideoTracks()[0]!;
    const Processor = (globalThis as unknown as { MediaStreamTrackProcessor: new (o: { track: MediaStreamTrack }) => { readable: ReadableStream<VideoFrame> } }).MediaStreamTrackProcessor;
    const reader = new Processor({ track }).readable.getReader();
    const marker = new OffscreenCanvas(160, 1).getContext('2d', { willReadFrequently: true })!;
    const frames: Array<{ index: number; frame: never; workMs: number; landmarksMs: number | null }> = [];
    const t0 = performance.now();
    let lastSent = -Infinity;
    while (performance.now() - t0 < seconds * 1000) {
      const { value } = await reader.read();
      if (!value) break;
      const now = performance.now();
      if (now - lastSent < 1000 / fps - 5) {
        value.close();
        continue;
      }
      lastSent = now;
      marker.drawImage(value, 0, value.displayHeight - 8, 160, 1, 0, 0, 160, 1);
      const px = marker.getImageData(0, 0, 160, 1).data;
      let index = 0;
      for (let bit = 0; bit < 10; bit++) {
        const i = (bit * 16 + 8) * 4;
        const luma = 0.299 * px[i]! + 0.587 * px[i + 1]! + 0.114 * px[i + 2]!;
        if (luma > 128) index |= 1 << bit;
      }
      const reply = next();
      // The video frame itself, as the extension's camera code hands it over.
      worker.postMessage({ type: 'frame', tS: (now - t0) / 1000, image: value }, [value]);
      const m = await reply;
      if (m.type !== 'frame') return { loadMs: r.loadMs as number, frames, error: String(m.message) };
      frames.push({ index, frame: m.frame as never, workMs: m.workMs as number, landmarksMs: m.landmarksMs as number | null });
    }
    track.stop();
    worker.terminate();
    return { loadMs: r.loadMs as number, frames, error: null };
  }, options);
}

/** All 478 landmarks (pixels) the extension's face worker finds on a still image, or null without a face. */
export async function landmarksOfImage(page: Page, image: Buffer, mime: string): Promise<{ points: Array<[number, number]> | null; error: string | null }> {
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(
    async ({ base64, mime }) => {
      const api = (globalThis as unknown as { chrome: { runtime: { getURL(p: string): string } } }).chrome.runtime;
      const worker = new Worker(api.getURL('/face-worker.js'));
      const next = () => new Promise<{ type: string; [k: string]: unknown }>((ok) => (worker.onmessage = (e) => ok(e.data)));
      const ready = next();
      worker.postMessage({ type: 'init', wasmBaseUrl: api.getURL('/vision-wasm'), modelUrl: api.getURL('/models/face_landmarker.task') });
      const r = await ready;
      if (r.type !== 'ready') return { points: null, error: String(r.message) };
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: mime }));
      const reply = next();
      worker.postMessage({ type: 'landmarks', bitmap }, [bitmap]);
      const m = await reply;
      worker.terminate();
      return m.type === 'landmarks' ? { points: m.points as Array<[number, number]> | null, error: null } : { points: null, error: String(m.message) };
    },
    { base64: image.toString('base64'), mime },
  );
}
