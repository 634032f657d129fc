/**
 * Speech-to-text bench (Node, onnxruntime-web wasm, one thread — the extension's setup):
 *   1. model load time and memory (RSS, JS heap + wasm) after load and after use;
 *   2. real-time factor of Moonshine-tiny per clinician turn of the demo visit (truth times);
 *   3. live label latency: the demo visit (or --seconds of it) streamed through the live session
 *      at real-time pace in AudioWorklet-sized batches; latency = end of the speech (audio time)
 *      → label applied, plus the panel's update period (250 ms; half of it on average).
 * Target (issue 4): median ≤ 1 s from the end of a ~3 s question to its label on the panel.
 *
 *   npm run bench:speech [-- --seconds 60] [-- --fast]   (--fast: no real-time pacing)
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { cpus, loadavg } from 'node:os';
import { decodeWavFrames, parseWavHeader } from '../../src/core/audio/wav';
import { createLiveSession } from '../../src/core/session/live-session';
import { createNodeMoonshineTranscriber } from '../../src/adapters/speech/moonshine-node';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '120' }, fast: { type: 'boolean', default: false } } });
const PANEL_PERIOD_MS = 250;

const load = (path: string) => {
  const bytes = new Uint8Array(readFileSync(path));
  const h = parseWavHeader(bytes);
  return decodeWavFrames(h, bytes.subarray(h.dataOffset, h.dataOffset + h.dataBytes))[0]!;
};
const mic = load('demo/audio/clinician.wav');
const remote = load('demo/audio/patient.wav');
const truth = JSON.parse(readFileSync('demo/audio/truth.json', 'utf8')) as { turns: Array<{ speaker: string; start: number; end: number; label: string; text: string }> };
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const before = process.memoryUsage();
let t = performance.now();
const transcriber = await createNodeMoonshineTranscriber();
console.log(`model load: ${(performance.now() - t).toFixed(0)} ms`);
const loaded = process.memoryUsage();
console.log(`memory after load: RSS +${mb(loaded.rss - before.rss)}, array buffers (wasm heap) ${mb(loaded.arrayBuffers)}`);

// 2. Real-time factor per clinician turn.
let audioS = 0;
let computeS = 0;
const turnRtf: string[] = [];
for (const turn of truth.turns.filter((x) => x.speaker === 'clinician')) {
  const pcm = mic.subarray(Math.round((turn.start - 0.15) * 16000), Math.round((turn.end + 0.2) * 16000));
  t = performance.now();
  await transcriber.transcribe(pcm);
  const s = (performance.now() - t) / 1000;
  audioS += pcm.length / 16000;
  computeS += s;
  turnRtf.push(`${(pcm.length / 16000).toFixed(1)}s→${(s * 1000).toFixed(0)}ms`);
}
console.log(`real-time factor: ${(computeS / audioS).toFixed(3)} over ${audioS.toFixed(1)} s of clinician speech (${turnRtf.join(', ')})`);
const used = process.memoryUsage();
console.log(`memory after use: RSS +${mb(used.rss - before.rss)}, array buffers (wasm heap) ${mb(used.arrayBuffers)}`);

// 3. Live latency, streamed at real-time pace.
const seconds = Math.min(Number(values.seconds), mic.length / 16000);
const session = createLiveSession({ sampleRate: 16000, speech: { transcriber, keepText: true, nowMs: () => performance.now() } });
const BATCH = 2048;
const startedAt = performance.now();
for (let i = 0; i < seconds * 16000; i += BATCH) {
  session.pushClinicianSamples(mic.subarray(i, i + BATCH));
  session.pushPatientSamples(remote.subarray(i, i + BATCH));
  const due = startedAt + ((i + BATCH) / 16000) * 1000;
  const wait = values.fast ? 0 : Math.max(0, due - performance.now());
  await new Promise((r) => setTimeout(r, wait));
}
await session.settleSpeech();
const stats = session.speech()!.stats();
const latencies = stats.labelLatencyMs;
const counts = session.result().extras.questions!;
console.log(
  `live (${values.fast ? 'unpaced' : 'real-time pace'}, ${seconds.toFixed(0)} s): ${stats.transcriptions} transcriptions, label latency after speech end ` +
    `median ${median(latencies).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms; ` +
    `on the panel add ≤ ${PANEL_PERIOD_MS} ms (median ≈ ${(median(latencies) + PANEL_PERIOD_MS / 2).toFixed(0)} ms)`,
);
console.log(`counts: ${JSON.stringify(counts)}`);
for (const u of session.result().extras.utterances ?? []) console.log(`  ${u.startS.toFixed(1)}–${u.endS.toFixed(1)} ${u.label.padEnd(16)} ${u.text}`);
transcriber.dispose();
