/**
 * The simulated clinician of eval-adaptation.ts: visits in time order; before each visit the
 * layer is fitted on the corrections of the earlier visits only; after it, the clinician
 * reviews the k least-confident labels and corrects the wrong ones (exactly what the extension
 * keeps: the corrected utterances' log-probabilities and labels). The visit is scored before its own review, so nothing is fitted on what is scored.
 */
import { adaptLabel, fitAdaptation, type AdaptationExample, type FitOptions } from '../../src/core/questions/adaptation';
import type { UtteranceLabel } from '../../src/core/questions/labels';

export interface SimUtterance {
  logProbs: readonly number[];
  gold: UtteranceLabel;
}
/** One visit (transcript) of a clinician, in time order. */
export type SimVisit = readonly SimUtterance[];

export interface VisitErrors {
  /** |open share − gold| in points (0–100), null when the gold visit has fewer than 4 questions. */
  openSharePts: number;
  rq: number;
}

/** Visit-level errors scored only on visits with at least this many gold questions (issue 13). */
export const MIN_GOLD_QUESTIONS = 4;

function shareAndRatio(labels: readonly UtteranceLabel[]): { share: number; rq: number } {
  const open = labels.filter((l) => l === 'open_question').length;
  const closed = labels.filter((l) => l === 'closed_question').length;
  const refl = labels.filter((l) => l === 'reflection').length;
  // No predicted question: the share is unknown (scored as 50 %), R:Q as reflections per one question.
  return { share: open + closed === 0 ? 0.5 : open / (open + closed), rq: refl / Math.max(1, open + closed) };
}

export function visitErrors(pred: readonly UtteranceLabel[], gold: readonly UtteranceLabel[]): VisitErrors | null {
  const g = shareAndRatio(gold);
  const goldQuestions = gold.filter((l) => l === 'open_question' || l === 'closed_question').length;
  if (goldQuestions < MIN_GOLD_QUESTIONS) return null;
  const p = shareAndRatio(pred);
  return { openSharePts: Math.abs(p.share - g.share) * 100, rq: Math.abs(p.rq - g.rq) };
}

/** Per later visit (index ≥ 1) with enough gold questions: errors with the layer, and after the visit's own review too. */
export interface SimVisitResult {
  position: number;
  adapted: VisitErrors;
  /** The same visit after its own k corrections (the layer, then the reviewed labels fixed). */
  afterOwnReview: VisitErrors;
}

/**
 * `confirmations`: the review also records the reviewed labels the clinician left as they were
 * (a "looks right" answer); the extension's correction path does not keep those today.
 */
export function simulateClinician(visits: readonly SimVisit[], k: number, fit: Partial<FitOptions>, confirmations = false): SimVisitResult[] {
  const corrections: AdaptationExample[] = [];
  const out: SimVisitResult[] = [];
  visits.forEach((visit, position) => {
    const layer = fitAdaptation(corrections, fit);
    // The extension's own labelling function, on the model's probabilities.
    const adapted = visit.map((u) => adaptLabel(u.logProbs.map(Math.exp), layer));
    const labels = adapted.map((a) => a.label);
    // The k least-confident labels (ties: earlier first), as a review step would offer them.
    const order = adapted.map((a, i) => ({ i, conf: a.confidence })).sort((a, b) => a.conf - b.conf || a.i - b.i);
    const reviewed = new Set(order.slice(0, k).map((x) => x.i));
    const corrected = new Set([...reviewed].filter((i) => labels[i] !== (visit[i] as SimUtterance).gold));
    const gold = visit.map((u) => u.gold);
    const errors = visitErrors(labels, gold);
    if (position > 0 && errors !== null) {
      const fixed = labels.map((l, i) => (corrected.has(i) ? (gold[i] as UtteranceLabel) : l));
      out.push({ position, adapted: errors, afterOwnReview: visitErrors(fixed, gold) as VisitErrors });
    }
    for (const i of confirmations ? reviewed : corrected) corrections.push({ logProbs: (visit[i] as SimUtterance).logProbs, target: gold[i] as UtteranceLabel });
  });
  return out;
}

export const quantile = (xs: readonly number[], q: number): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (s[lo] as number) + ((s[hi] as number) - (s[lo] as number)) * (pos - lo);
};
export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
