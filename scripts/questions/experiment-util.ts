/** Shared pieces of the development experiments (experiment-base.ts, experiment-twostage.ts). */
import { questionClauses, tokenizeWithBreaks } from '../../src/core/questions/clauses';
import type { UtteranceLabel } from '../../src/core/questions/labels';
import { againstGold } from './agreement';

/** Extra features tried and rejected: character 3-/4-grams of the first 5 words of the last question clause. */
export function charGrams(text: string, f: Map<string, number>): void {
  const bt = tokenizeWithBreaks(text);
  const qcs = questionClauses(bt);
  const qc = qcs[qcs.length - 1];
  if (qc === undefined) return;
  const s = ` ${bt.slice(qc.start, qc.start + 5).map((t) => t.word).join(' ')} `;
  for (const n of [3, 4]) for (let i = 0; i + n <= s.length; i++) f.set(`cg:${s.slice(i, i + n)}`, 1);
}

/** F1 of open, closed and reflection (in that order) over all utterances. */
export function questionF1Values(gold: readonly UtteranceLabel[], pred: readonly UtteranceLabel[]): number[] {
  const s = againstGold(gold.map((g, i) => ({ gold: g, predicted: pred[i] as UtteranceLabel })));
  return [s.open_question.f1, s.closed_question.f1, s.reflection.f1];
}

/** "open closed reflection" F1, 3 decimals, over all utterances. */
export function questionF1s(gold: readonly UtteranceLabel[], pred: readonly UtteranceLabel[]): string {
  return questionF1Values(gold, pred)
    .map((x) => x.toFixed(3))
    .join(' ');
}

/** Seeded PRNG (mulberry32): uniform in [0, 1), for deterministic initialisation and shuffling. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
