import { describe, expect, it } from 'vitest';
import { correctLabel } from '../../../src/core/history/label-corrections';
import { countQuestions } from '../../../src/core/speech/question-counts';
import { fullVisit, utt } from './fixtures';

describe('label corrections', () => {
  it('counts match the fixture’s stored counts', () => {
    expect(countQuestions(fullVisit().utterances!)).toEqual(fullVisit().questions);
  });

  it('relabelling a closed question as open changes the counts and shares', () => {
    const next = correctLabel(fullVisit(), 'u2', 'open_question')!;
    expect(next.utterances!.find((u) => u.id === 'u2')).toMatchObject({ label: 'closed_question', correctedLabel: 'open_question' });
    expect(next.questions).toMatchObject({ open: 4, closed: 0, openShare: 1, reflectionToQuestion: 0.5 });
  });

  it('a reflection relabelled as other loses its subtype count; undoing restores everything', () => {
    const once = correctLabel(fullVisit(), 'u5', 'other')!;
    expect(once.questions).toMatchObject({ reflections: 1, simpleReflections: 1, complexReflections: 0, other: 2, reflectionToQuestion: 0.25 });
    const undone = correctLabel(once, 'u5', null)!;
    expect(undone.utterances).toEqual(fullVisit().utterances);
    expect(undone.questions).toEqual(fullVisit().questions);
    // Choosing the classifier's own label again also clears the correction.
    expect(correctLabel(once, 'u5', 'reflection')!.utterances).toEqual(fullVisit().utterances);
  });

  it('an unknown utterance or a visit without utterances gives null', () => {
    expect(correctLabel(fullVisit(), 'nope', 'other')).toBeNull();
    expect(correctLabel(fullVisit({ utterances: undefined }), 'u1', 'other')).toBeNull();
  });

  it('no questions: shares are null', () => {
    expect(countQuestions([utt('x', 'other', 1)])).toMatchObject({ other: 1, openShare: null, reflectionToQuestion: null });
  });
});
