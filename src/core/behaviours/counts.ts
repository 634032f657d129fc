/**
 * Listening-behaviour counts over a visit's labelled utterances (issue 16), corrections applied:
 * the clinician's `correctedBehaviours` wins over what the detector found, exactly as a corrected
 * label wins in the question counts. A visit whose utterances carry no `behaviours` at all was
 * saved before the detector existed: it was not measured, which is never the same as zero.
 */
import { BEHAVIOURS, type Behaviour } from './labels';
import type { BehaviourCounts, LabelledUtterance, VisitSummary } from '../session/schema';

type BehaviourFields = Pick<LabelledUtterance, 'behaviours' | 'correctedBehaviours'>;

/** The behaviours an utterance counts for: the clinician's correction, else the detector's, else none. */
export function effectiveBehaviours(u: BehaviourFields): readonly Behaviour[] {
  return u.correctedBehaviours ?? u.behaviours ?? [];
}

/** True when the detector ran on these utterances (each one it saw carries `behaviours`, possibly empty). */
export function behavioursMeasured(utterances: readonly BehaviourFields[]): boolean {
  return utterances.some((u) => u.behaviours !== undefined);
}

/** Zero of each behaviour, in `BEHAVIOURS` order. */
export function zeroBehaviourCounts(): BehaviourCounts {
  return Object.fromEntries(BEHAVIOURS.map((b) => [b, 0])) as BehaviourCounts;
}

/** How many utterances showed each behaviour; null when the utterances were never measured. */
export function countBehaviours(utterances: readonly BehaviourFields[]): BehaviourCounts | null {
  if (!behavioursMeasured(utterances)) return null;
  const counts = zeroBehaviourCounts();
  for (const u of utterances) for (const b of new Set(effectiveBehaviours(u))) counts[b]++;
  return counts;
}

/** A visit's behaviour counts as saved (corrections applied); null when the visit did not measure them. */
export function visitBehaviourCounts(visit: Pick<VisitSummary, 'questions'>): BehaviourCounts | null {
  return visit.questions?.behaviours ?? null;
}

/** A set of behaviours in the one canonical order (`BEHAVIOURS`), without repeats. */
export function normalizeBehaviours(list: readonly Behaviour[]): Behaviour[] {
  const set = new Set(list);
  return BEHAVIOURS.filter((b) => set.has(b));
}

/** When the clinician first showed a behaviour, s from the start of the visit; null when never. */
export function firstBehaviourS(utterances: readonly LabelledUtterance[], behaviour: Behaviour): number | null {
  let first: number | null = null;
  for (const u of utterances) if (effectiveBehaviours(u).includes(behaviour) && (first === null || u.startS < first)) first = u.startS;
  return first;
}
