import { SILENCE_DB } from './constants';

/**
 * Per-frame features the talk engine works on. Only these cross from the audio thread or the
 * page to the engine: never raw samples.
 */
export interface FrameFeatures {
  /** RMS level of the frame in dB relative to full scale. */
  energyDb: number;
}

export function frameEnergyDb(frame: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < frame.length; i++) sum += frame[i]! * frame[i]!;
  const meanSquare = sum / Math.max(1, frame.length);
  return meanSquare > 0 ? Math.max(SILENCE_DB, 10 * Math.log10(meanSquare)) : SILENCE_DB;
}

export function frameFeatures(frame: Float32Array): FrameFeatures {
  return { energyDb: frameEnergyDb(frame) };
}
