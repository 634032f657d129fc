import { describe, expect, it } from 'vitest';
import { goalProgress } from '../../../src/core/history/goals';
import { metricById } from '../../../src/core/history/metrics';
import { metricSeries } from '../../../src/core/history/trends';
import { isTooShortToScore, MIN_SCORED_VISIT_S } from '../../../src/core/history/too-short';
import type { VisitSummary } from '../../../src/core/session/schema';
import { DEFAULT_CONTEXT } from '../../../src/ui/summary/actions';
import { SummaryApp } from '../../../src/ui/summary/SummaryApp';
import { mount } from './dom';
import { talkMetrics, visit } from './fixtures';

/**
 * Issue 19.2: visits of 3–8 s got a full skills table ("talk share 100% Not yet", "open questions
 * 100% Met", "19.5 turns per minute") and led the history ("Latest 100%"). They are saved, said to
 * be too short to score, and left out of the skills, the trends and the goals.
 */
const goal = { id: 'talk-less', text: 'Keep my share of talk time at or under 60%.', setAt: 1, fromVisitId: null };
const short: VisitSummary = visit({
  id: 'short',
  durationS: 6,
  clinicianS: 6,
  patientS: 0,
  clinicianShare: 1,
  startedAt: new Date(2025, 2, 15, 9, 0).getTime(),
  endedAt: new Date(2025, 2, 15, 9, 0, 6).getTime(),
  segments: { clinician: [[0, 6]], patient: [] },
  metrics: talkMetrics({ turns: 2, turnsPerMin: 19.5, opening: null, timeline: [] }),
  questions: { open: 1, closed: 0, reflections: 0, simpleReflections: 0, complexReflections: 0, other: 0, openShare: 1, reflectionToQuestion: 0 },
  goal,
});
const long = visit({ id: 'long', goal });

describe('a visit too short to score', () => {
  it('is recognised by its length and speech', () => {
    expect(isTooShortToScore(short)).toBe(true);
    expect(isTooShortToScore(long)).toBe(false);
    expect(isTooShortToScore({ durationS: MIN_SCORED_VISIT_S, clinicianS: 15, patientS: 10 })).toBe(false);
    expect(isTooShortToScore({ durationS: 300, clinicianS: 5, patientS: 5 })).toBe(true);
  });

  it('its summary says so plainly, with no skills table, observations or goal suggestions', () => {
    const c = mount(<SummaryApp visits={[short]} selectedId="short" onSelect={() => {}} loading={false} message={null} context={DEFAULT_CONTEXT} />);
    const text = c.textContent ?? '';
    expect(text).toMatch(/Too short to score/);
    expect(text).toMatch(/left out of your trends and goals/);
    expect(text).not.toMatch(/Skills at a glance|Observations|Met|Not yet/);
    expect(text).not.toMatch(/19\.5/);
    // Its times are kept.
    expect(text).toMatch(/Talk time/);
  });

  it('is left out of the trends and of goal progress', () => {
    const share = metricSeries([short, long], metricById('clinician-share'));
    expect(share.map((p) => p.visitId)).toEqual(['long']);
    expect(metricSeries([short], metricById('open-share'))).toEqual([]);
    const p = goalProgress(goal, [short, long], DEFAULT_CONTEXT.targets, DEFAULT_CONTEXT.longTurnS);
    expect(p.measured).toBe(1);
    const c = mount(<SummaryApp visits={[short, long]} view="history" selectedId={null} onSelect={() => {}} loading={false} message={null} context={DEFAULT_CONTEXT} />);
    expect(c.textContent).not.toMatch(/Latest 100%/);
    expect(c.textContent).toMatch(/too short to score/);
  });
});
