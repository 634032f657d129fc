import { describe, expect, it } from 'vitest';
import { createResampler } from '../../../src/core/audio/resample';

const tone = (hz: number, rate: number, seconds: number) =>
  Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => Math.sin((2 * Math.PI * hz * i) / rate));

const rms = (x: Float32Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length);

function runAll(inRate: number, outRate: number, x: Float32Array, chunk: number): Float32Array {
  const r = createResampler(inRate, outRate);
  const parts: Float32Array[] = [];
  for (let i = 0; i < x.length; i += chunk) parts.push(r.push(x.subarray(i, i + chunk)));
  parts.push(r.flush());
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

describe('streaming resampler', () => {
  it.each([
    [48000, 16000],
    [44100, 16000],
    [8000, 16000],
    [22050, 16000],
  ])('%i → %i keeps length and a 1 kHz tone’s level', (inRate, outRate) => {
    const y = runAll(inRate, outRate, tone(1000, inRate, 1), 128);
    expect(Math.abs(y.length - outRate)).toBeLessThanOrEqual(2);
    expect(rms(y.subarray(400, outRate - 400))).toBeCloseTo(Math.SQRT1_2, 2);
  });

  it('removes content above the new Nyquist frequency (no aliasing into speech)', () => {
    const y = runAll(48000, 16000, tone(12000, 48000, 1), 480);
    expect(rms(y.subarray(400, 15600))).toBeLessThan(0.01);
  });

  it('gives the same samples whatever the chunking', () => {
    const x = tone(440, 44100, 0.5);
    const a = runAll(44100, 16000, x, 128);
    const b = runAll(44100, 16000, x, 4410);
    expect(a.length).toBe(b.length);
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 6));
  });

  it('passes 16 kHz through untouched', () => {
    const x = tone(300, 16000, 0.1);
    expect(createResampler(16000, 16000).push(x)).toBe(x);
  });
});
