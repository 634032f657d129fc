import { describe, expect, it } from 'vitest';
import { behaviourReviewQueue, toggledBehaviours } from '../../../src/core/behaviours/review';
import { skillMarks } from '../../../src/ui/summary/timeline';
import { utt } from './fixtures';

describe('behaviour review', () => {
  it('queues every uncorrected utterance with detected behaviours, earliest first', () => {
    const us = [
      utt('late', 'other', 90, { behaviours: ['teach_back'] }),
      utt('none', 'other', 10, { behaviours: [] }),
      utt('early', 'reflection', 20, { behaviours: ['summary'] }),
      utt('done', 'other', 30, { behaviours: ['affirmation'], correctedBehaviours: [] }),
      utt('old', 'other', 40),
    ];
    expect(behaviourReviewQueue(us).map((u) => u.id)).toEqual(['early', 'late']);
  });

  it('a toggle gives the new set in canonical order, or null when it is back to what was detected', () => {
    const u = utt('a', 'other', 1, { behaviours: ['advice_without_permission'] });
    expect(toggledBehaviours(u, 'permission', true)).toEqual(['permission', 'advice_without_permission']);
    expect(toggledBehaviours(u, 'advice_without_permission', false)).toEqual([]);
    expect(toggledBehaviours({ ...u, correctedBehaviours: [] }, 'advice_without_permission', true)).toBeNull();
    expect(toggledBehaviours(utt('b', 'other', 1), 'summary', true)).toEqual(['summary']);
  });
});

describe('timeline skill marks', () => {
  it('one mark for an utterance’s skills and a separate one for advice without asking, corrections applied', () => {
    const us = [
      utt('a', 'other', 5, { behaviours: ['summary', 'advice_without_permission'] }),
      utt('b', 'other', 9, { behaviours: ['affirmation'], correctedBehaviours: [] }),
      utt('c', 'other', 12, { behaviours: [], correctedBehaviours: ['teach_back'] }),
    ];
    expect(skillMarks(us)).toEqual([
      { utteranceId: 'a', startS: 5, behaviours: ['summary'], avoid: false },
      { utteranceId: 'a', startS: 5, behaviours: ['advice_without_permission'], avoid: true },
      { utteranceId: 'c', startS: 12, behaviours: ['teach_back'], avoid: false },
    ]);
  });
});
