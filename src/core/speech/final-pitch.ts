/**
 * Does an utterance end on a rising pitch? A yes/no question said as a statement ("You took it
 * this morning?") is often marked only by its final rise, and speech-to-text may drop the '?'.
 *
 * Pitch per 10 ms hop from the normalised autocorrelation of a 40 ms window (60–400 Hz), voiced
 * where the correlation peak is clear and the level is within 30 dB of the utterance's loudest
 * frame; a 5-hop running median removes octave jumps. Over the last `windowMs` of voiced hops,
 * the end (the last `endMs`) is compared with the lowest and the highest point before it, in
 * semitones: a rise out of the last valley of at least `riseSemitones` is a final rise (true); an
 * end at the bottom, at least `fallSemitones` under the peak, is a fall (false); anything else,
 * or too little voicing to tell, is undefined.
 */
import { ENGINE_SAMPLE_RATE } from '../audio/constants';

export interface FinalPitchOptions {
  windowMs: number;
  endMs: number;
  riseSemitones: number;
  fallSemitones: number;
}

export const DEFAULT_FINAL_PITCH: FinalPitchOptions = { windowMs: 700, endMs: 50, riseSemitones: 2.5, fallSemitones: 3 };

const WINDOW = 640; // 40 ms
const HOP = 160; // 10 ms
const MIN_LAG = Math.floor(ENGINE_SAMPLE_RATE / 400);
const MAX_LAG = Math.ceil(ENGINE_SAMPLE_RATE / 60);
/** Normalised autocorrelation peak below this: unvoiced or noise. */
const VOICING_MIN = 0.6;
/** A correlation peak this close to the highest is taken as the period (not a multiple of it). */
const OCTAVE_RATIO = 0.9;
/** Frames this far below the loudest frame are not used, dB. */
const LEVEL_RANGE_DB = 30;

/** Running sums of squares (float64): the energy of any window in two reads. */
function squareSums(pcm: Float32Array): Float64Array {
  const sums = new Float64Array(pcm.length + 1);
  for (let i = 0; i < pcm.length; i++) sums[i + 1] = sums[i]! + pcm[i]! ** 2;
  return sums;
}

/**
 * Σ a[i]·a[j] over one window, in four running sums: each sum waits on the one addition before
 * it, so four independent ones keep the processor busy where one would make it wait: the pitch
 * track 1.6× faster, the same F0 on all 393,090 hops of 433 recordings (demo, Asterisk prompts).
 * WINDOW is a multiple of 4.
 */
function innerProduct(pcm: Float32Array, i: number, j: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let k = 0; k < WINDOW; k += 4) {
    s0 += pcm[i + k]! * pcm[j + k]!;
    s1 += pcm[i + k + 1]! * pcm[j + k + 1]!;
    s2 += pcm[i + k + 2]! * pcm[j + k + 2]!;
    s3 += pcm[i + k + 3]! * pcm[j + k + 3]!;
  }
  return s0 + s1 + s2 + s3;
}

/**
 * F0 in Hz per hop (0 where unvoiced). The energies of the window and of each lagged window come
 * from running sums, so the lag loop's inner product is its only per-sample work: this runs on
 * the engine host's main thread for every transcribed utterance.
 */
export function pitchTrack(pcm16k: Float32Array): Float32Array {
  const hops = Math.max(0, Math.floor((pcm16k.length - WINDOW - MAX_LAG) / HOP) + 1);
  const f0 = new Float32Array(hops);
  const sums = squareSums(pcm16k);
  const windowEnergy = (start: number) => sums[start + WINDOW]! - sums[start]!;
  const levelDb = (h: number) => 10 * Math.log10(windowEnergy(h * HOP) / WINDOW + 1e-12);
  let loudest = -Infinity;
  for (let h = 0; h < hops; h++) loudest = Math.max(loudest, levelDb(h));
  const r = new Float32Array(MAX_LAG + 1);
  for (let h = 0; h < hops; h++) {
    if (levelDb(h) < loudest - LEVEL_RANGE_DB) continue;
    const start = h * HOP;
    const e0 = windowEnergy(start);
    let best = 0;
    for (let lag = MIN_LAG; lag <= MAX_LAG; lag++) {
      r[lag] = innerProduct(pcm16k, start, start + lag) / Math.sqrt(e0 * windowEnergy(start + lag) + 1e-12);
      best = Math.max(best, r[lag]!);
    }
    // The first peak nearly as high as the best: multiples of the period correlate as well.
    let bestLag = 0;
    for (let lag = MIN_LAG + 1; lag < MAX_LAG; lag++) {
      if (r[lag]! >= OCTAVE_RATIO * best && r[lag]! >= r[lag - 1]! && r[lag]! >= r[lag + 1]!) {
        bestLag = lag;
        break;
      }
    }
    if (bestLag === 0) continue;
    if (best >= VOICING_MIN) f0[h] = ENGINE_SAMPLE_RATE / bestLag;
  }
  return f0;
}

const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const semitones = (hz: number) => 12 * Math.log2(hz);

export function finalPitchRise(pcm16k: Float32Array, options: Partial<FinalPitchOptions> = {}): boolean | undefined {
  const o = { ...DEFAULT_FINAL_PITCH, ...options };
  // Only the end matters: track the last 1.5 s (the window of voiced hops lies within it).
  const tail = pcm16k.subarray(Math.max(0, pcm16k.length - 1.5 * ENGINE_SAMPLE_RATE));
  const voiced = [...pitchTrack(tail)].filter((hz) => hz > 0).map(semitones);
  const smooth = voiced.map((_, i) => median(voiced.slice(Math.max(0, i - 2), i + 3)));
  const windowN = Math.round(o.windowMs / 10);
  const endN = Math.round(o.endMs / 10);
  if (smooth.length < windowN / 2) return undefined;
  const window = smooth.slice(-windowN);
  const end = median(window.slice(-endN));
  const before = window.slice(0, -endN);
  const low = Math.min(...before);
  const high = Math.max(...before);
  if (end - low >= o.riseSemitones) return true;
  if (high - end >= o.fallSemitones && end - low <= 1) return false;
  return undefined;
}
