import { describe, expect, it } from 'vitest';
import { createFinalPunctuationTracker, findPunctuationTokenIds, punctuationProbs } from '../../../src/core/speech/final-punctuation';

// A vocabulary shaped like Moonshine's: control tokens, word pieces, marks alone and with '▁'.
const vocab = ['<unk>', '<s>', '</s>', '▁How', '▁are', '▁you', '?', '▁?', '.', ',', '!', '??', '?"', '...', '▁.', ...Array(1000).fill('x')];
const id = (token: string) => vocab.indexOf(token);
const ids = findPunctuationTokenIds(vocab.join('\n'));
const END = 2;

/** Logits of one step: 0 everywhere except the given entries. */
function logitsWith(entries: Record<string, number>, padBefore = 0): Float32Array {
  const out = new Float32Array(padBefore + vocab.length);
  for (const [token, value] of Object.entries(entries)) out[padBefore + id(token)] = value;
  return out;
}

describe('punctuation token ids', () => {
  it('takes each mark alone, after a word start, and repeated question marks; not mixed tokens', () => {
    expect([...ids.question].sort()).toEqual([id('?'), id('▁?'), id('??')].sort());
    expect(ids.period).toEqual([id('.'), id('▁.')]);
    expect(ids.comma).toEqual([id(',')]);
    expect(ids.anyMark.has(id('!'))).toBe(true);
    expect(ids.anyMark.has(id('?"'))).toBe(false);
    expect(ids.anyMark.has(id('...'))).toBe(false);
  });

  it('refuses a vocabulary without the marks', () => {
    expect(() => findPunctuationTokenIds(['a', 'b', '.'].join('\n'))).toThrow(/no "\?"/);
  });
});

describe('punctuation probabilities', () => {
  it('is the softmax over the whole vocabulary, summed over a mark\'s tokens', () => {
    // exp(ln 3) = 3 for "?" and again for "▁?"; every other of the N entries is exp(0) = 1 ("??" too).
    const logits = logitsWith({ '?': Math.log(3), '▁?': Math.log(3) });
    const total = vocab.length - 2 + 6;
    const p = punctuationProbs(logits, 0, vocab.length, ids);
    expect(p.question).toBeCloseTo(7 / total, 6);
    expect(p.period).toBeCloseTo(2 / total, 6);
    expect(p.comma).toBeCloseTo(1 / total, 6);
  });

  it('reads the last position of a [1, seq, vocab] tensor and survives large logits', () => {
    const logits = logitsWith({ '?': 1000, '.': 1000 - Math.log(3) }, 7);
    const p = punctuationProbs(logits, 7, vocab.length, ids);
    // Float32 logits: ln 3 is kept to about 1e-5 at this magnitude.
    expect(p.question).toBeCloseTo(0.75, 4);
    expect(p.period).toBeCloseTo(0.25, 4);
    expect(p.comma).toBeCloseTo(0, 6);
  });
});

describe('final punctuation step', () => {
  const run = (steps: Array<[Record<string, number>, string]>) => {
    const tracker = createFinalPunctuationTracker(ids, END);
    for (const [entries, chosen] of steps) tracker.step(logitsWith(entries), 0, vocab.length, chosen === '</s>' ? END : id(chosen));
    return tracker.result();
  };

  it('takes the step that emitted the last mark before the end', () => {
    const p = run([
      [{ '▁How': 20 }, '▁How'],
      [{ ',': 20 }, ','], // an earlier mark does not count
      [{ '▁you': 20 }, '▁you'],
      [{ '?': 10, '.': 10 }, '?'],
      [{ '</s>': 20, '.': 15 }, '</s>'],
    ]);
    expect(p!.question).toBeCloseTo(p!.period, 3);
    expect(p!.question).toBeGreaterThan(0.45);
    expect(p!.comma).toBeLessThan(0.001);
  });

  it('takes the end-of-text step when the transcript ends on a word', () => {
    const p = run([
      [{ '▁you': 20 }, '▁you'],
      [{ '</s>': 4, '?': 4 + Math.log(2) }, '</s>'],
    ]);
    expect(p!.question).toBeGreaterThan(p!.period);
    // "?" at 4 + ln 2; "▁?" and "??" at 0 add 1 each; "," at 0.
    expect(p!.question / p!.comma).toBeCloseTo(2 * Math.exp(4) + 2, 3);
  });

  it('is null when decoding hit its token limit on a word (no final step), not when it stopped on a mark', () => {
    expect(run([[{ '▁you': 20 }, '▁you']])).toBeNull();
    expect(run([[{ '?': 20 }, '?']])!.question).toBeCloseTo(1, 4);
  });

  it('ignores steps after the end and is null before any step', () => {
    expect(createFinalPunctuationTracker(ids, END).result()).toBeNull();
    const p = run([
      [{ '.': 30 }, '.'],
      [{ '</s>': 30 }, '</s>'],
      [{ '?': 30 }, '?'],
    ]);
    expect(p!.period).toBeCloseTo(1, 6);
  });
});
