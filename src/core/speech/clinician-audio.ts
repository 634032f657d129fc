/**
 * The last seconds of the clinician's microphone at 16 kHz, addressed by the talk engine's
 * frame numbers, so that an utterance found by the detector can be cut out and transcribed.
 * The resampler is the one the feature stream uses, with the same latency, so sample
 * 160·f is the first sample of frame f. Older audio is overwritten: nothing is kept longer
 * than `keepS`, and nothing is ever stored.
 */
import { ENGINE_SAMPLE_RATE, FRAME_SAMPLES } from '../audio/constants';
import { createResampler } from '../audio/resample';

export interface ClinicianAudio {
  push(samples: Float32Array): void;
  /** Samples of frames [startFrame, endFrame), clipped to what is still held. */
  slice(startFrame: number, endFrame: number): Float32Array;
  /** Frames received so far. */
  readonly frames: number;
}

/** `firstFrame`: the talk engine's frame number of the first sample pushed (a resumed visit). */
export function createClinicianAudio(sourceRate: number, firstFrame = 0, keepS = 40): ClinicianAudio {
  const resampler = createResampler(sourceRate, ENGINE_SAMPLE_RATE);
  const ring = new Float32Array(Math.round(keepS * ENGINE_SAMPLE_RATE));
  let written = firstFrame * FRAME_SAMPLES; // absolute sample count
  const write = (samples: Float32Array) => {
    for (let offset = 0; offset < samples.length; ) {
      const at = written % ring.length;
      const n = Math.min(samples.length - offset, ring.length - at);
      ring.set(samples.subarray(offset, offset + n), at);
      offset += n;
      written += n;
    }
  };
  return {
    push: (samples) => write(resampler.push(samples)),
    slice(startFrame, endFrame) {
      const from = Math.max(startFrame * FRAME_SAMPLES, written - ring.length, 0);
      const to = Math.min(endFrame * FRAME_SAMPLES, written);
      if (to <= from) return new Float32Array(0);
      const out = new Float32Array(to - from);
      for (let i = from, j = 0; i < to; ) {
        const at = i % ring.length;
        const n = Math.min(to - i, ring.length - at);
        out.set(ring.subarray(at, at + n), j);
        i += n;
        j += n;
      }
      return out;
    },
    get frames() {
      return Math.floor(written / FRAME_SAMPLES);
    },
  };
}
