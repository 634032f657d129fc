/**
 * Which labels to offer for review first (issue 13 §4, issue 19.5): the clinician's time goes
 * furthest on the labels the classifier was least sure of, so the summary lists the uncorrected
 * utterances under UNCERTAIN_BELOW, least confident first, and "Review N uncertain labels" leads
 * the labels section. Corrections go through the existing correction path (page:correct-label).
 */
import type { LabelledUtterance } from '../session/schema';

/**
 * Labels whose confidence (the classifier's probability of its own label) is below this are
 * "uncertain". 0.6: with four labels a winner under 0.6 leaves at least 0.4 to the others, i.e.
 * a close call; the calibration of these probabilities is measured under issue 13 (eval), and
 * this cut-off should follow it when that lands.
 */
export const UNCERTAIN_BELOW = 0.6;

export const isUncertain = (u: Pick<LabelledUtterance, 'confidence'>): boolean => u.confidence < UNCERTAIN_BELOW;

/** The uncorrected uncertain labels, least confident first (ties: earliest first). */
export function reviewQueue(utterances: readonly LabelledUtterance[]): LabelledUtterance[] {
  return utterances.filter((u) => !u.correctedLabel && isUncertain(u)).sort((a, b) => a.confidence - b.confidence || a.startS - b.startS);
}
