/**
 * Does a long visit's memory stay flat? The engine's whole listening path — the talk engine
 * (resample → 10 ms frames → features → turns) and speech-to-text (segmenter → Moonshine on
 * onnxruntime-web's WebAssembly, the very files and session the extension's speech worker uses →
 * classifier) — run in Node over the demo dialogue looped to `--minutes`, fast-forwarded: audio
 * goes in as fast as Moonshine keeps up (each chunk waits for the transcriptions before it, as it
 * would in real time, so nothing queues that a live visit would not queue). Memory (RSS, JS heap
 * after a collection) is read every minute of visit time; the verdict is the end against the
 * 2-minute mark (the "within 10%"). The browser's own parts (audio capture, the panel,
 * the tab) are measured by `npm run bench:visit` over 10 real minutes.
 *
 * On a busy machine `--max-wall-min` bounds the run: feeding stops there and the verdict is over
 * the visit time reached (said in the output).
 *
 *   npm run bench:long-visit -- [--minutes 120] [--chunk-s 1] [--max-wall-min 0 (no bound)]
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeWavFrames, parseWavHeader } from '../src/core/audio/wav';
import { classifyUtterance } from '../src/core/questions/classify';
import { createSpeechPipeline } from '../src/core/speech/speech-pipeline';
import { analyzeRecording, type RecordingChunk } from '../src/core/talk/analyze-recording';
import { createNodeMoonshineTranscriber } from '../src/adapters/speech/moonshine-node';
import { percentile } from './lib/cost-stats';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '120' }, 'chunk-s': { type: 'string', default: '1' }, 'max-wall-min': { type: 'string', default: '0' } } });
const minutes = Number(values.minutes);
const chunkS = Number(values['chunk-s']);
const maxWallMs = Number(values['max-wall-min']) * 60_000;
if (!(minutes >= 3) || !(chunkS > 0 && chunkS <= 10) || !(maxWallMs >= 0)) {
  console.error('usage: npm run bench:long-visit -- [--minutes N (≥ 3)] [--chunk-s S (0–10)] [--max-wall-min M (0: no bound)]');
  process.exit(2);
}
const GROWTH_TARGET = 0.1;
const DEMO_AUDIO = resolve(import.meta.dirname, '../demo/audio');

function readMono(name: string): { samples: Float32Array; rate: number } {
  const bytes = new Uint8Array(readFileSync(resolve(DEMO_AUDIO, name)));
  const header = parseWavHeader(bytes);
  return { samples: decodeWavFrames(header, bytes.subarray(header.dataOffset, header.dataOffset + header.dataBytes))[0]!, rate: header.sampleRate };
}

interface MemoryReading {
  visitMin: number;
  wallS: number;
  rssMb: number;
  heapMb: number;
  externalMb: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => bytes / 2 ** 20;
function readMemory(visitMin: number, startedMs: number): MemoryReading {
  gc?.();
  const m = process.memoryUsage();
  return { visitMin, wallS: (Date.now() - startedMs) / 1000, rssMb: mb(m.rss), heapMb: mb(m.heapUsed), externalMb: mb(m.external) };
}

const clinician = readMono('clinician.wav');
const patient = readMono('patient.wav');
if (clinician.rate !== patient.rate || clinician.samples.length !== patient.samples.length) throw new Error('the demo tracks differ: the dialogue would drift');
const rate = clinician.rate;
const totalSamples = Math.round(minutes * 60 * rate);
const chunkSamples = Math.round(chunkS * rate);

const transcriber = await createNodeMoonshineTranscriber();
const pipeline = createSpeechPipeline({ sampleRate: rate, transcriber, classify: classifyUtterance, keepText: false, nowMs: () => performance.now() });
const startedMs = Date.now();
const cpuAtStart = process.cpuUsage();
const readings: MemoryReading[] = [readMemory(0, startedMs)];
console.log(`bench:long-visit: ${minutes} min of the demo dialogue (×${(totalSamples / clinician.samples.length).toFixed(1)}), fast-forwarded; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}${gc ? '' : ' (no --expose-gc: heap figures include garbage)'}`);

/** The looped dialogue in chunks; each waits until the transcriptions queued before it are done. */
async function* chunks(): AsyncGenerator<RecordingChunk> {
  let nextMinute = 1;
  for (let at = 0; at < totalSamples; at += chunkSamples) {
    if (maxWallMs > 0 && Date.now() - startedMs > maxWallMs) {
      console.log(`  stopped by --max-wall-min at ${(at / rate / 60).toFixed(1)} min of visit`);
      return;
    }
    const take = (track: Float32Array) => {
      const out = new Float32Array(Math.min(chunkSamples, totalSamples - at));
      for (let i = 0; i < out.length; i++) out[i] = track[(at + i) % track.length]!;
      return out;
    };
    const chunk = { clinician: take(clinician.samples), patient: take(patient.samples) };
    pipeline.pushClinicianSamples(chunk.clinician);
    yield chunk;
    await pipeline.settled();
    if ((at + chunkSamples) / rate >= nextMinute * 60) {
      const r = readMemory(nextMinute, startedMs);
      readings.push(r);
      if (nextMinute % 10 === 0 || nextMinute === 2) console.log(`  ${nextMinute} min of visit (${r.wallS.toFixed(0)} s): RSS ${r.rssMb.toFixed(0)} MB, JS heap ${r.heapMb.toFixed(1)} MB, external ${r.externalMb.toFixed(1)} MB`);
      nextMinute++;
    }
  }
}

const talk = await analyzeRecording(chunks(), { clinician: rate, patient: rate }, { onSpeechEvent: (speaker, event, frame) => pipeline.onSpeechEvent(speaker, event, frame) });
pipeline.finish(Math.round(talk.durationS * 100));
await pipeline.settled();
transcriber.dispose();
const cpu = process.cpuUsage(cpuAtStart);
const end = readings[readings.length - 1]!;
const at2 = readings.find((r) => r.visitMin === 2);
if (!at2) {
  console.error('bench:long-visit: stopped before the 2-minute mark: no verdict');
  process.exit(1);
}
const peakRss = Math.max(...readings.map((r) => r.rssMb));
const growth = (end.rssMb - at2.rssMb) / at2.rssMb;
const reachedMin = end.visitMin;
const stats = pipeline.stats();
const counts = pipeline.counts();
console.log(`visit ${talk.durationS.toFixed(0)} s in ${end.wallS.toFixed(0)} s wall (×${(talk.durationS / end.wallS).toFixed(1)} real time), CPU ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s; load average at end ${loadavg()[0]!.toFixed(2)}`);
console.log(`  RSS: at 2 min ${at2.rssMb.toFixed(0)} MB, peak ${peakRss.toFixed(0)} MB, at the end ${end.rssMb.toFixed(0)} MB (growth ${(100 * growth).toFixed(1)}%); JS heap ${at2.heapMb.toFixed(1)} → ${end.heapMb.toFixed(1)} MB; external ${at2.externalMb.toFixed(1)} → ${end.externalMb.toFixed(1)} MB`);
console.log(`  speech: ${stats.transcriptions} transcriptions of ${stats.audioS.toFixed(0)} s, real-time factor ${(stats.transcribeS / stats.audioS).toFixed(3)}, ${stats.failures} failures; utterances ${pipeline.utterances().length}; counts open ${counts.open} / closed ${counts.closed} / reflections ${counts.reflections}`);
console.log(`  talk engine: ${talk.segments.clinician.length} + ${talk.segments.patient.length} speech segments, ${talk.metrics.turns} turns; (label latency is no figure here: fast-forwarded, median ${percentile(stats.labelLatencyMs, 0.5).toFixed(0)} ms of wall time)`);
const ok = growth <= GROWTH_TARGET;
console.log(`${ok ? 'LONG VISIT PASS' : 'LONG VISIT FAIL'}: memory growth from 2 min to ${reachedMin} min (of ${minutes} asked) ${(100 * growth).toFixed(1)}% ≤ ${100 * GROWTH_TARGET}%`);
process.exitCode = ok ? 0 : 1;
