/**
 * Gaze accuracy of one build against another, on the same camera frames: each frame of the
 * shared head-pose clip (Chromium's fake camera, 640×480, 5 fps) is cloned and handed to both
 * builds' face workers, and on the frames where both ran the landmarker the gaze angles they
 * give are compared (head yaw and pitch from the matrix, eye yaw from the irises, eye pitch from
 * the blendshapes). For a change to the face worker's input (size, copies) that must not change
 * what it measures.
 *
 *   npx tsx scripts/gaze-builds-ab.ts --a <built chrome-mv3 dir> --b <built chrome-mv3 dir> [--seconds 30]
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gazeAngles, type GazeAngles } from '../src/core/gaze/direction';
import type { GazeFrame } from '../src/core/gaze/frame';
import { launchChromium } from './lib/chromium';
import { serveFolders } from './lib/static-server';
import { makeMarkedClip } from '../tests/e2e/gaze-clips';

const SHARED_CLIP = resolve(import.meta.dirname, '../../shared/fixtures/gaze/synth_business-person.mp4');

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

interface Reply {
  frame: GazeFrame;
  workMs: number;
  landmarksMs: number | null;
}

async function main() {
  const [a, b] = [arg('--a'), arg('--b')].map((d) => d && resolve(d));
  const seconds = Number(arg('--seconds') ?? 30);
  if (!a || !b) throw new Error('usage: --a <chrome-mv3 dir> --b <chrome-mv3 dir> [--seconds 30]');
  if (!existsSync(SHARED_CLIP)) throw new Error(`needs the shared head-pose clip at ${SHARED_CLIP}`);
  const tmp = mkdtempSync(join(tmpdir(), 'attune-gaze-ab-'));
  const { url, server } = await serveFolders('gaze A/B', [
    ['/a/', a],
    ['/b/', b],
  ]);
  const browser = await launchChromium({ extensionDir: a, headless: true, videoFile: makeMarkedClip(SHARED_CLIP, tmp) });
  try {
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.evaluate('globalThis.__name ??= (f) => f');
    const pairs = await page.evaluate(async (seconds) => {
      const start = async (name: string) => {
        const worker = new Worker(`/${name}/face-worker.js`);
        const next = () => new Promise<{ type: string; [k: string]: unknown }>((ok) => (worker.onmessage = (e) => ok(e.data)));
        const ready = next();
        worker.postMessage({ type: 'init', wasmBaseUrl: `${location.origin}/${name}/vision-wasm`, modelUrl: `/${name}/models/face_landmarker.task` });
        const r = await ready;
        if (r.type !== 'ready') throw new Error(`${name}: ${String(r.message)}`);
        return async (image: VideoFrame, tS: number) => {
          const reply = next();
          worker.postMessage({ type: 'frame', tS, image }, [image]);
          return (await reply) as unknown;
        };
      };
      const [measureA, measureB] = [await start('a'), await start('b')];
      const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
      const Processor = (globalThis as unknown as { MediaStreamTrackProcessor: new (o: { track: MediaStreamTrack }) => { readable: ReadableStream<VideoFrame> } }).MediaStreamTrackProcessor;
      const reader = new Processor({ track: stream.getVideoTracks()[0]! }).readable.getReader();
      const out: Array<[unknown, unknown]> = [];
      const t0 = performance.now();
      let last = -Infinity;
      while (performance.now() - t0 < seconds * 1000) {
        const { value } = await reader.read();
        if (!value) break;
        const now = performance.now();
        if (now - last < 195) {
          value.close();
          continue;
        }
        last = now;
        const tS = (now - t0) / 1000;
        const copy = value.clone();
        out.push([await measureA(value, tS), await measureB(copy, tS)]);
      }
      await reader.cancel();
      return out;
    }, seconds);
    report(pairs as Array<[Reply, Reply]>);
  } finally {
    await browser.close();
    server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

function report(pairs: Array<[Reply, Reply]>) {
  const both = pairs.filter(([x, y]) => x.landmarksMs !== null && y.landmarksMs !== null && x.frame.face && y.frame.face);
  const keys: Array<keyof GazeAngles> = ['headYawDeg', 'headPitchDeg', 'yawDeg', 'pitchDeg'];
  const diffs = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<keyof GazeAngles, number[]>;
  for (const [x, y] of both) {
    const [ga, gb] = [gazeAngles(x.frame.face!), gazeAngles(y.frame.face!)];
    for (const k of keys) diffs[k].push(Math.abs(ga[k] - gb[k]));
  }
  const sorted = (xs: number[]) => [...xs].sort((p, q) => p - q);
  const q = (xs: number[], f: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(f * xs.length))] ?? NaN;
  const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / Math.max(1, xs.length);
  const faces = (i: 0 | 1) => pairs.filter((p) => p[i].frame.face).length;
  console.log(`\ngaze A/B on ${pairs.length} frames (load average ${loadavg()[0]!.toFixed(1)}); a face in A ${faces(0)}, in B ${faces(1)}; both ran the landmarker on ${both.length}`);
  for (const k of keys) console.log(`${k.padEnd(13)} |A − B| mean ${mean(diffs[k]).toFixed(2)}°, median ${q(diffs[k], 0.5).toFixed(2)}°, p95 ${q(diffs[k], 0.95).toFixed(2)}°, max ${Math.max(...diffs[k]).toFixed(2)}°`);
  for (const [name, i] of [['A', 0], ['B', 1]] as const) {
    const ran = pairs.map((p) => p[i].landmarksMs).filter((v): v is number => v !== null);
    console.log(`${name}: ${mean(pairs.map((p) => p[i].workMs)).toFixed(1)} ms/frame, landmarker median ${q(ran, 0.5).toFixed(1)} ms on ${ran.length}/${pairs.length} frames`);
  }
}

await main();
