import { FRAME_MS } from '../audio/constants';

/**
 * A streaming voice-activity detector on frame energy with an adaptive noise floor and
 * hysteresis. Cheap and predictable; it runs identically in the extension and the CLI.
 * Decisions are made per 10 ms frame; a start is confirmed after `minSpeechMs` and dated
 * back to its first loud frame, an end after `hangoverMs` of quiet, dated to the first quiet frame.
 */
export interface EnergyVadOptions {
  /** Speech must be this far above the tracked noise floor, in dB. */
  aboveFloorDb: number;
  /** Nothing quieter than this (dBFS) is speech, whatever the floor. */
  minSpeechDbfs: number;
  /** Loud frames needed in a row before a start is confirmed. */
  minSpeechMs: number;
  /** Quiet needed in a row before an end is confirmed; bridges pauses between words. */
  hangoverMs: number;
  /** How fast the noise floor may rise while the level stays above it, in dB per second. */
  floorRiseDbPerS: number;
}

export const DEFAULT_ENERGY_VAD: EnergyVadOptions = {
  aboveFloorDb: 12,
  minSpeechDbfs: -55,
  minSpeechMs: 60,
  hangoverMs: 300,
  floorRiseDbPerS: 2,
};

/** Below this a frame is treated as digital silence rather than room noise. */
const DIGITAL_SILENCE_DB = -90;

export type VadEvent = { type: 'speechStart'; frame: number } | { type: 'speechEnd'; frame: number };

export interface EnergyVadState {
  /** Index of the next frame to be pushed. */
  frame: number;
  floorDb: number | null;
  speaking: boolean;
  /** Frames in a row that disagree with `speaking`. */
  run: number;
}

export interface EnergyVad {
  push(energyDb: number): VadEvent | null;
  readonly speaking: boolean;
  state(): EnergyVadState;
}

export function createEnergyVad(options: Partial<EnergyVadOptions> = {}, restore?: EnergyVadState): EnergyVad {
  const o = { ...DEFAULT_ENERGY_VAD, ...options };
  const minSpeechFrames = Math.max(1, Math.round(o.minSpeechMs / FRAME_MS));
  const hangoverFrames = Math.max(1, Math.round(o.hangoverMs / FRAME_MS));
  const risePerFrame = (o.floorRiseDbPerS * FRAME_MS) / 1000;
  const s: EnergyVadState = restore ? { ...restore } : { frame: 0, floorDb: null, speaking: false, run: 0 };

  return {
    push(energyDb) {
      const frame = s.frame++;
      // Minimum tracking: fall to any quieter frame at once, creep up slowly otherwise.
      // Digital silence (a muted sender, a gap before a source attaches) says nothing about
      // the room's noise, so it leaves the floor alone.
      if (energyDb > DIGITAL_SILENCE_DB) {
        s.floorDb = s.floorDb === null || energyDb < s.floorDb ? energyDb : s.floorDb + risePerFrame;
      }
      const loud = s.floorDb !== null && energyDb >= Math.max(o.minSpeechDbfs, s.floorDb + o.aboveFloorDb);
      if (loud === s.speaking) {
        s.run = 0;
        return null;
      }
      s.run++;
      if (!s.speaking && s.run >= minSpeechFrames) {
        s.speaking = true;
        const start = frame - s.run + 1;
        s.run = 0;
        return { type: 'speechStart', frame: start };
      }
      if (s.speaking && s.run >= hangoverFrames) {
        s.speaking = false;
        const end = frame - s.run + 1;
        s.run = 0;
        return { type: 'speechEnd', frame: end };
      }
      return null;
    },
    get speaking() {
      return s.speaking;
    },
    state: () => ({ ...s }),
  };
}
