import { describe, expect, it } from 'vitest';
import { confirmLabel, correctBehaviours, correctLabel } from '../../../src/core/history/label-corrections';
import { LabelledUtteranceSchema } from '../../../src/core/session/schema';
import * as v from 'valibot';
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

  it('a confirmation is stored as a marker, withdrawn by undo, and replaced by a correction', () => {
    const confirmed = confirmLabel(fullVisit(), 'u2', true)!;
    const u2 = confirmed.utterances!.find((u) => u.id === 'u2')!;
    expect(u2).toMatchObject({ label: 'closed_question', labelConfirmed: true });
    expect(u2.correctedLabel).toBeUndefined();
    // the label counts (whole labels) do not change; the estimates do (estimate.test.ts)
    expect(confirmed.questions).toEqual(fullVisit().questions);
    expect(confirmLabel(confirmed, 'u2', false)!.utterances).toEqual(fullVisit().utterances);
    const corrected = correctLabel(confirmed, 'u2', 'open_question')!.utterances!.find((u) => u.id === 'u2')!;
    expect(corrected).toMatchObject({ correctedLabel: 'open_question' });
    expect(corrected.labelConfirmed).toBeUndefined();
    // the dropdown's undo (its own label again) also withdraws it
    expect(correctLabel(confirmed, 'u2', null)!.utterances).toEqual(fullVisit().utterances);
  });

  it('a confirmation lapses when a behaviour correction changes the label shown (a summary shows as a reflection)', () => {
    const measured = fullVisit({ utterances: fullVisit().utterances!.map((u) => ({ ...u, behaviours: [] })) });
    const confirmed = confirmLabel(measured, 'u2', true)!;
    const asSummary = correctBehaviours(confirmed, 'u2', ['summary'])!.utterances!.find((u) => u.id === 'u2')!;
    expect(asSummary.labelConfirmed).toBeUndefined();
    const stillClosed = correctBehaviours(confirmed, 'u2', ['affirmation'])!.utterances!.find((u) => u.id === 'u2')!;
    expect(stillClosed.labelConfirmed).toBe(true);
  });

  it('confirming a corrected label changes nothing: the correction already counts in full', () => {
    const corrected = correctLabel(fullVisit(), 'u2', 'open_question')!;
    expect(confirmLabel(corrected, 'u2', true)!.utterances).toEqual(corrected.utterances);
    expect(confirmLabel(fullVisit(), 'nope', true)).toBeNull();
  });

  it('old records stay valid, and the marker holds no text', () => {
    const old = { id: 'a', startS: 0, endS: 1, label: 'other', confidence: 0.5 };
    expect(v.safeParse(LabelledUtteranceSchema, old).success).toBe(true);
    expect(v.safeParse(LabelledUtteranceSchema, { ...old, labelConfirmed: true }).success).toBe(true);
    expect(v.safeParse(LabelledUtteranceSchema, { ...old, labelConfirmed: 'yes, I said “fine”' }).success).toBe(false);
    expect(v.safeParse(LabelledUtteranceSchema, { ...old, labelConfirmed: false }).success).toBe(false);
  });

  it('an unknown utterance or a visit without utterances gives null', () => {
    expect(correctLabel(fullVisit(), 'nope', 'other')).toBeNull();
    expect(correctLabel(fullVisit({ utterances: undefined }), 'u1', 'other')).toBeNull();
  });

  it('no questions: shares are null', () => {
    expect(countQuestions([utt('x', 'other', 1)])).toMatchObject({ other: 1, openShare: null, reflectionToQuestion: null });
  });
});
