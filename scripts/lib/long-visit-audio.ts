import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeWavFrames, encodeWav16, parseWavHeader } from '../../src/core/audio/wav';
import type { TruthTurn } from './speaker-latency';

/**
 * A longer demo visit for cost benchmarks: the ~2-minute demo dialogue played `repeats` times in
 * a row, clinician and patient tracks alike (they have the same length, so the dialogue keeps its
 * timing), with the script's turns repeated to match. Written into `dir` as the demo server's
 * audio folder (patient.wav, truth.json) plus clinician.wav for the fake microphone.
 */
const DEMO_AUDIO = resolve(import.meta.dirname, '../../demo/audio');

export interface LongVisitAudio {
  dir: string;
  clinicianWav: string;
  durationS: number;
  turns: TruthTurn[];
  /** The WAVs hold one dialogue: the fake microphone and the call page loop it (turns still cover the whole visit). */
  looped: boolean;
}

interface DemoTruth {
  duration_s: number;
  turns: Array<TruthTurn & { text?: string; label?: string }>;
  clinician: Array<[number, number]>;
  patient: Array<[number, number]>;
}

/** The demo dialogue's own figures (demo/audio/truth.json): its length, and its clinician's questions and reflections per cycle. */
export function demoDialogue(): { durationS: number; open: number; closed: number; reflections: number } {
  const truth = JSON.parse(readFileSync(join(DEMO_AUDIO, 'truth.json'), 'utf8')) as DemoTruth;
  const clinician = truth.turns.filter((t) => t.speaker === 'clinician');
  const count = (label: string) => clinician.filter((t) => t.label === label).length;
  return { durationS: truth.duration_s, open: count('open_question'), closed: count('closed_question'), reflections: count('reflection') };
}

function repeatWav(file: string, repeats: number): { bytes: Uint8Array; seconds: number } {
  const bytes = new Uint8Array(readFileSync(file));
  const header = parseWavHeader(bytes);
  const [mono] = decodeWavFrames(header, bytes.subarray(header.dataOffset, header.dataOffset + header.dataBytes));
  const long = new Float32Array(mono!.length * repeats);
  for (let k = 0; k < repeats; k++) long.set(mono!, k * mono!.length);
  return { bytes: encodeWav16([long], header.sampleRate), seconds: mono!.length / header.sampleRate };
}

export function makeLongVisitAudio(dir: string, minutes: number, { loop = false } = {}): LongVisitAudio {
  mkdirSync(dir, { recursive: true });
  const truth = JSON.parse(readFileSync(join(DEMO_AUDIO, 'truth.json'), 'utf8')) as DemoTruth;
  const repeats = Math.max(1, Math.ceil((minutes * 60) / truth.duration_s));
  const clinician = repeatWav(join(DEMO_AUDIO, 'clinician.wav'), loop ? 1 : repeats);
  const patient = repeatWav(join(DEMO_AUDIO, 'patient.wav'), loop ? 1 : repeats);
  if (Math.abs(clinician.seconds - patient.seconds) > 0.01) throw new Error('the demo tracks differ in length: the dialogue would drift');
  const loopS = clinician.seconds;
  const shift = <T extends [number, number]>(list: T[], k: number) => list.map(([a, b]) => [a + k * loopS, b + k * loopS] as [number, number]);
  const copies = Array.from({ length: repeats }, (_, k) => k);
  const longTruth: DemoTruth = {
    ...truth,
    duration_s: loopS * repeats,
    turns: copies.flatMap((k) => truth.turns.map((t) => ({ ...t, start: t.start + k * loopS, end: t.end + k * loopS }))),
    clinician: copies.flatMap((k) => shift(truth.clinician, k)),
    patient: copies.flatMap((k) => shift(truth.patient, k)),
  };
  const clinicianWav = join(dir, 'clinician.wav');
  writeFileSync(clinicianWav, clinician.bytes);
  writeFileSync(join(dir, 'patient.wav'), patient.bytes);
  writeFileSync(join(dir, 'truth.json'), JSON.stringify(longTruth));
  return { dir, clinicianWav, durationS: longTruth.duration_s, turns: longTruth.turns, looped: loop };
}
