import * as v from 'valibot';
import { GoalSchema, type Goal } from '../../core/session/schema';
import type { AttuneDatabase } from './db';
import { guarded } from './storage-errors';

/** The clinician's goals over time; the newest entry is the goal for the next visit (null: none). */
export function createGoalStore(db: Promise<AttuneDatabase>) {
  const valid = (goal: unknown): Goal | null => (v.is(GoalSchema, goal) ? goal : null);
  return {
    current: (): Promise<Goal | null> =>
      guarded(async () => {
        const cursor = await (await db).transaction('goals').store.openCursor(null, 'prev');
        return valid(cursor?.value.goal);
      }),
    /** Every goal ever set, oldest first (cleared entries left out). */
    history: (): Promise<Goal[]> =>
      guarded(async () => (await (await db).getAll('goals')).map((r) => valid(r.goal)).filter((g): g is Goal => g !== null)),
    /** Sets the goal for the next visits (null clears it), stamped `nowMs` so entries stay in order. */
    set: (goal: Goal | null, nowMs: number): Promise<void> =>
      guarded(async () => {
        await (await db).put('goals', { setAt: goal?.setAt ?? nowMs, goal: goal ? v.parse(GoalSchema, goal) : null });
      }),
  };
}
export type GoalStore = ReturnType<typeof createGoalStore>;
