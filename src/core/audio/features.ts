import { SILENCE_DB } from './constants';

/**
 * Per-frame features the talk engine works on. Only these cross from the audio thread or the
 * page to the engine: never raw samples.
 */
export interface FrameFeatures {
  /** RMS level of the frame in dB relative to full scale. */
  energyDb: number;
  /**
   * Level of the frame's second difference (x[n] − 2x[n−1] + x[n−2]) in dBFS: a +12 dB/octave
   * high-pass that keeps mostly the content above ~2.5 kHz (0 dB gain near 2.7 kHz, −28 dB at
   * 500 Hz). Optional: sources that only deliver levels (the page's remote-track tap) omit it,
   * and the engine then works on `energyDb` alone.
   */
  hfDb?: number;
}

const toDb = (meanSquare: number): number => (meanSquare > 0 ? Math.max(SILENCE_DB, 10 * Math.log10(meanSquare)) : SILENCE_DB);

export function frameEnergyDb(frame: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < frame.length; i++) sum += frame[i]! * frame[i]!;
  return toDb(sum / Math.max(1, frame.length));
}

/** Both levels in one pass over the frame (160 samples at 16 kHz). */
export function frameFeatures(frame: Float32Array): FrameFeatures {
  const n = frame.length;
  let sum = 0;
  let hf = 0;
  let x1 = n > 0 ? frame[0]! : 0;
  let x2 = n > 1 ? frame[1]! : 0;
  sum = x1 * x1 + x2 * x2;
  for (let i = 2; i < n; i++) {
    const x = frame[i]!;
    sum += x * x;
    const d = x - 2 * x2 + x1;
    hf += d * d;
    x1 = x2;
    x2 = x;
  }
  return { energyDb: toDb(sum / Math.max(1, n)), hfDb: toDb(hf / Math.max(1, n - 2)) };
}
