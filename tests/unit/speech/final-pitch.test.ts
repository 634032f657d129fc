import { describe, expect, it } from 'vitest';
import { finalPitchRise, pitchTrack } from '../../../src/core/speech/final-pitch';
import { readFixture } from './speech-fixtures';

/** A voiced-like tone (five harmonics) whose pitch follows `hzAt(t)`, 16 kHz. */
function glide(seconds: number, hzAt: (t: number) => number): Float32Array {
  const out = new Float32Array(Math.round(seconds * 16000));
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    phase += (2 * Math.PI * hzAt(i / 16000)) / 16000;
    let x = 0;
    for (let k = 1; k <= 5; k++) x += Math.sin(k * phase) / k;
    out[i] = 0.2 * x;
  }
  return out;
}

describe('final pitch rise', () => {
  it('tracks the pitch of a steady tone', () => {
    const f0 = [...pitchTrack(glide(0.5, () => 150))].filter((x) => x > 0);
    expect(f0.length).toBeGreaterThan(30);
    for (const hz of f0) expect(Math.abs(hz - 150)).toBeLessThan(3);
  });

  it('hears a final rise, a final fall, and neither in a flat tone', () => {
    // 1.2 s at 120 Hz, then the last 0.3 s glides to 170 Hz (+6 semitones) or down to 90 Hz.
    expect(finalPitchRise(glide(1.5, (t) => (t < 1.2 ? 120 : 120 + ((t - 1.2) / 0.3) * 50)))).toBe(true);
    expect(finalPitchRise(glide(1.5, (t) => (t < 1.0 ? 140 : 140 - ((t - 1.0) / 0.5) * 50)))).toBe(false);
    expect(finalPitchRise(glide(1.5, () => 130))).toBeUndefined();
  });

  it('says nothing without enough voicing', () => {
    expect(finalPitchRise(new Float32Array(16000))).toBeUndefined();
    expect(finalPitchRise(glide(0.1, () => 120))).toBeUndefined();
  });

  it('tells a spoken question from the same words as a statement (espeak-ng)', () => {
    expect(finalPitchRise(readFixture('rise-question'))).toBe(true);
    expect(finalPitchRise(readFixture('fall-statement'))).toBe(false);
  });
});
