/**
 * Behaviour counts over labelled utterances, a clinician's correction (`correctedBehaviours`)
 * winning over the detector, like `correctedLabel` for the question labels.
 */
import type { BehaviourCounts, LabelledUtterance } from '../session/schema';
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
