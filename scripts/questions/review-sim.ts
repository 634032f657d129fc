/**
 * Simulated review of uncertain labels (issue 13 §4; the cut-off UNCERTAIN_BELOW in
 * src/core/questions/review.ts): after each visit the clinician reviews the labels offered for
 * review and corrects the wrong ones to the gold label. A corrected label then counts in full.
 * A reviewed label that was right is either confirmed (`confirm`: the review step's Confirm
 * button, after which it counts in full for its label, as estimate.ts counts `labelConfirmed`)
 * or left alone, counting by its probabilities (a clinician who only corrects). Scored like the
 * evaluation: per visit with ≥ 4 gold questions, |open share − gold| and |R:Q − gold|.
 */
import { UTTERANCE_LABELS, type UtteranceLabel } from '../../src/core/questions/labels';
import { argmaxLabel, countsByVisit, quantile, visitErrors, type CountMode, type ScoredUtterance } from './metrics';

/** Which labels of a visit are offered: those under a confidence (`below`), at most the k least confident (`leastConfident`), or both. */
export interface ReviewPolicy {
  below?: number;
  leastConfident?: number;
  /** The clinician confirms the reviewed labels that were right (they then count in full). */
  confirm?: boolean;
}

export interface ReviewOutcome {
  /** Visits scored. */
  visits: number;
  /** Mean labels offered (reviewed) per scored visit, and how many of them were wrong (corrected). */
  reviewedPerVisit: number;
  correctedPerVisit: number;
  shareMedianPts: number;
  shareMeanPts: number;
  shareP90Pts: number;
  rqMedian: number;
  rqMean: number;
}

const confidenceOf = (p: readonly number[]): number => Math.max(...p);

/** The utterances offered for review in one visit (indices into `rows`). */
export function offered(rows: readonly ScoredUtterance[], policy: ReviewPolicy): Set<number> {
  const order = rows.map((r, i) => ({ i, c: confidenceOf(r.probs) })).sort((a, b) => a.c - b.c || a.i - b.i);
  const chosen = order.filter((x) => policy.below === undefined || x.c < policy.below).slice(0, policy.leastConfident);
  return new Set(chosen.map((x) => x.i));
}

/** Rows after the review: a reviewed wrong label becomes the gold label with probability 1, a confirmed right one its own label. */
export function afterReview(rows: readonly ScoredUtterance[], policy: ReviewPolicy): { rows: ScoredUtterance[]; reviewed: number; corrected: number } {
  const byVisit = new Map<number, number[]>();
  rows.forEach((r, i) => byVisit.set(r.visitId, [...(byVisit.get(r.visitId) ?? []), i]));
  const out = [...rows];
  let reviewed = 0;
  let corrected = 0;
  for (const idx of byVisit.values()) {
    const visitRows = idx.map((i) => rows[i] as ScoredUtterance);
    for (const j of offered(visitRows, policy)) {
      reviewed++;
      const r = visitRows[j] as ScoredUtterance;
      const right = argmaxLabel(r.probs) === r.gold;
      if (!right) corrected++;
      // Either way the gold label then counts in full: corrected to it, or confirmed as it.
      if (!right || policy.confirm) out[idx[j] as number] = { ...r, probs: UTTERANCE_LABELS.map((l: UtteranceLabel) => (l === r.gold ? 1 : 0)) };
    }
  }
  return { rows: out, reviewed, corrected };
}

/** Visit-level errors after reviewing under `policy` (counting `mode`), with the review effort per scored visit. */
export function simulateReview(rows: readonly ScoredUtterance[], policy: ReviewPolicy, mode: CountMode, minGoldQuestions = 4): ReviewOutcome {
  const scoredVisits = new Set(
    [...countsByVisit(rows, mode)].filter(([, v]) => v.gold.open_question + v.gold.closed_question >= minGoldQuestions).map(([id]) => id),
  );
  const inScored = rows.filter((r) => scoredVisits.has(r.visitId));
  const after = afterReview(inScored, policy);
  const e = visitErrors(countsByVisit(after.rows, mode).values(), minGoldQuestions);
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return {
    visits: e.visits,
    reviewedPerVisit: after.reviewed / Math.max(1, e.visits),
    correctedPerVisit: after.corrected / Math.max(1, e.visits),
    shareMedianPts: quantile(e.shareErrorPts, 0.5),
    shareMeanPts: mean(e.shareErrorPts),
    shareP90Pts: quantile(e.shareErrorPts, 0.9),
    rqMedian: quantile(e.rqError, 0.5),
    rqMean: mean(e.rqError),
  };
}
