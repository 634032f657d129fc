import { describe, expect, it } from 'vitest';
import { groupBootstrap, normalizeWords, rocAuc, wordEdits } from '../../../scripts/speech/chain/metrics';
import { splitLongAudio } from '../../../scripts/speech/chain/pieces';
import { voiceFor } from '../../../scripts/speech/chain/speak';

describe('chain report metrics', () => {
  it('normalises case, punctuation and curly apostrophes away', () => {
    expect(normalizeWords('So, you’re  worried? "Yes" - A LOT.')).toEqual(['so', "you're", 'worried', 'yes', 'a', 'lot']);
  });

  it('counts word substitutions, insertions and deletions', () => {
    expect(wordEdits(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(0);
    expect(wordEdits(['you', 'sprained', 'your', 'ankle'], ['you', 'trained', 'your', 'uncle', 'yes'])).toBe(3);
    expect(wordEdits([], ['x', 'y'])).toBe(2);
    expect(wordEdits(['x', 'y'], [])).toBe(2);
  });

  it('computes the AUC with ties counting half', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBeCloseTo(0.75, 10);
    expect(rocAuc([1, 1, 0, 0], [true, false, true, false])).toBeCloseTo(0.5, 10);
    expect(rocAuc([0, 1], [false, true])).toBe(1);
    expect(rocAuc([0, 1], [true, true])).toBeNaN();
  });

  it('bootstraps whole groups deterministically', () => {
    const groups = [[1, 1], [2], [3, 3, 3]];
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const [lo, hi] = groupBootstrap(groups, mean, 300);
    expect(lo).toBeGreaterThanOrEqual(1);
    expect(hi).toBeLessThanOrEqual(3);
    expect(lo).toBeLessThan(hi);
    expect(groupBootstrap(groups, mean, 300)).toEqual([lo, hi]);
  });
});

describe('chain audio', () => {
  it('cuts audio longer than 15 s at its quietest point, as the live segmenter would', () => {
    const pcm = new Float32Array(16000 * 32).fill(0.5);
    pcm.fill(0, 16000 * 12, 16000 * 12 + 1600); // a 0.1 s pause at 12 s
    const pieces = splitLongAudio(pcm);
    expect(pieces.map((p) => p.length).reduce((a, b) => a + b)).toBe(pcm.length);
    expect(pieces.every((p) => p.length <= 16000 * 15)).toBe(true);
    expect(pieces[0]!.length).toBe(16000 * 12 + 800);
    expect(splitLongAudio(new Float32Array(16000 * 14))).toHaveLength(1);
  });

  it('keeps one voice per transcript and varies the rate within 150–190 wpm', () => {
    const voices = new Set([0, 1, 2, 3].map((u) => voiceFor(7, u).voice));
    expect(voices.size).toBe(1);
    const rates = [0, 1, 2, 3, 4].map((u) => voiceFor(7, u).rateWpm);
    expect(new Set(rates).size).toBe(5);
    expect(Math.min(...rates)).toBe(150);
    expect(Math.max(...rates)).toBe(190);
    expect(voiceFor(8, 0).voice).not.toBe(voiceFor(7, 0).voice);
  });
});
