/**
 * The simulated clinician of eval-adaptation.ts: visits in time order; before each visit the
 * layer is fitted on the corrections of the earlier visits only; after it, the clinician
 * reviews the k least-confident labels, corrects the wrong ones and (unless `confirm` is 'none')
 * confirms the right ones, exactly what the extension keeps: the corrected utterances'
 * log-probabilities and labels, and a `labelConfirmed` marker. The visit is scored before its
 * own review (what the layer learnt), so nothing is fitted on what is scored, and after it.
 *
 * Scored as the summary shows a visit: the product's own expected counts (estimate.ts
 * `estimateQuestions`: each label counts by its probabilities after the layer, corrected and
 * confirmed labels in full).
 */
import { adaptLabel, fitAdaptation, type AdaptationExample, type FitOptions } from '../../src/core/questions/adaptation';
import { estimateQuestions } from '../../src/core/questions/estimate';
import type { UtteranceLabel } from '../../src/core/questions/labels';
import type { LabelledUtterance } from '../../src/core/session/schema';

export interface SimUtterance {
  logProbs: readonly number[];
  gold: UtteranceLabel;
}
/** One visit (transcript) of a clinician, in time order. */
export type SimVisit = readonly SimUtterance[];

export interface VisitErrors {
  /** |open share − gold| in points (0–100). */
  openSharePts: number;
  rq: number;
}

/**
 * What the review does with a right label: 'none' leaves it (it counts by its probabilities);
 * 'counts' confirms it (it counts in full; the product's Confirm); 'teaches' also adds it to the
 * corrections the layer is fitted on, as evidence the prediction was right.
 */
export type ConfirmMode = 'none' | 'counts' | 'teaches';

/** Visit-level errors scored only on visits with at least this many gold questions (issue 13). */
export const MIN_GOLD_QUESTIONS = 4;

interface Figures {
  open: number;
  closed: number;
  reflections: number;
}

function shareAndRatio({ open, closed, reflections }: Figures): { share: number; rq: number } {
  // No question at all: the share is unknown (scored as 50 %), R:Q as reflections per one question.
  return { share: open + closed === 0 ? 0.5 : open / (open + closed), rq: reflections / Math.max(1, open + closed) };
}

const goldFigures = (gold: readonly UtteranceLabel[]): Figures => ({
  open: gold.filter((l) => l === 'open_question').length,
  closed: gold.filter((l) => l === 'closed_question').length,
  reflections: gold.filter((l) => l === 'reflection').length,
});

/** The visit's errors against the gold labels; null when the gold visit has fewer than MIN_GOLD_QUESTIONS questions. */
export function visitErrors(predicted: Figures, gold: readonly UtteranceLabel[]): VisitErrors | null {
  const g = goldFigures(gold);
  if (g.open + g.closed < MIN_GOLD_QUESTIONS) return null;
  const p = shareAndRatio(predicted);
  const t = shareAndRatio(g);
  return { openSharePts: Math.abs(p.share - t.share) * 100, rq: Math.abs(p.rq - t.rq) };
}

/** Per later visit (index ≥ 1) with enough gold questions: errors with the layer, and after the visit's own review too. */
export interface SimVisitResult {
  position: number;
  adapted: VisitErrors;
  /** The same visit after its own review (the layer, then the reviewed labels corrected or confirmed). */
  afterOwnReview: VisitErrors;
}

/** The labelled utterances the extension would save for a visit under `layer`, before any review. */
function labelled(visit: SimVisit, layer: ReturnType<typeof fitAdaptation>): LabelledUtterance[] {
  return visit.map((u, i) => {
    // The extension's own labelling function, on the model's probabilities.
    const a = adaptLabel(u.logProbs.map(Math.exp), layer);
    return { id: String(i), startS: i, endS: i + 1, label: a.label, confidence: a.confidence, classLogProbs: a.logProbs };
  });
}

export function simulateClinician(visits: readonly SimVisit[], k: number, fit: Partial<FitOptions>, confirm: ConfirmMode = 'counts'): SimVisitResult[] {
  const corrections: AdaptationExample[] = [];
  const out: SimVisitResult[] = [];
  visits.forEach((visit, position) => {
    const shown = labelled(visit, fitAdaptation(corrections, fit));
    const gold = visit.map((u) => u.gold);
    // The k least-confident labels (ties: earlier first), as the review step offers them.
    const order = shown.map((u, i) => ({ i, conf: u.confidence })).sort((a, b) => a.conf - b.conf || a.i - b.i);
    const reviewed = order.slice(0, k).map((x) => x.i);
    const reviewedSet = new Set(reviewed);
    const afterReview = shown.map((u, i): LabelledUtterance => {
      if (!reviewedSet.has(i)) return u;
      if (u.label !== gold[i]) return { ...u, correctedLabel: gold[i] as UtteranceLabel };
      return confirm === 'none' ? u : { ...u, labelConfirmed: true };
    });
    const errors = visitErrors(estimateQuestions(shown), gold);
    if (position > 0 && errors !== null) out.push({ position, adapted: errors, afterOwnReview: visitErrors(estimateQuestions(afterReview), gold) as VisitErrors });
    for (const i of reviewed) {
      const wrong = shown[i]!.label !== gold[i];
      if (wrong || confirm === 'teaches') corrections.push({ logProbs: visit[i]!.logProbs, target: gold[i] as UtteranceLabel });
    }
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
