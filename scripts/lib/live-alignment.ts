import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAnalyze, type AnalyzeReport } from '../../src/cli/analyze';
import { decodeWavFrames, encodeWav16, parseWavHeader } from '../../src/core/audio/wav';

/**
 * In a live demo visit the two sides do not start together: Chromium's fake microphone plays
 * the clinician's file from the moment the engine opens it, while the patient's
 * part starts when "Join call" is clicked. To compare the live path with `attune analyze` on
 * the same audio, we find those two offsets from what the live engine measured, rebuild the
 * two channels as the engine heard them, and run the CLI on that.
 */
export type Intervals = ReadonlyArray<readonly [number, number]>;

const FRAME_S = 0.01;

function toFrames(list: Intervals, frames: number, shiftS = 0, loopS = Infinity): Uint8Array {
  const out = new Uint8Array(frames);
  const copies = Number.isFinite(loopS) ? Math.ceil((frames * FRAME_S) / loopS) + 1 : 1;
  for (let k = 0; k < copies; k++) {
    for (const [a, b] of list) {
      const i0 = Math.max(0, Math.round((a + shiftS + k * (Number.isFinite(loopS) ? loopS : 0)) / FRAME_S));
      const i1 = Math.min(frames, Math.round((b + shiftS + k * (Number.isFinite(loopS) ? loopS : 0)) / FRAME_S));
      if (i1 > i0) out.fill(1, i0, i1);
    }
  }
  return out;
}

/**
 * The shift (s) of the script's intervals that best matches what was measured live: the one
 * with the most speech frames in common, searched in 10 ms steps within [minS, maxS].
 */
export function bestShiftS(measured: Intervals, script: Intervals, durationS: number, minS: number, maxS: number, loopS = Infinity): number {
  const frames = Math.ceil(durationS / FRAME_S);
  const live = toFrames(measured, frames);
  let best = { shiftS: 0, common: -1 };
  for (let step = Math.round(minS / FRAME_S); step <= Math.round(maxS / FRAME_S); step++) {
    const shiftS = step * FRAME_S;
    const shifted = toFrames(script, frames, shiftS, loopS);
    let common = 0;
    for (let i = 0; i < frames; i++) common += live[i]! & shifted[i]!;
    if (common > best.common) best = { shiftS, common };
  }
  return best.shiftS;
}

function readMono(path: string): { samples: Float32Array; sampleRate: number } {
  const bytes = new Uint8Array(readFileSync(path));
  const header = parseWavHeader(bytes.subarray(0, Math.min(bytes.length, 4096)), bytes.length);
  return { samples: decodeWavFrames(header, bytes.subarray(header.dataOffset, header.dataOffset + header.dataBytes))[0]!, sampleRate: header.sampleRate };
}

/** `source` placed at `shiftS` within `durationS` of silence; looped when `loop`. */
function place(source: Float32Array, sampleRate: number, shiftS: number, durationS: number, loop: boolean): Float32Array {
  const out = new Float32Array(Math.round(durationS * sampleRate));
  const shift = Math.round(shiftS * sampleRate);
  for (let i = 0; i < out.length; i++) {
    let j = i - shift;
    if (loop) j = ((j % source.length) + source.length) % source.length;
    if (j >= 0 && j < source.length) out[i] = source[j]!;
  }
  return out;
}

export interface AlignedComparison {
  clinicianShiftS: number;
  patientShiftS: number;
  cliShare: number;
}

/** The CLI's clinician share on the demo audio laid out as the live visit heard it. */
export async function cliShareAsHeardLive(
  live: { clinician: Intervals; patient: Intervals; durationS: number },
  script: { clinician: Intervals; patient: Intervals; durationS: number },
  files: { clinician: string; patient: string },
): Promise<AlignedComparison> {
  // The fake microphone plays its file once (measured: the first line of a loop, 1.5 s of
  // speech at 120 s, never reached the live engine), so the rebuilt microphone does not loop.
  const clinicianShiftS = bestShiftS(live.clinician, script.clinician, live.durationS, -5, 5);
  const patientShiftS = bestShiftS(live.patient, script.patient, live.durationS, -2, 40);
  const mic = readMono(files.clinician);
  const remote = readMono(files.patient);
  const dir = mkdtempSync(join(tmpdir(), 'attune-aligned-'));
  try {
    const micPath = join(dir, 'mic.wav');
    const remotePath = join(dir, 'remote.wav');
    writeFileSync(micPath, encodeWav16([place(mic.samples, mic.sampleRate, clinicianShiftS, live.durationS, false)], mic.sampleRate));
    writeFileSync(remotePath, encodeWav16([place(remote.samples, remote.sampleRate, patientShiftS, live.durationS, false)], remote.sampleRate));
    let out = '';
    await runAnalyze(['--mic', micPath, '--remote', remotePath, '--json'], (s) => (out += s));
    return { clinicianShiftS, patientShiftS, cliShare: (JSON.parse(out) as AnalyzeReport).clinician_share! };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
