/**
 * The decoder's own belief about how an utterance ends: the softmax probability of "?", "." and
 * "," at the final punctuation step. Moonshine hears intonation and writes it as punctuation;
 * greedy decoding keeps only the winning token, so a question said flatly may come out with a
 * "." although "?" was a close second. The probabilities carry that doubt to the classifier.
 *
 * The final punctuation step is the step that emitted the transcript's last token when that
 * token is punctuation; otherwise the step that chose end-of-text (where punctuation would have
 * gone). The logits are already computed for greedy decoding: this copies them at the steps that
 * might be final and runs one softmax per utterance, at the end.
 */

export interface FinalPunctuationProbs {
  /** Probability of a "?" token, 0..1. */
  question: number;
  period: number;
  comma: number;
}

/** Token ids per punctuation mark: the mark alone, with a word-start '▁', or repeated ("??"). */
export interface PunctuationTokenIds {
  question: readonly number[];
  period: readonly number[];
  comma: readonly number[];
  /** Every token that ends a sentence or clause ("!" included), to find the final step. */
  anyMark: ReadonlySet<number>;
}

const WORD_START = '\u2581';
const MARK_PATTERN = { question: /^\?+$/, period: /^\.$/, comma: /^,$/, exclamation: /^!+$/ } as const;

/** `vocabularyText`: one token per line, the line number is the token id (as token-decoder.ts). */
export function findPunctuationTokenIds(vocabularyText: string): PunctuationTokenIds {
  const ids = { question: [] as number[], period: [] as number[], comma: [] as number[], exclamation: [] as number[] };
  vocabularyText.split('\n').forEach((token, id) => {
    const bare = token.startsWith(WORD_START) ? token.slice(1) : token;
    for (const mark of Object.keys(MARK_PATTERN) as (keyof typeof MARK_PATTERN)[]) {
      if (MARK_PATTERN[mark].test(bare)) ids[mark].push(id);
    }
  });
  if (ids.question.length === 0 || ids.period.length === 0 || ids.comma.length === 0) {
    throw new Error('token vocabulary has no "?", "." or "," token: wrong file?');
  }
  const anyMark = new Set([...ids.question, ...ids.period, ...ids.comma, ...ids.exclamation]);
  return { question: ids.question, period: ids.period, comma: ids.comma, anyMark };
}

const NEGLIGIBLE_LOGIT = 30;

/**
 * Softmax probabilities of the three marks from the logits of one step: `logits[offset ..
 * offset + vocabSize)` (the last position of a [1, seq, vocab] tensor).
 */
export function punctuationProbs(logits: Float32Array, offset: number, vocabSize: number, ids: PunctuationTokenIds): FinalPunctuationProbs {
  let max = -Infinity;
  for (let i = offset; i < offset + vocabSize; i++) if (logits[i]! > max) max = logits[i]!;
  // Logits more than NEGLIGIBLE_LOGIT under the top add < 32 768 · e^-30 ≈ 3e-9 together: skip their exp.
  const floor = max - NEGLIGIBLE_LOGIT;
  let total = 0;
  for (let i = offset; i < offset + vocabSize; i++) if (logits[i]! > floor) total += Math.exp(logits[i]! - max);
  const sum = (group: readonly number[]) => group.reduce((s, id) => s + (id < vocabSize ? Math.exp(logits[offset + id]! - max) : 0), 0) / total;
  return { question: sum(ids.question), period: sum(ids.period), comma: sum(ids.comma) };
}

/** Follows greedy decoding step by step and keeps the probabilities of the final punctuation step. */
export interface FinalPunctuationTracker {
  /** After each decoder step: that step's logits and the token greedy decoding chose. */
  step(logits: Float32Array, offset: number, vocabSize: number, chosenId: number): void;
  /** The final punctuation step's probabilities, or null if no step was decoded. */
  result(): FinalPunctuationProbs | null;
}

export function createFinalPunctuationTracker(ids: PunctuationTokenIds, endTokenId: number): FinalPunctuationTracker {
  // The logits of the latest candidate step are copied (a memcpy) and the softmax runs once, at the end.
  let candidate: Float32Array | null = null;
  let lastStepWasMark = false;
  let ended = false;
  let result: FinalPunctuationProbs | null | undefined;
  return {
    step(logits, offset, vocabSize, chosenId) {
      if (ended) return;
      if (chosenId === endTokenId) {
        ended = true;
        if (!lastStepWasMark) candidate = logits.slice(offset, offset + vocabSize);
        return;
      }
      lastStepWasMark = ids.anyMark.has(chosenId);
      if (lastStepWasMark) candidate = logits.slice(offset, offset + vocabSize);
    },
    result() {
      // Decoding stopped at the token limit without end-of-text on a word: no final step to read.
      if (!ended && !lastStepWasMark) return null;
      if (result === undefined) result = candidate && punctuationProbs(candidate, 0, candidate.length, ids);
      return result;
    },
  };
}
