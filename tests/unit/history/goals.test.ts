import { describe, expect, it } from 'vitest';
import { goalCatalogue, goalProgress, knownGoals, makeGoal, suggestGoals } from '../../../src/core/history/goals';
import { GoalSchema } from '../../../src/core/session/schema';
import * as v from 'valibot';
import { fullVisit, LONG_TURN_S, TARGETS } from './fixtures';

describe('goals', () => {
  it('suggests what the visit missed first, in metric order, then the met ones', () => {
    expect(suggestGoals(fullVisit(), TARGETS, LONG_TURN_S).map((g) => g.id)).toEqual([
      'reflect-more',
      'no-interruptions',
      // Not measured (a visit saved before the behaviour detector), in metric order.
      'ask-agenda',
      'ask-permission',
      'teach-back',
      'let-opening-finish',
      'talk-less',
      'open-questions',
      'short-turns',
    ]);
  });

  it('words goals with the clinician’s own targets', () => {
    const texts = goalCatalogue({ clinicianShareMax: 0.55, openShareMin: 0.7, reflectionToQuestionMin: 2 }, 90).map((g) => g.text);
    expect(texts).toContain('Make at least 70% of my questions open (“what…”, “how…”).');
    expect(texts).toContain('Reflect back at least 2 times for every question I ask.');
    expect(texts).toContain('Keep my share of talk time at or under 55%.');
    expect(texts).toContain('Keep each of my turns under 90 s and check understanding in between.');
  });

  it('a picked goal is a valid stored Goal', () => {
    const goal = makeGoal(goalCatalogue(TARGETS, LONG_TURN_S)[1]!, 1234, 'v1');
    expect(v.parse(GoalSchema, goal)).toEqual({ id: 'open-questions', text: expect.stringMatching(/50%/), setAt: 1234, fromVisitId: 'v1' });
  });

  it('measures progress over the visits that carried the goal, oldest first', () => {
    const goal = { id: 'reflect-more', text: 'Reflect', setAt: 100, fromVisitId: null };
    const q = fullVisit().questions!;
    const visits = [
      fullVisit({ id: 'b', startedAt: 3000, goal, questions: { ...q, reflectionToQuestion: 1.5 } }),
      fullVisit({ id: 'a', startedAt: 2000, goal, questions: { ...q, reflectionToQuestion: 0.4 } }),
      fullVisit({ id: 'c', startedAt: 4000, goal, questions: undefined }),
      fullVisit({ id: 'other-goal', startedAt: 5000, goal: { ...goal, id: 'talk-less' } }),
      fullVisit({ id: 'no-goal', startedAt: 6000, goal: undefined }),
    ];
    const p = goalProgress(goal, visits, TARGETS, LONG_TURN_S);
    expect(p.visits.map((r) => [r.visitId, r.result])).toEqual([
      ['a', 'not-met'],
      ['b', 'met'],
      ['c', 'unknown'],
    ]);
    expect([p.met, p.measured]).toEqual([1, 2]);
  });

  it('knows the goals from the store and from saved (or imported) visits, each once, newest first', () => {
    const a = { id: 'talk-less', text: 'A', setAt: 300, fromVisitId: null };
    const b = { id: 'reflect-more', text: 'B', setAt: 100, fromVisitId: null };
    const visits = [fullVisit({ id: 'x', goal: b }), fullVisit({ id: 'y', goal: b }), fullVisit({ id: 'z', goal: undefined })];
    const once = (goal: typeof a) => ({ goal, firstSetAt: goal.setAt, timesSet: 1 });
    expect(knownGoals([a], visits)).toEqual([once(a), once(b)]);
    expect(knownGoals([a, b], [])).toEqual([once(a), once(b)]);
  });

  it('setting a goal that exists renews it: listed once at its newest setting, progress over every visit with it', () => {
    const first = { id: 'reflect-more', text: 'Reflect', setAt: 100, fromVisitId: null };
    const again = { ...first, setAt: 900 };
    const other = { id: 'talk-less', text: 'Talk less', setAt: 500, fromVisitId: null };
    const q = fullVisit().questions!;
    const visits = [
      fullVisit({ id: 'early', startedAt: 200, goal: first, questions: { ...q, reflectionToQuestion: 1.5 } }),
      fullVisit({ id: 'late', startedAt: 1000, goal: again, questions: { ...q, reflectionToQuestion: 0.2 } }),
    ];
    expect(knownGoals([first, other, again], visits)).toEqual([
      { goal: again, firstSetAt: 100, timesSet: 2 },
      { goal: other, firstSetAt: 500, timesSet: 1 },
    ]);
    const p = goalProgress(again, visits, TARGETS, LONG_TURN_S);
    expect(p.visits.map((r) => [r.visitId, r.result])).toEqual([
      ['early', 'met'],
      ['late', 'not-met'],
    ]);
  });
});
