/**
 * How well one expert agrees with the others, per class, for comparison with the classifier.
 *
 * AnnoMI has a few transcripts coded by all ten annotators, with the vote counts kept. For each
 * such utterance and each annotator's vote, the reference is the majority of the *other* nine
 * (ties split evenly between the tied labels), and the vote counts as a prediction against it.
 * Summed over utterances and annotators this gives the expected per-class precision, recall and
 * F1 of a single expert scored against expert consensus: a ceiling for any classifier scored
 * against one expert's labels.
 */
import { UTTERANCE_LABELS, type UtteranceLabel } from '../../src/core/questions/labels';

export type Votes = Readonly<Partial<Record<UtteranceLabel, number>>>;

export interface ClassScore {
  precision: number;
  recall: number;
  f1: number;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

const emptyTallies = (): Record<UtteranceLabel, Tally> =>
  Object.fromEntries(UTTERANCE_LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0 }])) as Record<UtteranceLabel, Tally>;

function scoreOf(t: Tally): ClassScore {
  const precision = t.tp + t.fp > 0 ? t.tp / (t.tp + t.fp) : 0;
  const recall = t.tp + t.fn > 0 ? t.tp / (t.tp + t.fn) : 0;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Adds one prediction against a reference that may be split over tied labels (weights sum to 1). */
function tallyOne(tallies: Record<UtteranceLabel, Tally>, predicted: UtteranceLabel, reference: ReadonlyMap<UtteranceLabel, number>): void {
  for (const [ref, weight] of reference) {
    if (ref === predicted) tallies[predicted].tp += weight;
    else {
      tallies[predicted].fp += weight;
      tallies[ref].fn += weight;
    }
  }
}

/** The majority label of `votes`, as a split over the tied labels. Empty when there are no votes. */
export function majority(votes: Votes): Map<UtteranceLabel, number> {
  const best = Math.max(0, ...UTTERANCE_LABELS.map((l) => votes[l] ?? 0));
  if (best === 0) return new Map();
  const tied = UTTERANCE_LABELS.filter((l) => (votes[l] ?? 0) === best);
  return new Map(tied.map((l) => [l, 1 / tied.length]));
}

/** Per-class scores of one annotator against the majority of the others (see the file comment). */
export function oneAgainstRest(items: readonly Votes[]): Record<UtteranceLabel, ClassScore> {
  const tallies = emptyTallies();
  for (const votes of items) {
    for (const own of UTTERANCE_LABELS) {
      const n = votes[own] ?? 0;
      if (n === 0) continue;
      const rest = majority({ ...votes, [own]: n - 1 });
      for (let i = 0; i < n; i++) tallyOne(tallies, own, rest);
    }
  }
  return Object.fromEntries(UTTERANCE_LABELS.map((l) => [l, scoreOf(tallies[l])])) as Record<UtteranceLabel, ClassScore>;
}

/** Per-class scores of predictions against gold labels (the classifier on the same utterances). */
export function againstGold(pairs: readonly { gold: UtteranceLabel; predicted: UtteranceLabel }[]): Record<UtteranceLabel, ClassScore> {
  const tallies = emptyTallies();
  for (const { gold, predicted } of pairs) tallyOne(tallies, predicted, new Map([[gold, 1]]));
  return Object.fromEntries(UTTERANCE_LABELS.map((l) => [l, scoreOf(tallies[l])])) as Record<UtteranceLabel, ClassScore>;
}
