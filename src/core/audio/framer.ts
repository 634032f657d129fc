/**
 * Cuts a stream of samples into fixed frames (10 ms at 16 kHz = 160 samples), whatever
 * chunk sizes arrive (AudioWorklet quanta of 128, file reads of any length).
 */
export interface Framer {
  /** Calls `onFrame` for every completed frame; the frame buffer is reused, copy it to keep it. */
  push(samples: Float32Array, onFrame: (frame: Float32Array) => void): void;
  /** Samples waiting for the next frame. */
  readonly buffered: number;
}

export function createFramer(frameSamples: number): Framer {
  const frame = new Float32Array(frameSamples);
  let filled = 0;
  return {
    push(samples, onFrame) {
      let i = 0;
      while (i < samples.length) {
        const take = Math.min(frameSamples - filled, samples.length - i);
        frame.set(samples.subarray(i, i + take), filled);
        filled += take;
        i += take;
        if (filled === frameSamples) {
          onFrame(frame);
          filled = 0;
        }
      }
    },
    get buffered() {
      return filled;
    },
  };
}
