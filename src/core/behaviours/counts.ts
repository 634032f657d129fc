/**
 * Behaviour counts over labelled utterances, a clinician's correction (`correctedBehaviours`)
 * winning over the detector, like `correctedLabel` for the question labels. A visit whose
 * utterances carry no `behaviours` at all was saved before the detector existed: it was not
 * measured, which is never the same as zero.
 */
import type { BehaviourCounts, LabelledUtterance, VisitSummary } from '../session/schema';
import { BEHAVIOURS, type Behaviour } from './labels';

type WithBehaviours = Pick<LabelledUtterance, 'behaviours' | 'correctedBehaviours'>;

export function effectiveBehaviours(u: WithBehaviours): readonly Behaviour[] {
  return u.correctedBehaviours ?? u.behaviours ?? [];
}

/** True when the detector ran on any of the utterances (visits saved before it have no behaviours at all). */
export function hasBehaviours(utterances: readonly WithBehaviours[]): boolean {
  return utterances.some((u) => u.behaviours !== undefined || u.correctedBehaviours !== undefined);
}

export function countBehaviours(utterances: readonly WithBehaviours[]): BehaviourCounts {
  const counts = Object.fromEntries(BEHAVIOURS.map((b) => [b, 0])) as BehaviourCounts;
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
