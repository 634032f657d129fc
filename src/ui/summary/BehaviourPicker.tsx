/**
 * Corrects one utterance's listening behaviours (issue 16): a disclosure whose summary names the
 * behaviours counted now, with a checkbox per behaviour inside. Shared by the full list and the
 * review, so both correct the same way: going back to what Attune found removes the correction.
 */
import { BEHAVIOURS, type Behaviour } from '../../core/behaviours/labels';
import { effectiveBehaviours } from '../../core/behaviours/counts';
import { toggledBehaviours } from '../../core/behaviours/review';
import type { LabelledUtterance } from '../../core/session/schema';
import { BEHAVIOUR_TEXT } from '../behaviour-text';

export type CorrectBehaviours = (utteranceId: string, behaviours: Behaviour[] | null) => void;

/** "Summaries, Agenda asked for", or "None". */
export function behavioursText(list: readonly Behaviour[]): string {
  return list.length ? list.map((b) => BEHAVIOUR_TEXT[b].name).join(', ') : 'None';
}

export function BehaviourPicker({ utterance, time, onCorrect }: { utterance: LabelledUtterance; time: string; onCorrect: CorrectBehaviours }) {
  const now = effectiveBehaviours(utterance);
  return (
    <details class="attune-behaviours-picker">
      <summary aria-label={`Listening skills of what you said at ${time}: ${behavioursText(now)}. Change`}>{behavioursText(now)}</summary>
      <fieldset>
        <legend class="attune-visually-hidden">Listening skills of what you said at {time}</legend>
        {BEHAVIOURS.map((b) => (
          <label key={b} title={BEHAVIOUR_TEXT[b].explain}>
            <input type="checkbox" checked={now.includes(b)} onChange={(e) => onCorrect(utterance.id, toggledBehaviours(utterance, b, (e.currentTarget as HTMLInputElement).checked))} />{' '}
            {BEHAVIOUR_TEXT[b].name}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
