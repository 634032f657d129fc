import { ENGINE_SAMPLE_RATE, FRAME_SAMPLES } from './constants';
import { createFramer } from './framer';
import { createResampler } from './resample';
import { frameFeatures, type FrameFeatures } from './features';

/**
 * One audio channel from any source rate to 10 ms frame features at 16 kHz: the shared front
 * end of the CLI (WAV files) and the extension (AudioWorklet quanta).
 */
export interface ChannelFeatureStream {
  push(samples: Float32Array): FrameFeatures[];
  /** Drains the resampler's latency at the end of a stream. */
  flush(): FrameFeatures[];
}

export function createChannelFeatureStream(sourceRate: number): ChannelFeatureStream {
  const resampler = createResampler(sourceRate, ENGINE_SAMPLE_RATE);
  const framer = createFramer(FRAME_SAMPLES);
  const run = (samples16k: Float32Array): FrameFeatures[] => {
    const out: FrameFeatures[] = [];
    framer.push(samples16k, (frame) => out.push(frameFeatures(frame)));
    return out;
  };
  return {
    push: (samples) => run(resampler.push(samples)),
    flush: () => run(resampler.flush()),
  };
}
