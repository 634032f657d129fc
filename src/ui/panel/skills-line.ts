/**
 * Which listening behaviours the panel's skills line shows (issue 16): the skills seen so far,
 * in `BEHAVIOURS` order, each with its count; the behaviour to avoid (advice without asking)
 * last and marked as such, never among the achievements. Nothing unseen is listed, so the line
 * stays one short row and never reads as a row of zeros.
 */
import { BEHAVIOURS, type Behaviour } from '../../core/behaviours/labels';
import type { BehaviourCounts } from '../../core/session/schema';
import { isToAvoid } from '../behaviour-text';

export interface SkillItem {
  behaviour: Behaviour;
  count: number;
  avoid: boolean;
}

export function skillsLineItems(counts: BehaviourCounts): SkillItem[] {
  const seen = BEHAVIOURS.filter((b) => counts[b] > 0).map((b) => ({ behaviour: b, count: counts[b], avoid: isToAvoid(b) }));
  return [...seen.filter((s) => !s.avoid), ...seen.filter((s) => s.avoid)];
}
