import { describe, expect, it } from 'vitest';
import { countBehaviours, effectiveBehaviours, firstBehaviourS, hasBehaviours, normalizeBehaviours, visitBehaviourCounts } from '../../../src/core/behaviours/counts';
import { correctBehaviours, correctLabel } from '../../../src/core/history/label-corrections';
import { assess, metricById, visitMetricRows, type Targets } from '../../../src/core/history/metrics';
import { visitAdviceGiven } from '../../../src/core/history/behaviour-metrics';
import { observeVisit } from '../../../src/core/history/observations';
import { goalCatalogue, goalProgress, suggestGoals } from '../../../src/core/history/goals';
import { metricSeries } from '../../../src/core/history/trends';
import { behaviourVisit, fullVisit, LONG_TURN_S, TARGETS, utt } from './fixtures';

const ZERO = { summary: 0, affirmation: 0, agenda: 0, permission: 0, teach_back: 0, advice_without_permission: 0 };

describe('behaviour counts', () => {
  it('counts each utterance once per behaviour, the correction winning over the detector', () => {
    const us = [
      utt('a', 'reflection', 1, { behaviours: ['summary', 'agenda'] }),
      utt('b', 'other', 5, { behaviours: ['affirmation'], correctedBehaviours: [] }),
      utt('c', 'other', 9, { behaviours: [], correctedBehaviours: ['teach_back'] }),
      utt('d', 'other', 12, { behaviours: ['permission', 'permission'] }),
    ];
    expect(countBehaviours(us)).toEqual({ ...ZERO, summary: 1, agenda: 1, teach_back: 1, permission: 1 });
    expect(effectiveBehaviours(us[1]!)).toEqual([]);
  });

  it('utterances never measured are not measured (a visit has no counts), measured ones without any give zeros', () => {
    expect(hasBehaviours([utt('a', 'other', 1)])).toBe(false);
    expect(hasBehaviours([])).toBe(false);
    expect(hasBehaviours([utt('a', 'other', 1, { behaviours: [] })])).toBe(true);
    expect(countBehaviours([utt('a', 'other', 1, { behaviours: [] })])).toEqual(ZERO);
    expect(visitBehaviourCounts(fullVisit())).toBeNull();
  });

  it('finds the first time a behaviour was shown, and puts sets in one order', () => {
    const us = [utt('a', 'other', 40, { behaviours: ['agenda'] }), utt('b', 'other', 20, { behaviours: [], correctedBehaviours: ['agenda'] })];
    expect(firstBehaviourS(us, 'agenda')).toBe(20);
    expect(firstBehaviourS(us, 'summary')).toBeNull();
    expect(normalizeBehaviours(['teach_back', 'summary', 'teach_back'])).toEqual(['summary', 'teach_back']);
  });
});

describe('behaviour corrections', () => {
  it('a correction changes the counts; the detector’s own set again, or null, removes it', () => {
    const v = behaviourVisit();
    expect(v.questions!.behaviours).toEqual({ summary: 1, affirmation: 1, agenda: 1, permission: 1, teach_back: 0, advice_without_permission: 1 });
    const once = correctBehaviours(v, 'u7', ['teach_back'])!;
    expect(once.utterances!.find((u) => u.id === 'u7')).toMatchObject({ behaviours: ['advice_without_permission'], correctedBehaviours: ['teach_back'] });
    expect(once.questions!.behaviours).toMatchObject({ teach_back: 1, advice_without_permission: 0 });
    // The question counts are untouched by a behaviour correction.
    expect({ ...once.questions, behaviours: undefined }).toEqual({ ...v.questions, behaviours: undefined });
    expect(correctBehaviours(once, 'u7', ['advice_without_permission'])).toEqual(v);
    expect(correctBehaviours(once, 'u7', null)).toEqual(v);
  });

  it('removing every behaviour is a correction of its own (an empty set)', () => {
    const none = correctBehaviours(behaviourVisit(), 'u1', [])!;
    expect(none.utterances![0]!.correctedBehaviours).toEqual([]);
    expect(none.questions!.behaviours!.agenda).toBe(0);
  });

  it('refuses an unknown utterance and a visit saved before the detector', () => {
    expect(correctBehaviours(behaviourVisit(), 'nope', ['summary'])).toBeNull();
    expect(correctBehaviours(fullVisit(), 'u1', ['summary'])).toBeNull();
  });

  it('correcting a label keeps the behaviour counts (and a visit before the detector gets none)', () => {
    expect(correctLabel(behaviourVisit(), 'u2', 'open_question')!.questions!.behaviours).toEqual(behaviourVisit().questions!.behaviours);
    expect(correctLabel(fullVisit(), 'u2', 'open_question')!.questions!.behaviours).toBeUndefined();
  });
});

describe('behaviour skills', () => {
  const row = (visit = behaviourVisit(), targets: Targets = TARGETS) => Object.fromEntries(visitMetricRows(visit, targets, LONG_TURN_S).map((r) => [r.metric.id, r]));

  it('reads each behaviour skill with its target and result', () => {
    const r = row();
    expect([r.agenda!.value, r.agenda!.assessment, r.agenda!.detail]).toEqual([1, 'met', 'first at 0:10']);
    // One permission-ask and one piece of advice without: 1 of 2.
    expect([r.permission!.value, r.permission!.assessment, r.permission!.detail]).toEqual([0.5, 'not-met', '1 of 2']);
    expect([r['teach-back']!.value, r['teach-back']!.assessment]).toEqual([0, 'not-met']);
    expect([r.affirmations!.value, r.affirmations!.assessment]).toEqual([1, 'unknown']);
    expect([r.summaries!.value, r.summaries!.assessment]).toEqual([1, 'unknown']);
  });

  it('an agenda asked for after the agenda nudge’s time is not yet early; none at all is a no', () => {
    const late = behaviourVisit({ u6: ['agenda'] }); // 3:30
    expect(row(late).agenda!.value).toBe(1);
    expect(row(late).agenda!.assessment).toBe('not-met');
    expect(row(late, { ...TARGETS, agendaWithinS: 240 }).agenda!.assessment).toBe('met');
    const none = behaviourVisit({});
    expect([row(none).agenda!.value, row(none).agenda!.assessment, row(none).agenda!.detail]).toEqual([0, 'not-met', null]);
  });

  it('without advice, permission and teach-back do not apply (neither met nor missed)', () => {
    const r = row(behaviourVisit({ u1: ['agenda'] }));
    for (const id of ['permission', 'teach-back']) {
      expect(r[id]!.value).toBeNull();
      expect(r[id]!.assessment).toBe('unknown');
      expect(r[id]!.notApplicable).toBe('you gave no advice or information');
    }
    // A visit before the detector: not measured, so not "not applicable" either.
    expect(row(fullVisit()).permission!.notApplicable).toBeNull();
  });

  it('teach-back applies from the saved advice count: advice given without any permission-ask or unasked-advice mark', () => {
    // Information given after the permission memory ran out, or detected as information only: no behaviour marks it.
    const informed = behaviourVisit({ u1: ['agenda'] }, { adviceGiven: 2 });
    expect(visitAdviceGiven(informed)).toBe(2);
    expect([row(informed)['teach-back']!.value, row(informed)['teach-back']!.assessment, row(informed)['teach-back']!.notApplicable]).toEqual([0, 'not-met', null]);
    // The permission share still needs a permission-ask or unasked advice to divide by.
    expect(row(informed).permission!.notApplicable).toBe('you gave no advice or information');
    // Saved as none given: teach-back does not apply.
    expect(row(behaviourVisit({ u1: ['agenda'] }, { adviceGiven: 0 }))['teach-back']!.notApplicable).toBe('you gave no advice or information');
    // A correction that adds unasked advice raises the saved count.
    expect(visitAdviceGiven(behaviourVisit({ u6: ['advice_without_permission'], u7: ['advice_without_permission'] }, { adviceGiven: 1 }))).toBe(2);
    // Visits saved before the count: permission-asks + unasked advice; before the detector: not measured.
    expect(visitAdviceGiven(behaviourVisit({ u6: ['permission'], u7: ['advice_without_permission'] }))).toBe(2);
    expect(visitAdviceGiven(fullVisit())).toBeNull();
  });

  it('every advice after a permission-ask, and a teach-back, meet their targets', () => {
    const r = row(behaviourVisit({ u6: ['permission'], u7: ['teach_back'] }));
    expect([r.permission!.value, r.permission!.assessment]).toEqual([1, 'met']);
    expect([r['teach-back']!.value, r['teach-back']!.assessment]).toEqual([1, 'met']);
  });

  it('a visit too short to score has no behaviour values, detail or reason', () => {
    const short = behaviourVisit(undefined, { durationS: 30 });
    for (const r of visitMetricRows(short, TARGETS, LONG_TURN_S)) expect([r.value, r.detail, r.notApplicable, r.assessment]).toEqual([null, null, null, 'unknown']);
  });

  it('trends skip visits before the detector and visits where the skill did not apply', () => {
    const visits = [
      fullVisit({ id: 'old', startedAt: 1 }),
      behaviourVisit(undefined, { id: 'a', startedAt: 2 }),
      behaviourVisit({ u1: ['agenda'] }, { id: 'b', startedAt: 3 }),
      behaviourVisit({ u6: ['permission'] }, { id: 'c', startedAt: 4 }),
    ];
    expect(metricSeries(visits, metricById('permission')).map((p) => [p.visitId, p.value])).toEqual([
      ['a', 0.5],
      ['c', 1],
    ]);
    expect(metricSeries(visits, metricById('agenda')).map((p) => p.value)).toEqual([1, 1, 0]);
  });
});

describe('behaviour observations and goals', () => {
  it('praises an early agenda and suggests asking permission', () => {
    const items = observeVisit(behaviourVisit(undefined, { metrics: undefined }), TARGETS, LONG_TURN_S);
    expect(items[0]).toEqual({
      kind: 'strength',
      metric: 'agenda',
      text: 'You asked early what else was on the patient’s mind (at 0:10), so their whole agenda could shape the visit.',
    });
    expect(items.find((o) => o.kind === 'try')!.metric).toBe('reflection-to-question');
  });

  it('words the agenda, permission and teach-back things to try from the visit', () => {
    // Only the behaviour skills: no talk metrics, no questions.
    const strip = { metrics: undefined, clinicianShare: null };
    const noAgenda = behaviourVisit({ u7: ['advice_without_permission'] }, strip);
    const onlyQuestions = (v: ReturnType<typeof behaviourVisit>) => ({ ...v, questions: { ...v.questions!, openShare: null, reflectionToQuestion: null } });
    const tries = (v: ReturnType<typeof behaviourVisit>) => observeVisit(onlyQuestions(v), TARGETS, LONG_TURN_S).filter((o) => o.kind === 'try');
    expect(tries(noAgenda)[0]!.text).toBe('You did not ask what else was on the patient’s mind. In the first 3 min, try “Is there anything else you’d like to talk about today?”');
    const late = behaviourVisit({ u6: ['agenda'], u7: ['advice_without_permission'] }, strip);
    expect(tries(late)[0]!.text).toBe('You asked what else was on the patient’s mind at 3:30. Next time ask within the first 3 min, so that concerns do not surface only at the end.');
    const advice = behaviourVisit({ u1: ['agenda'], u7: ['advice_without_permission'] }, strip);
    expect(tries(advice)[0]!.text).toBe('You gave advice or information without asking first once. Try “Would it be OK if I shared some information about…?” before advising.');
    const noCheck = behaviourVisit({ u1: ['agenda'], u6: ['permission'] }, strip);
    expect(tries(noCheck)[0]!.text).toMatch(/^You gave information but did not check understanding\./);
    const strengths = observeVisit(onlyQuestions(behaviourVisit({ u6: ['permission'], u7: ['teach_back'] }, strip)), TARGETS, LONG_TURN_S).map((o) => o.text);
    expect(strengths).toEqual([
      'You asked permission before giving advice or information (1 of 1).',
      'You did not ask what else was on the patient’s mind. In the first 3 min, try “Is there anything else you’d like to talk about today?”',
      'After giving information you checked understanding in the patient’s own words (teach-back, once).',
    ]);
  });

  it('offers behaviour goals worded with the agenda time, and measures progress on them', () => {
    const texts = goalCatalogue({ ...TARGETS, agendaWithinS: 120 }, LONG_TURN_S).map((g) => g.text);
    expect(texts).toContain('Ask “Is there anything else you’d like to talk about today?” in the first 2 min.');
    const goal = { id: 'ask-permission', text: 'Ask permission before giving advice or information.', setAt: 0, fromVisitId: null };
    const visits = [
      behaviourVisit(undefined, { id: 'a', startedAt: 1, goal }),
      behaviourVisit({ u6: ['permission'] }, { id: 'b', startedAt: 2, goal }),
      behaviourVisit({}, { id: 'c', startedAt: 3, goal }), // no advice: not applicable
      fullVisit({ id: 'd', startedAt: 4, goal }), // before the detector
    ];
    const p = goalProgress(goal, visits, TARGETS, LONG_TURN_S);
    expect(p.visits.map((r) => r.result)).toEqual(['not-met', 'met', 'unknown', 'unknown']);
    expect([p.met, p.measured]).toEqual([1, 2]);
    expect(suggestGoals(behaviourVisit(), TARGETS, LONG_TURN_S).slice(0, 4).map((g) => g.id)).toEqual(['reflect-more', 'no-interruptions', 'ask-permission', 'teach-back']);
    expect(assess(metricById('teach-back'), behaviourVisit(), TARGETS, LONG_TURN_S)).toBe('not-met');
  });
});
