import { describe, expect, it } from 'vitest';
import { observeVisit } from '../../../src/core/history/observations';
import { fullVisit, LONG_TURN_S, metrics, TARGETS } from './fixtures';

describe('observations', () => {
  it('names one strength and one thing to try, written from the numbers, and a second strength', () => {
    const obs = observeVisit(fullVisit(), TARGETS, LONG_TURN_S);
    expect(obs).toEqual([
      { kind: 'strength', metric: 'opening', text: 'You let the patient finish their opening statement (40 s) without taking the floor early.' },
      {
        kind: 'try',
        metric: 'reflection-to-question',
        text: 'You reflected 0.5 times per question. After the patient answers, try saying back what you heard before asking the next question (target: 1.0).',
      },
      { kind: 'strength', metric: 'open-share', text: '75% of your questions were open (3 of 4), at or above your 50% target.' },
    ]);
  });

  it('an interrupted opening becomes the thing to try, with when it happened', () => {
    const v = fullVisit({ metrics: metrics({ opening: { startS: 3, durationS: 30, ended: true, interrupted: true, interruptedAfterS: 11.4 } }) });
    const tryIt = observeVisit(v, TARGETS, LONG_TURN_S).find((o) => o.kind === 'try')!;
    expect(tryIt.text).toBe('You spoke over the patient’s opening statement after 11 s. Next time, let it run until they stop (a pause or “Anything else?” helps): most patients finish within two minutes.');
  });

  it('says nothing it cannot support: no strength when every measured target was missed', () => {
    const v = fullVisit({
      clinicianShare: 0.8,
      metrics: metrics({ opening: null, interruptions: { clinician: 4, patient: 0 }, longestMonologueS: { clinician: 150, patient: 20 } }),
      questions: undefined,
    });
    const obs = observeVisit(v, TARGETS, LONG_TURN_S);
    expect(obs).toEqual([{ kind: 'try', metric: 'clinician-share', text: 'You spoke 80% of the time, above your 60% target. Try pausing after a question and letting the silence work.' }]);
  });

  it('a visit that measured nothing gets no observations', () => {
    expect(observeVisit(fullVisit({ metrics: undefined, questions: undefined, clinicianShare: null }), TARGETS, LONG_TURN_S)).toEqual([]);
  });
});
