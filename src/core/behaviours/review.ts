/**
 * Which detected listening behaviours to offer for review on the summary (issue 16). A wrong
 * "well done" is worse than a missing one, so every utterance the detector credited (or faulted)
 * is listed until the clinician confirms or corrects it; once corrected, it leaves the queue.
 */
import type { Behaviour } from './labels';
import type { LabelledUtterance } from '../session/schema';
import { normalizeBehaviours } from './counts';

export function behaviourReviewQueue(utterances: readonly LabelledUtterance[]): LabelledUtterance[] {
  return utterances.filter((u) => u.correctedBehaviours === undefined && (u.behaviours?.length ?? 0) > 0).sort((a, b) => a.startS - b.startS);
}

/**
 * The correction to store after the clinician switches one behaviour on or off: the new set, or
 * null when it equals what the detector found (the correction is then removed).
 */
export function toggledBehaviours(u: Pick<LabelledUtterance, 'behaviours' | 'correctedBehaviours'>, behaviour: Behaviour, on: boolean): Behaviour[] | null {
  const current = new Set(u.correctedBehaviours ?? u.behaviours ?? []);
  if (on) current.add(behaviour);
  else current.delete(behaviour);
  const detected = new Set(u.behaviours ?? []);
  const same = current.size === detected.size && [...current].every((b) => detected.has(b));
  return same ? null : normalizeBehaviours([...current]);
}
