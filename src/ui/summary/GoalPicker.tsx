/** Picking one goal for the next visit from suggestions made from this visit's numbers; the panel shows it during the visit. */
import { useState } from 'preact/hooks';
import type { GoalSuggestion } from '../../core/history/goals';
import type { Goal } from '../../core/session/schema';

export interface GoalPickerProps {
  suggestions: readonly GoalSuggestion[];
  current: Goal | null;
  /** The suggestion picked, or null to clear the goal. */
  onSetGoal(suggestion: GoalSuggestion | null): void;
}

export function GoalPicker({ suggestions, current, onSetGoal }: GoalPickerProps) {
  const [picked, setPicked] = useState<string>(suggestions[0]?.id ?? '');
  const choice = suggestions.find((s) => s.id === picked) ?? null;
  return (
    <div class="attune-goal">
      <p>
        {current ? (
          <>
            Your goal for the next visit: <strong>{current.text}</strong>
          </>
        ) : (
          'You have no goal set for your next visit.'
        )}
      </p>
      <fieldset class="attune-goal__choices">
        <legend>Choose a goal (suggestions from this visit first)</legend>
        {suggestions.map((s) => (
          <label key={s.id} class="attune-goal__choice">
            <input type="radio" name="attune-goal" value={s.id} checked={picked === s.id} onChange={() => setPicked(s.id)} />
            {s.text}
          </label>
        ))}
      </fieldset>
      <div class="attune-actions">
        <button type="button" class="attune-btn attune-btn--primary" disabled={!choice} onClick={() => choice && onSetGoal(choice)}>
          Set as my goal for the next visit
        </button>
        {current && (
          <button type="button" class="attune-btn" onClick={() => onSetGoal(null)}>
            Clear goal
          </button>
        )}
      </div>
    </div>
  );
}
