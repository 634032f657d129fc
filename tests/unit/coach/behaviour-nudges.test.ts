import { describe, expect, it } from 'vitest';
import { recentVisitLengthsS, usualVisitLengthS, teachBackFromS } from '../../../src/core/coach/behaviour-rules';
import { createCoach } from '../../../src/core/coach/coach';
import type { Behaviour } from '../../../src/core/behaviours/labels';
import type { BehaviourCounts, LiveTalk } from '../../../src/core/session/schema';
import { DEFAULT_SETTINGS, type NudgeSettings } from '../../../src/core/settings/settings';
import { liveMetrics } from './live-metrics';

/** Timelines (one live state a second) and the prompts the coach must raise, with their times. */

type Recent = NonNullable<LiveTalk['questions']>['recent'];
const ZERO: BehaviourCounts = { summary: 0, affirmation: 0, agenda: 0, permission: 0, teach_back: 0, advice_without_permission: 0 };

const metrics = liveMetrics;

interface Said {
  endS: number;
  behaviours: Behaviour[];
  advice?: boolean;
}

/**
 * A visit of `untilS` s: the patient's opening from 5 s to `openingEndS` (null: none yet), then the
 * clinician speaks in the second half of each 20 s; `said` are the clinician's utterances.
 */
function visit(untilS: number, said: Said[], openingEndS: number | null = 60): LiveTalk[] {
  return Array.from({ length: untilS + 1 }, (_, t) => {
    const done = said.filter((u) => u.endS <= t);
    const counts = { ...ZERO };
    for (const u of done) for (const b of u.behaviours) counts[b]++;
    const recent: Recent = done.slice(-10).map((u) => ({ label: 'other', endS: u.endS, behaviours: u.behaviours }));
    const inOpening = openingEndS !== null && t >= 5 && t < openingEndS;
    const opening = openingEndS === null || t < 5 ? null : { startS: 5, durationS: Math.min(t, openingEndS) - 5, ended: t >= openingEndS, interrupted: false, interruptedAfterS: null };
    const speakingNow = inOpening || t < 5 || t % 20 < 10 ? 'patient' : 'clinician';
    return {
      clinicianS: t * 0.4,
      patientS: t * 0.6,
      overlapS: 0,
      clinicianShare: 0.4,
      elapsedS: t,
      speakingNow,
      metrics: metrics({ opening, floor: speakingNow === 'clinician' ? 'clinician' : 'patient' }),
      questions: {
        counts: { open: 0, closed: 0, reflections: 0, simpleReflections: 0, complexReflections: 0, other: done.length, openShare: null, reflectionToQuestion: null, behaviours: counts },
        recent,
        adviceGiven: done.filter((u) => u.advice).length,
        status: { engine: 'moonshine', state: 'ready', message: null },
      },
    } satisfies LiveTalk;
  });
}

/** Only the behaviour nudges, so the talk nudges never take their turn. */
function onlyBehaviourNudges(patch: (s: NudgeSettings) => void = () => undefined): NudgeSettings {
  const s = structuredClone(DEFAULT_SETTINGS.nudges);
  for (const k of ['opening', 'monologue', 'balance', 'closedQuestions', 'reflect', 'gaze'] as const) s[k].enabled = false;
  patch(s);
  return s;
}

function run(states: LiveTalk[], settings = onlyBehaviourNudges(), usualVisitS: number | null = null) {
  const coach = createCoach({ nudges: settings, usualVisitS });
  const shown = states.map((s) => coach.update(s));
  return { shown, events: coach.events().map((e) => `${e.id}@${e.atS}`) };
}

describe('agenda nudge', () => {
  it('no agenda elicitation by minute 3: raised at 3 min, when the clinician next speaks', () => {
    expect(run(visit(240, [])).events).toEqual(['agenda@190']);
  });
  it('not when the agenda was asked for (at any time before)', () => {
    expect(run(visit(240, [{ endS: 100, behaviours: ['agenda'] }])).events).toEqual([]);
  });
  it('never while the patient’s opening lasts (it waits for its end), nor without one', () => {
    expect(run(visit(229, [], 230)).events).toEqual([]);
    expect(run(visit(240, [], 230)).events).toEqual(['agenda@230']);
    expect(run(visit(240, [], null)).events).toEqual([]);
  });
  it('goes away once the clinician asks, and is raised once per visit', () => {
    const { shown, events } = run(visit(900, [{ endS: 195, behaviours: ['agenda'] }]));
    expect(events).toEqual(['agenda@190']);
    expect(shown[194]?.id).toBe('agenda');
    expect(shown[196]).toBeNull();
  });
  it('threshold and switch from settings', () => {
    expect(run(visit(240, []), onlyBehaviourNudges((s) => void (s.agenda.byS = 120))).events).toEqual(['agenda@130']);
    expect(run(visit(240, []), onlyBehaviourNudges((s) => void (s.agenda.enabled = false))).events).toEqual([]);
  });
  it('needs speech-to-text with the detector (no behaviour counts: nothing)', () => {
    const states = visit(240, []).map((s) => ({ ...s, questions: { ...s.questions!, counts: { ...s.questions!.counts, behaviours: undefined } } }));
    expect(run(states).events).toEqual([]);
  });
});

describe('permission nudge', () => {
  const agendaDone: Said = { endS: 70, behaviours: ['agenda'] };
  it('raised right after advice without permission, once per piece of advice', () => {
    const said = [agendaDone, { endS: 100, behaviours: ['advice_without_permission'] as Behaviour[], advice: true }];
    expect(run(visit(200, said)).events).toEqual(['permission@100']);
  });
  it('not for advice after a permission-ask', () => {
    const said = [agendaDone, { endS: 90, behaviours: ['permission'] as Behaviour[] }, { endS: 100, behaviours: [], advice: true }];
    expect(run(visit(200, said)).events).toEqual([]);
  });
  it('a second piece of advice after the cooldown is prompted again; one within it is not', () => {
    const awp = (endS: number): Said => ({ endS, behaviours: ['advice_without_permission'], advice: true });
    expect(run(visit(400, [agendaDone, awp(100), awp(150), awp(300)])).events).toEqual(['permission@100', 'permission@300']);
  });
  it('stale advice (older than 20 s by the time anyone speaks) is not prompted', () => {
    const said = [agendaDone, { endS: 100, behaviours: ['advice_without_permission'] as Behaviour[], advice: true }];
    const quietAfter = visit(200, said).map((s) => (s.elapsedS >= 100 && s.elapsedS < 125 ? { ...s, speakingNow: 'none' as const } : s));
    expect(run(quietAfter).events).toEqual([]);
  });
  it('switched off', () => {
    const said = [agendaDone, { endS: 100, behaviours: ['advice_without_permission'] as Behaviour[], advice: true }];
    expect(run(visit(200, said), onlyBehaviourNudges((s) => void (s.permission.enabled = false))).events).toEqual([]);
  });
});

describe('teach-back nudge', () => {
  const agendaDone: Said = { endS: 70, behaviours: ['agenda'] };
  const advice: Said = { endS: 300, behaviours: ['permission'], advice: true };
  it('after 10 min (default), once advice was given and no teach-back yet, while the clinician speaks', () => {
    expect(run(visit(700, [agendaDone, advice])).events).toEqual(['teach-back@610']);
  });
  it('not without advice or information, nor after a teach-back', () => {
    expect(run(visit(700, [agendaDone])).events).toEqual([]);
    expect(run(visit(700, [agendaDone, advice, { endS: 500, behaviours: ['teach_back'] }])).events).toEqual([]);
  });
  it('goes away when the clinician checks understanding', () => {
    const { shown } = run(visit(700, [agendaDone, advice, { endS: 615, behaviours: ['teach_back'] }]));
    expect(shown[612]?.id).toBe('teach-back');
    expect(shown[616]).toBeNull();
  });
  it('with a known usual visit length: from 70% of it', () => {
    expect(run(visit(700, [agendaDone, advice]), onlyBehaviourNudges(), 500).events).toEqual(['teach-back@350']);
  });
  it('threshold and switch from settings', () => {
    expect(run(visit(700, [agendaDone, advice]), onlyBehaviourNudges((s) => void (s.teachBack.afterS = 400))).events).toEqual(['teach-back@410']);
    expect(run(visit(700, [agendaDone, advice]), onlyBehaviourNudges((s) => void (s.teachBack.enabled = false))).events).toEqual([]);
  });
});

describe('one nudge at a time', () => {
  it('the permission prompt waits for the agenda prompt to go, then the minimum gap', () => {
    const said: Said[] = [{ endS: 195, behaviours: ['advice_without_permission'], advice: true }];
    const { events } = run(visit(400, said));
    // agenda@190 shows for 20 s; the advice at 195 is stale by the time it has gone (+ 30 s gap)
    expect(events).toEqual(['agenda@190']);
  });
});

describe('usual visit length', () => {
  it('is the median of recent visits, unknown with fewer than three', () => {
    expect(usualVisitLengthS([600, 900])).toBeNull();
    expect(usualVisitLengthS([900, 600, 1200])).toBe(900);
    expect(usualVisitLengthS([600, 900, 1200, 1500])).toBe(1050);
    expect(teachBackFromS(DEFAULT_SETTINGS.nudges, null)).toBe(600);
    expect(teachBackFromS(DEFAULT_SETTINGS.nudges, 1000)).toBe(700);
  });
  it('from the last ten complete visits of at least 2 minutes', () => {
    const visits = [{ durationS: 30, partial: false }, { durationS: 800, partial: true }, ...Array.from({ length: 12 }, (_, i) => ({ durationS: 600 + i, partial: false }))];
    expect(recentVisitLengthsS(visits)).toEqual([600, 601, 602, 603, 604, 605, 606, 607, 608, 609]);
  });
});
