/**
 * Streaming sample-rate conversion with a windowed-sinc kernel, so that the engine always
 * sees 16 kHz whatever the source (AudioContext at 44.1/48 kHz, WAV files at any rate).
 * Chunk boundaries do not change the output: pushing a signal whole or in pieces gives the
 * same samples. Latency is `halfWidth` input samples; `flush` drains it at the end.
 */

export interface ResamplerOptions {
  /** Zero crossings of the kernel on each side at the output rate: quality vs cost. */
  zeroCrossings?: number;
  /** Fractional positions the kernel is tabulated for. */
  phases?: number;
}

export interface Resampler {
  readonly inRate: number;
  readonly outRate: number;
  push(input: Float32Array): Float32Array;
  /** Returns the samples still held back by the kernel's latency. */
  flush(): Float32Array;
}

export function createResampler(inRate: number, outRate: number, options: ResamplerOptions = {}): Resampler {
  if (!(inRate > 0 && outRate > 0)) throw new RangeError(`sample rates must be positive: ${inRate} → ${outRate}`);
  if (inRate === outRate) {
    return { inRate, outRate, push: (input) => input, flush: () => new Float32Array(0) };
  }
  const zeroCrossings = options.zeroCrossings ?? 12;
  const phases = options.phases ?? 256;
  const step = inRate / outRate; // input samples per output sample
  // Cut off a little below the lower Nyquist frequency to keep aliasing out of the speech band.
  const cutoff = Math.min(1, outRate / inRate) * 0.92;
  const halfWidth = Math.ceil(zeroCrossings / cutoff);
  const taps = 2 * halfWidth;
  const table = buildKernelTable(cutoff, halfWidth, phases);

  let pending = new Float32Array(taps); // leading zeros stand for the silence before the stream
  let pendingStart = -taps; // absolute input index of pending[0]
  let pendingLength = taps;
  let nextOut = 0; // absolute output index

  function append(input: Float32Array): void {
    if (pendingLength + input.length > pending.length) {
      const grown = new Float32Array(Math.max(pending.length * 2, pendingLength + input.length));
      grown.set(pending.subarray(0, pendingLength));
      pending = grown;
    }
    pending.set(input, pendingLength);
    pendingLength += input.length;
  }

  function drain(): Float32Array {
    const end = pendingStart + pendingLength;
    const count = Math.max(0, Math.floor((end - halfWidth - 1) / step) - nextOut + 1);
    const out = new Float32Array(count);
    for (let n = 0; n < count; n++) {
      const t = (nextOut + n) * step;
      const center = Math.floor(t);
      const phase = Math.min(phases - 1, Math.round((t - center) * (phases - 1)));
      const kernel = phase * taps;
      const first = center - halfWidth + 1 - pendingStart;
      let acc = 0;
      for (let k = 0; k < taps; k++) acc += pending[first + k]! * table[kernel + k]!;
      out[n] = acc;
    }
    nextOut += count;
    // Keep only what the next output's kernel can still reach.
    const keepFrom = Math.floor(nextOut * step) - halfWidth + 1 - pendingStart;
    if (keepFrom > 0) {
      pending.copyWithin(0, keepFrom, pendingLength);
      pendingLength -= keepFrom;
      pendingStart += keepFrom;
    }
    return out;
  }

  return {
    inRate,
    outRate,
    push(input) {
      append(input);
      return drain();
    },
    flush() {
      append(new Float32Array(halfWidth + 1));
      return drain();
    },
  };
}

/** Kernel values for each tabulated phase: a Blackman-windowed sinc scaled for unity gain. */
function buildKernelTable(cutoff: number, halfWidth: number, phases: number): Float32Array {
  const taps = 2 * halfWidth;
  const table = new Float32Array(phases * taps);
  for (let p = 0; p < phases; p++) {
    const frac = p / (phases - 1);
    let sum = 0;
    for (let k = 0; k < taps; k++) {
      const x = k - halfWidth + 1 - frac; // distance from the output instant, in input samples
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * cutoff * x) / (Math.PI * cutoff * x);
      const w = (x + halfWidth) / (2 * halfWidth);
      const blackman = w <= 0 || w >= 1 ? 0 : 0.42 - 0.5 * Math.cos(2 * Math.PI * w) + 0.08 * Math.cos(4 * Math.PI * w);
      const value = sinc * blackman;
      table[p * taps + k] = value;
      sum += value;
    }
    for (let k = 0; k < taps; k++) table[p * taps + k]! /= sum;
  }
  return table;
}

/** A whole recording at another rate: the streamed output with the kernel's latency drained. */
export function resampleWhole(samples: Float32Array, inRate: number, outRate: number): Float32Array {
  const resampler = createResampler(inRate, outRate);
  const head = resampler.push(samples);
  const tail = resampler.flush();
  const out = new Float32Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
}
