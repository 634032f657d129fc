import { describe, expect, it } from 'vitest';
import { createFramer } from '../../../src/core/audio/framer';
import { frameEnergyDb } from '../../../src/core/audio/features';

describe('framer', () => {
  it('cuts odd-sized chunks into exact frames in order', () => {
    const framer = createFramer(160);
    const seen: number[] = [];
    const x = Float32Array.from({ length: 1000 }, (_, i) => i);
    for (let i = 0; i < x.length; i += 128) framer.push(x.subarray(i, i + 128), (f) => seen.push(f[0]!, f[159]!));
    expect(seen).toEqual([0, 159, 160, 319, 320, 479, 480, 639, 640, 799, 800, 959]);
    expect(framer.buffered).toBe(40);
  });
});

describe('frame energy', () => {
  it('is 20·log10 of the RMS, and a floor for silence', () => {
    expect(frameEnergyDb(new Float32Array(160).fill(0.1))).toBeCloseTo(-20, 6);
    expect(frameEnergyDb(new Float32Array(160))).toBe(-120);
  });
});
