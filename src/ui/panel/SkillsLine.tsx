/**
 * The panel's compact line of listening skills seen so far (issue 16): short names with counts,
 * each explained on hover and, for screen readers, in words. Advice given without asking is set
 * apart ("Avoid: …", in the warning colour and dashed), so it never reads as a trophy. Not a
 * live region: counts change while the clinician speaks and the nudge is what speaks up.
 */
import type { BehaviourCounts } from '../../core/session/schema';
import { BEHAVIOUR_TEXT } from '../behaviour-text';
import { skillsLineItems } from './skills-line';

export function SkillsLine({ counts }: { counts: BehaviourCounts }) {
  const items = skillsLineItems(counts);
  return (
    <section class="attune-skills" aria-label="Listening skills so far">
      <span class="attune-skills__title" aria-hidden="true">
        Skills
      </span>
      {items.length === 0 ? (
        <span class="attune-skills__none">none yet</span>
      ) : (
        <ul class="attune-skills__list">
          {items.map(({ behaviour, count, avoid }) => {
            const text = BEHAVIOUR_TEXT[behaviour];
            return (
              <li key={behaviour} class={`attune-skill${avoid ? ' attune-skill--avoid' : ''}`} title={text.explain} data-behaviour={behaviour}>
                <span aria-hidden="true">
                  {avoid ? 'Avoid: ' : ''}
                  {text.short} <b>{count}</b>
                </span>
                <span class="attune-sr-only">
                  {avoid ? 'To avoid: ' : ''}
                  {text.name}: {count}. {text.explain}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
