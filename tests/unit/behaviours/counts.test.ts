import { describe, expect, it } from 'vitest';
import { correctBehaviours, correctLabel } from '../../../src/core/history/label-corrections';
import { countQuestions, effectiveLabel } from '../../../src/core/speech/question-counts';
import { fullVisit, utt } from '../history/fixtures';

const ZERO = { summary: 0, affirmation: 0, agenda: 0, permission: 0, teach_back: 0, advice_without_permission: 0 };

describe('behaviour counts and the summary–reflection relation', () => {
  const utterances = [
    utt('a', 'open_question', 10, { behaviours: ['agenda'] }),
    utt('b', 'other', 20, { behaviours: ['summary', 'affirmation'] }), // the classifier missed the summary's reflection
    utt('c', 'reflection', 30, { reflectionType: 'simple', behaviours: ['summary'] }),
    utt('d', 'closed_question', 40, { behaviours: ['summary'], correctedLabel: 'closed_question' }), // the clinician's label wins
    utt('e', 'other', 50, { behaviours: ['advice_without_permission'], correctedBehaviours: [] }), // corrected away
    utt('f', 'other', 60, { behaviours: [], correctedBehaviours: ['teach_back'] }),
  ];

  it('counts each behaviour once per utterance, corrections applied', () => {
    expect(countQuestions(utterances).behaviours).toEqual({ ...ZERO, agenda: 1, summary: 3, affirmation: 1, teach_back: 1 });
  });

  it('a summary counts as a complex reflection unless the clinician relabelled it', () => {
    expect(utterances.map(effectiveLabel)).toEqual(['open_question', 'reflection', 'reflection', 'closed_question', 'other', 'other']);
    expect(countQuestions(utterances)).toMatchObject({ open: 1, closed: 1, reflections: 2, complexReflections: 2, simpleReflections: 0, other: 2 });
  });

  it('visits saved before the detector have no behaviour counts (not zeros)', () => {
    expect(countQuestions([utt('x', 'other', 1)])).not.toHaveProperty('behaviours');
    expect(countQuestions([], true).behaviours).toEqual(ZERO);
  });

  it('a summary the classifier called other can be corrected to other (the correction is kept)', () => {
    const visit = fullVisit({ utterances, questions: countQuestions(utterances) });
    const next = correctLabel(visit, 'b', 'other')!;
    expect(next.utterances!.find((u) => u.id === 'b')).toMatchObject({ label: 'other', correctedLabel: 'other' });
    expect(next.questions).toMatchObject({ reflections: 1, other: 3 });
    expect(correctLabel(next, 'b', 'reflection')!.utterances).toEqual(utterances); // back to what it shows uncorrected
  });

  it('correcting behaviours recomputes the counts; the detector’s own set or null undoes it', () => {
    const visit = fullVisit({ utterances, questions: countQuestions(utterances) });
    const next = correctBehaviours(visit, 'b', ['affirmation'])!; // not a summary after all
    expect(next.utterances!.find((u) => u.id === 'b')).toMatchObject({ behaviours: ['summary', 'affirmation'], correctedBehaviours: ['affirmation'] });
    expect(next.questions).toMatchObject({ reflections: 1, other: 3, behaviours: { ...ZERO, agenda: 1, summary: 2, affirmation: 1, teach_back: 1 } });
    expect(correctBehaviours(next, 'b', null)!.utterances).toEqual(utterances);
    expect(correctBehaviours(next, 'b', ['affirmation', 'summary'])!.utterances).toEqual(utterances);
    expect(correctBehaviours(visit, 'nope', [])).toBeNull();
  });
});
