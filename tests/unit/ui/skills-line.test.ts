import { describe, expect, it } from 'vitest';
import { skillsLineItems } from '../../../src/ui/panel/skills-line';
import { BEHAVIOUR_TEXT } from '../../../src/ui/behaviour-text';
import { BEHAVIOURS } from '../../../src/core/behaviours/labels';

const ZERO = { summary: 0, affirmation: 0, agenda: 0, permission: 0, teach_back: 0, advice_without_permission: 0 };

describe('panel skills line', () => {
  it('lists only the skills seen, in order, with the behaviour to avoid last and marked', () => {
    expect(skillsLineItems({ ...ZERO, advice_without_permission: 2, teach_back: 1, summary: 3 })).toEqual([
      { behaviour: 'summary', count: 3, avoid: false },
      { behaviour: 'teach_back', count: 1, avoid: false },
      { behaviour: 'advice_without_permission', count: 2, avoid: true },
    ]);
  });

  it('nothing seen yet: nothing listed (never a row of zeros)', () => {
    expect(skillsLineItems(ZERO)).toEqual([]);
  });

  it('every behaviour has a short name, a full name and an explanation', () => {
    for (const b of BEHAVIOURS) {
      expect(BEHAVIOUR_TEXT[b].short.length).toBeLessThanOrEqual(14);
      expect(BEHAVIOUR_TEXT[b].explain.length).toBeGreaterThan(30);
    }
  });
});
