import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeWavFrames, encodeWav16, parseWavHeader } from '../../src/core/audio/wav';

/**
 * A clinician microphone track of a real human voice (issue 14.4), built at test time from the
 * clip set `npm run voices:fetch` installs in .cache/voices (never committed): the clinician's
 * turns of the demo script, each filled with whole recorded utterances of one voice, so that the
 * demo page's scripted patient answers at the usual moments. The truth is exact: where each clip
 * was placed plus its own measured speech intervals (scripts/voices/build-clips.py).
 */
export const VOICES_DIR = '.cache/voices';
const SAMPLE_RATE = 16_000;
const ACTIVE_LEVEL_DB = -20; // each utterance set to this level over its speech (as make-real-visits.py)
const GAP_S = 0.35; // between two utterances of one turn
const BEFORE_PATIENT_S = 0.3; // a turn ends this long before the patient's next onset

interface Clip {
  id: string;
  file: string;
  voice: string;
  duration_s: number;
  speech: Array<[number, number]>;
  /** How far the two offline boundary methods disagree: only clips where they agree make exact truth. */
  check_max_diff_s: number;
}

export interface RealVoiceTrack {
  samples: Float32Array;
  /** The clinician's speech in track (= script) seconds. */
  clinician: Array<[number, number]>;
  clips: string[];
}

export const haveVoices = (dir = VOICES_DIR): boolean => existsSync(join(dir, 'manifest.json'));

function readClip(dir: string, clip: Clip): Float32Array {
  const bytes = new Uint8Array(readFileSync(join(dir, clip.file)));
  const header = parseWavHeader(bytes);
  if (header.sampleRate !== SAMPLE_RATE || header.channelCount !== 1) throw new Error(`${clip.file}: expected 16 kHz mono`);
  return decodeWavFrames(header, bytes.subarray(header.dataOffset, header.dataOffset + header.dataBytes))[0]!;
}

function toActiveLevel(x: Float32Array, speech: Array<[number, number]>): Float32Array {
  let sum = 0;
  let n = 0;
  for (const [s, e] of speech) {
    for (let i = Math.floor(s * SAMPLE_RATE); i < Math.min(x.length, e * SAMPLE_RATE); i++) {
      sum += x[i]! * x[i]!;
      n++;
    }
  }
  const gain = n > 0 ? 10 ** (ACTIVE_LEVEL_DB / 20) / Math.sqrt(sum / n) : 1;
  return x.map((v) => Math.max(-1, Math.min(1, v * gain)));
}

/**
 * Fills each clinician turn that starts before `untilS` with unused clips of `voice`, from the turn's
 * start up to just before the patient's next onset, and returns a track `untilS` long.
 */
export function buildClinicianTrack(turns: Array<[number, number]>, patient: Array<[number, number]>, untilS: number, voice = 'allison', dir = VOICES_DIR): RealVoiceTrack {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { clips: Clip[] };
  const pool = manifest.clips.filter((c) => c.voice === voice && c.speech.length > 0 && c.duration_s >= 0.8 && c.check_max_diff_s <= 0.05).sort((a, b) => a.id.localeCompare(b.id));
  const samples = new Float32Array(Math.round(untilS * SAMPLE_RATE));
  const track: RealVoiceTrack = { samples, clinician: [], clips: [] };
  for (const [startS, endS] of turns.filter(([s]) => s < untilS - 2)) {
    const nextPatientS = patient.find(([s]) => s > startS + 0.5)?.[0] ?? untilS;
    const turnEndS = Math.min(untilS, Math.max(endS, nextPatientS - BEFORE_PATIENT_S));
    let atS = startS;
    for (;;) {
      const i = pool.findIndex((c) => atS + c.duration_s <= turnEndS);
      if (i < 0) break;
      const [clip] = pool.splice(i, 1);
      const x = toActiveLevel(readClip(dir, clip!), clip!.speech);
      samples.set(x.subarray(0, samples.length - Math.round(atS * SAMPLE_RATE)), Math.round(atS * SAMPLE_RATE));
      track.clinician.push(...clip!.speech.map(([s, e]): [number, number] => [atS + s, atS + e]));
      track.clips.push(clip!.id);
      atS += clip!.duration_s + GAP_S;
    }
  }
  return track;
}

/** Seconds of speech in `intervals` between 0 and `untilS`. */
export const speechWithin = (intervals: Array<[number, number]>, untilS: number): number => intervals.reduce((sum, [s, e]) => sum + Math.max(0, Math.min(e, untilS) - s), 0);

/** A far end's room and line noise, dBFS (make-call.py's realistic default far-end noise). */
const FAR_END_NOISE_DBFS = -62;

/**
 * The demo's patient audio as a call delivers it: with the far end's noise floor under it. The demo
 * track is gated to exact digital zero outside the patient's speech, also in the 0.3–0.45 s pauses
 * between the sentences of one turn; the talk engine reads digital zero inside speech as packet loss
 * and bridges it (up to 400 ms, plus the hangover), so on the gated track it counts those pauses as
 * the patient's speech (1.6–2.6 s over the first minute). A real far end is never digitally silent
 * while its speaker pauses. Writes patient.wav and truth.json into `dir` (the demo server's audio
 * folder) and returns the patient.wav path.
 */
export function writeFarEndWithNoise(dir: string, demoAudioDir = 'demo/audio'): string {
  const bytes = new Uint8Array(readFileSync(join(demoAudioDir, 'patient.wav')));
  const header = parseWavHeader(bytes);
  const x = decodeWavFrames(header, bytes.subarray(header.dataOffset, header.dataOffset + header.dataBytes))[0]!;
  // white noise (seeded, so every run plays the same track) at the far end's noise level
  let seed = 0x9e3779b9;
  const uniform = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const amplitude = 10 ** (FAR_END_NOISE_DBFS / 20) * Math.sqrt(3); // uniform on ±a has RMS a/√3
  const noisy = x.map((v) => Math.max(-1, Math.min(1, v + amplitude * (2 * uniform() - 1))));
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'patient.wav');
  writeFileSync(out, encodeWav16([noisy], header.sampleRate));
  copyFileSync(join(demoAudioDir, 'truth.json'), join(dir, 'truth.json'));
  return out;
}
