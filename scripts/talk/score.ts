/**
 * Frame-level scoring of speech intervals against make-call.py's truth.json (shared by the
 * evaluation and the bench). 10 ms frames; a frame is speech when its centre lies inside an
 * interval; frames within `collarS` of a true boundary (start or end) are not scored.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export type Intervals = ReadonlyArray<readonly [number, number]>;
export interface Truth {
  duration_s: number;
  clinician: Array<[number, number]>;
  patient: Array<[number, number]>;
  clinician_share: number | null;
  turns: Array<{ speaker: string; start: number; end: number; backchannel?: boolean; text: string }>;
}

export const FRAME_S = 0.01;

export function toFrames(list: Intervals, frames: number): Uint8Array {
  const out = new Uint8Array(frames);
  for (const [a, b] of list) {
    const i0 = Math.max(0, Math.ceil(a / FRAME_S - 0.5));
    const i1 = Math.min(frames, Math.ceil(b / FRAME_S - 0.5));
    out.fill(1, i0, Math.max(i0, i1));
  }
  return out;
}

/** Frames within `collarS` of a boundary of the true intervals. */
export function collarMask(truth: Intervals, frames: number, collarS = 0.1): Uint8Array {
  const mask = new Uint8Array(frames);
  const c = Math.round(collarS / FRAME_S);
  for (const [a, b] of truth) {
    for (const t of [a, b]) {
      const i = Math.round(t / FRAME_S);
      mask.fill(1, Math.max(0, i - c), Math.min(frames, i + c));
    }
  }
  return mask;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function countFrames(truth: Intervals, predicted: Intervals, durationS: number, collarS = 0.1): Counts {
  const frames = Math.ceil(durationS / FRAME_S);
  const t = toFrames(truth, frames);
  const p = toFrames(predicted, frames);
  const skip = collarMask(truth, frames, collarS);
  const c = { tp: 0, fp: 0, fn: 0 };
  for (let i = 0; i < frames; i++) {
    if (skip[i]) continue;
    if (t[i] && p[i]) c.tp++;
    else if (p[i]) c.fp++;
    else if (t[i]) c.fn++;
  }
  return c;
}

export const f1 = (c: Counts): number => (c.tp === 0 ? 0 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn));

export const seconds = (list: Intervals): number => list.reduce((s, [a, b]) => s + (b - a), 0);

export interface Visit {
  name: string;
  dir: string;
  truth: Truth;
}

/** The visits of an evaluation set: every sub-folder with a truth.json. */
export function listVisits(setDir: string): Visit[] {
  if (!existsSync(setDir)) return [];
  return readdirSync(setDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(setDir, d.name, 'truth.json')))
    .map((d) => ({ name: d.name, dir: join(setDir, d.name), truth: JSON.parse(readFileSync(join(setDir, d.name, 'truth.json'), 'utf8')) as Truth }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function shareErrorPoints(truth: Truth, clinicianS: number, patientS: number): number {
  const predicted = clinicianS + patientS > 0 ? clinicianS / (clinicianS + patientS) : 0;
  const trueShare = seconds(truth.clinician) / (seconds(truth.clinician) + seconds(truth.patient));
  return Math.abs(predicted - trueShare) * 100;
}
