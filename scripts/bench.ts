/**
 * Talk-time detector bench: one hour of two-channel 16 kHz audio (the evaluation set's visits,
 * repeated from the first until the hour is full) through
 *   - the default detector (src/core: frame features + duplex detector + talk engine),
 *   - the WebRTC VAD (@echogarden/fvad-wasm, mode 3) on each channel,
 *   - Silero VAD v5 (the model shipped in @ricky0123/vad-web) with onnxruntime-web (wasm, 1 thread),
 * all in the same run, on one core, on audio already decoded in memory. Peers get the same
 * post-processing as the default (gaps under 280 ms merged, starts under 60 ms dropped).
 * Prints frame F1 per speaker (10 ms frames, 0.1 s collar; pooled over the hour) and speed as
 * × real time, with ratios to the default.
 *
 *   npm run bench [-- --skip-silero] [-- --hours 1]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeWavFrames, parseWavHeader } from '../src/core/audio/wav';
import { frameFeatures } from '../src/core/audio/features';
import { createTalkEngine } from '../src/core/talk/talk-engine';
import { countFrames, f1, listVisits, type Counts, type Visit } from './talk/score';

const { values } = parseArgs({ options: { set: { type: 'string', default: '.eval/talk' }, hours: { type: 'string', default: '1' }, 'skip-silero': { type: 'boolean', default: false } } });
if (listVisits(values.set!).length === 0) execFileSync('bash', ['scripts/talk/make-eval-set.sh', values.set!], { stdio: 'inherit' });
const all = listVisits(values.set!);
const wanted = Number(values.hours) * 3600;

type Loaded = Visit & { mic: Float32Array; remote: Float32Array };
const load = (path: string) => {
  const bytes = new Uint8Array(readFileSync(path));
  const h = parseWavHeader(bytes);
  if (h.sampleRate !== 16000 || h.channelCount !== 1) throw new Error(`${path}: expected 16 kHz mono`);
  return decodeWavFrames(h, bytes.subarray(h.dataOffset, h.dataOffset + h.dataBytes))[0]!;
};
const visits: Loaded[] = [];
let total = 0;
// Stop within a frame of the wanted length: `total < wanted` alone can loop forever on a rounding remainder
// (each pass then adds an empty visit while holding its decoded audio).
for (let i = 0; wanted - total >= 0.01; i++) {
  const v = all[i % all.length]!;
  const mic = load(join(v.dir, 'mic.wav'));
  const remote = load(join(v.dir, 'remote.wav'));
  const n = Math.min(mic.length, remote.length, Math.round((wanted - total) * 16000));
  visits.push({ ...v, name: `${v.name}#${Math.floor(i / all.length)}`, mic: mic.subarray(0, n), remote: remote.subarray(0, n), truth: { ...v.truth, duration_s: n / 16000 } });
  total += n / 16000;
}

type Segs = { clinician: Array<[number, number]>; patient: Array<[number, number]> };
/** Frame decisions → intervals, gaps < 280 ms merged, runs < 60 ms dropped (as the default). */
function toIntervals(active: Uint8Array, frameS: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i <= active.length; i++) {
    const on = i < active.length && active[i] === 1;
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      const [a, b] = [start * frameS, i * frameS];
      const prev = out[out.length - 1];
      if (prev && a - prev[1] < 0.28) prev[1] = b;
      else out.push([a, b]);
      start = -1;
    }
  }
  return out.filter(([a, b]) => b - a >= 0.06);
}

interface Row {
  name: string;
  seconds: number;
  counts: Record<'clinician' | 'patient', Counts>;
}
function score(name: string, seconds: number, results: Segs[]): Row {
  const counts = { clinician: { tp: 0, fp: 0, fn: 0 }, patient: { tp: 0, fp: 0, fn: 0 } };
  visits.forEach((v, i) => {
    for (const s of ['clinician', 'patient'] as const) {
      const truth = v.truth[s].filter(([a]) => a < v.truth.duration_s).map(([a, b]) => [a, Math.min(b, v.truth.duration_s)] as [number, number]);
      const c = countFrames(truth, results[i]![s], v.truth.duration_s);
      counts[s].tp += c.tp;
      counts[s].fp += c.fp;
      counts[s].fn += c.fn;
    }
  });
  return { name, seconds, counts };
}

// ---- default detector
function runDefault(): Row {
  const results: Segs[] = [];
  const t0 = performance.now();
  for (const v of visits) {
    const engine = createTalkEngine();
    const frames = Math.floor(v.mic.length / 160);
    for (let i = 0; i < frames; i++) engine.push(frameFeatures(v.mic.subarray(i * 160, i * 160 + 160)), frameFeatures(v.remote.subarray(i * 160, i * 160 + 160)));
    results.push(engine.result().segments as Segs);
  }
  return score('default (duplex, src/core)', (performance.now() - t0) / 1000, results);
}

// ---- WebRTC VAD
async function runFvad(): Promise<Row> {
  interface Fvad {
    HEAP16: Int16Array;
    _malloc(bytes: number): number;
    _free(ptr: number): void;
    _fvad_new(): number;
    _fvad_free(inst: number): void;
    _fvad_set_mode(inst: number, mode: number): number;
    _fvad_set_sample_rate(inst: number, rate: number): number;
    _fvad_process(inst: number, ptr: number, samples: number): number;
  }
  const specifier = '@echogarden/fvad-wasm'; // untyped package: imported by name so tsc does not look for types
  const fvad = ((await import(specifier)) as { default: () => Promise<Fvad> }).default;
  const m = await fvad();
  const int16 = visits.map((v) => [v.mic, v.remote].map((x) => Int16Array.from(x, (s) => Math.max(-32768, Math.min(32767, Math.round(s * 32767))))));
  const ptr = m._malloc(160 * 2);
  const results: Segs[] = [];
  const t0 = performance.now();
  for (const [mic, remote] of int16) {
    const seg: Partial<Segs> = {};
    for (const [s, x] of [['clinician', mic!], ['patient', remote!]] as const) {
      const inst = m._fvad_new();
      m._fvad_set_mode(inst, 3);
      m._fvad_set_sample_rate(inst, 16000);
      const frames = Math.floor(x.length / 160);
      const active = new Uint8Array(frames);
      for (let i = 0; i < frames; i++) {
        m.HEAP16.set(x.subarray(i * 160, i * 160 + 160), ptr >> 1);
        active[i] = m._fvad_process(inst, ptr, 160) === 1 ? 1 : 0;
      }
      m._fvad_free(inst);
      seg[s] = toIntervals(active, 0.01);
    }
    results.push(seg as Segs);
  }
  const secs = (performance.now() - t0) / 1000;
  m._free(ptr);
  return score('WebRTC VAD (fvad-wasm, mode 3)', secs, results);
}

// ---- Silero VAD v5
async function runSilero(): Promise<Row> {
  const require = createRequire(import.meta.url);
  const ort = (await import('onnxruntime-web')) as typeof import('onnxruntime-web');
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.wasmPaths = join(dirname(require.resolve('onnxruntime-web')), '/');
  const model = readFileSync(join(dirname(require.resolve('@ricky0123/vad-web')), 'silero_vad_v5.onnx'));
  const session = await ort.InferenceSession.create(model);
  const sr = new ort.Tensor('int64', BigInt64Array.from([16000n]));
  const results: Segs[] = [];
  const t0 = performance.now();
  for (const v of visits) {
    const seg: Partial<Segs> = {};
    for (const [s, x] of [['clinician', v.mic], ['patient', v.remote]] as const) {
      let state = new ort.Tensor('float32', new Float32Array(256), [2, 1, 128]);
      let context = new Float32Array(64);
      const windows = Math.floor(x.length / 512);
      const active = new Uint8Array(windows);
      let on = false;
      for (let w = 0; w < windows; w++) {
        const input = new Float32Array(64 + 512);
        input.set(context, 0);
        input.set(x.subarray(w * 512, w * 512 + 512), 64);
        context = input.slice(-64);
        const out = await session.run({ input: new ort.Tensor('float32', input, [1, 576]), state, sr });
        state = out.stateN as typeof state;
        const p = (out.output!.data as Float32Array)[0]!;
        on = on ? p >= 0.35 : p >= 0.5; // vad-web's default thresholds
        active[w] = on ? 1 : 0;
      }
      seg[s] = toIntervals(active, 0.032);
    }
    results.push(seg as Segs);
  }
  return score('Silero VAD v5 (onnxruntime-web wasm)', (performance.now() - t0) / 1000, results);
}

const rows = [runDefault(), await runFvad()];
if (!values['skip-silero']) rows.push(await runSilero());
console.log(`bench: ${visits.length} visits, ${(total / 60).toFixed(1)} min of two-channel 16 kHz audio, one core\n`);
const base = rows[0]!;
console.log(`${'detector'.padEnd(38)} ${'F1 clin'.padStart(8)} ${'F1 pat'.padStart(8)} ${'× real time'.padStart(12)} ${'speed vs default'.padStart(17)}`);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(38)} ${f1(r.counts.clinician).toFixed(4).padStart(8)} ${f1(r.counts.patient).toFixed(4).padStart(8)} ${(total / r.seconds).toFixed(0).padStart(12)} ${(base.seconds / r.seconds).toFixed(3).padStart(17)}`,
  );
}
const rt = total / base.seconds;
const fails = [
  rt < 1500 && `default runs at ${rt.toFixed(0)}× real time (< 1500×)`,
  rows[1] && f1(base.counts.clinician) <= f1(rows[1].counts.clinician) && 'default clinician F1 does not beat WebRTC VAD',
  rows[1] && f1(base.counts.patient) <= f1(rows[1].counts.patient) && 'default patient F1 does not beat WebRTC VAD',
].filter(Boolean);
console.log(fails.length ? `\nFAIL: ${fails.join('; ')}` : '\nPASS: default ≥ 1500× real time and beats WebRTC VAD on both speakers');
process.exitCode = fails.length ? 1 : 0;
if (!(await (await import('./bench-gaze')).benchGaze())) process.exitCode = 1; // gaze: ms/frame and CPU share at 5 fps vs face-api
