/**
 * Which labels to offer for review first (issue 13 §4, issue 19.5): the clinician's time goes
 * furthest on the labels the classifier was least sure of. Corrections go through the existing
 * correction path (page:correct-label); a label the clinician finds right is confirmed
 * (page:confirm-label). Corrected and confirmed labels count in full in the visit's estimated
 * figures (estimate.ts).
 *
 * How many, measured (scripts/questions/review-sim.ts, `npm run eval:questions`, docs/QUESTIONS.md
 * "Review: how many labels"): in grouped cross-validation on AnnoMI spoken through Moonshine, a
 * clinician who corrects the wrong ones among the 8 least-confident labels of each visit removes
 * a quarter of the mean open-share error (25–27 % over three fold partitions) and 13–24 % of the
 * R:Q error, 1.4–1.7 points of share per correction; every confidence cut-off tried (0.4–0.9)
 * fixes less per correction (0.6, the earlier cut-off: 8.4 labels a visit, 18–23 %, 1.1–1.2
 * points), because a cut-off offers many labels in a hard visit and none in an easy one.
 * Confirming the right ones too (the review's Confirm) removes 30–33 % of the mean open-share
 * error for the same 8 labels (0.85–0.94 points per label reviewed, against 0.71–0.78).
 */
import type { LabelledUtterance } from '../session/schema';

/** At most this many labels of a visit are offered for review. */
export const REVIEW_AT_MOST = 8;

/**
 * A label at or above this confidence is never called uncertain, even among a visit's least
 * confident (on AnnoMI speech the cap above almost always binds first: the same simulated gain).
 */
export const UNCERTAIN_BELOW = 0.9;

/**
 * The visit's uncertain labels: its REVIEW_AT_MOST least confident (by the classifier's
 * confidence; ties: earliest first) under UNCERTAIN_BELOW. Reviewed ones keep their place, so
 * the set does not refill as the clinician works through it.
 */
export function uncertainIds(utterances: readonly LabelledUtterance[]): Set<string> {
  const ranked = utterances.filter((u) => u.confidence < UNCERTAIN_BELOW).sort((a, b) => a.confidence - b.confidence || a.startS - b.startS);
  return new Set(ranked.slice(0, REVIEW_AT_MOST).map((u) => u.id));
}

/** Whether the clinician has given their verdict on this label: corrected it, or confirmed it. */
export const isReviewed = (u: Pick<LabelledUtterance, 'correctedLabel' | 'labelConfirmed'>): boolean => Boolean(u.correctedLabel || u.labelConfirmed);

/** The uncertain labels not yet corrected or confirmed, least confident first (ties: earliest first). */
export function reviewQueue(utterances: readonly LabelledUtterance[]): LabelledUtterance[] {
  const uncertain = uncertainIds(utterances);
  return utterances.filter((u) => !isReviewed(u) && uncertain.has(u.id)).sort((a, b) => a.confidence - b.confidence || a.startS - b.startS);
}
