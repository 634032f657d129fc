import { readFileSync } from 'node:fs';
import { decodeWavFrames, parseWavHeader } from '../../../src/core/audio/wav';

export const SPEECH_FIXTURES = 'tests/fixtures/speech';
export const EXPECTED = JSON.parse(readFileSync(`${SPEECH_FIXTURES}/expected.json`, 'utf8')) as Record<string, { text: string; label: string }>;

/** A 16 kHz mono fixture as samples. */
export function readFixture(name: string): Float32Array {
  const bytes = new Uint8Array(readFileSync(`${SPEECH_FIXTURES}/${name}.wav`));
  const header = parseWavHeader(bytes, bytes.length);
  if (header.sampleRate !== 16000 || header.channelCount !== 1) throw new Error(`${name}: expected 16 kHz mono`);
  return decodeWavFrames(header, bytes.subarray(header.dataOffset, header.dataOffset + header.dataBytes))[0]!;
}

const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9' ]/g, ' ').split(/\s+/).filter(Boolean);

/** Share of the reference's words found in order in the hypothesis (a simple word accuracy). */
export function wordAccuracy(hypothesis: string, reference: string): number {
  const h = words(hypothesis);
  const r = words(reference);
  // Longest common subsequence of words.
  const dp = Array.from({ length: r.length + 1 }, () => new Array<number>(h.length + 1).fill(0));
  for (let i = 1; i <= r.length; i++)
    for (let j = 1; j <= h.length; j++) dp[i]![j] = r[i - 1] === h[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
  return r.length === 0 ? 1 : dp[r.length]![h.length]! / Math.max(r.length, h.length);
}
