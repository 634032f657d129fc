import { describe, expect, it } from 'vitest';
import { createCoach } from '../../../src/core/coach/coach';
import { NUDGE_WORDING } from '../../../src/core/coach/evidence';
import type { LiveTalk, Nudge, NudgeId } from '../../../src/core/session/schema';
import { DEFAULT_SETTINGS, type NudgeSettings } from '../../../src/core/settings/settings';
import { liveMetrics } from './live-metrics';

/**
 * Table-driven: each case is a timeline of live states (what the engine reports 4× a second,
 * here once a second) and the prompts the coach must raise, with their times.
 */

type Recent = NonNullable<LiveTalk['questions']>['recent'];

const metrics = liveMetrics;

function live(elapsedS: number, over: Partial<LiveTalk> = {}): LiveTalk {
  return { clinicianS: 0, patientS: 0, overlapS: 0, clinicianShare: null, elapsedS, speakingNow: 'patient', metrics: metrics(), ...over };
}

const questions = (recent: Recent): LiveTalk['questions'] => ({
  counts: { open: 0, closed: 0, reflections: 0, simpleReflections: 0, complexReflections: 0, other: 0, openShare: null, reflectionToQuestion: null },
  recent,
  status: { engine: 'moonshine', state: 'ready', message: null },
});

const gaze = (state: 'on-screen' | 'away' | 'down', awayForS: number): LiveTalk['gaze'] => ({ state, awayForS, nods: 0, onScreenWhilePatientSpeaksShare: null, message: null });

type Patch = Partial<NudgeSettings> | ((s: NudgeSettings) => void);

function settingsWith(patch?: Patch): NudgeSettings {
  const s = structuredClone(DEFAULT_SETTINGS.nudges);
  if (typeof patch === 'function') patch(s);
  else Object.assign(s, patch);
  return s;
}

/** One state per second from `fromS` to `toS` inclusive. */
const seconds = (fromS: number, toS: number, make: (t: number) => Partial<LiveTalk>) =>
  Array.from({ length: toS - fromS + 1 }, (_, i) => live(fromS + i, make(fromS + i)));

function run(states: LiveTalk[], patch?: Patch, quiet = false) {
  const coach = createCoach({ nudges: settingsWith(patch), quiet });
  const shown = states.map((s) => coach.update(s));
  return { shown, events: coach.events().map((e) => `${e.id}@${e.atS}`) };
}

/** A patient opening from 4 s; the clinician cuts in at `cutS` (interrupted) or takes the floor after it ends. */
function opening(cutS: number, interrupted: boolean, untilS = cutS + 20) {
  return seconds(0, untilS, (t) => {
    if (t < 4) return { speakingNow: 'none' };
    const o = { startS: 4, durationS: Math.min(t, cutS) - 4, ended: t >= cutS, interrupted: interrupted && t >= cutS, interruptedAfterS: interrupted && t >= cutS ? cutS - 4 : null };
    return { speakingNow: t < cutS ? 'patient' : 'clinician', metrics: metrics({ opening: o, floor: t < cutS ? 'patient' : 'clinician' }) };
  });
}

/** The clinician holds the floor from `startS` for `lengthS`, speaking throughout (or silent, holding the floor). */
function clinicianTurn(startS: number, lengthS: number, speakingNow: LiveTalk['speakingNow'] = 'clinician') {
  return seconds(startS, startS + lengthS, (t) => ({ speakingNow, metrics: metrics({ floor: 'clinician', currentTurnS: t - startS }) }));
}

function patientTurn(startS: number, lengthS: number) {
  return seconds(startS, startS + lengthS, (t) => ({ speakingNow: 'patient', metrics: metrics({ floor: 'patient', currentTurnS: t - startS }) }));
}

/** Talk totals where the clinician speaks `share` of each second, and speaks at the end of each 10 s. */
function steadyTalk(untilS: number, share: number) {
  return seconds(0, untilS, (t) => ({ clinicianS: t * share, patientS: t * (1 - share), speakingNow: t % 10 >= 5 ? 'clinician' : 'patient' }));
}

/** Utterances with their labels, one every 6 s from `fromS`, the clinician speaking when each ends. */
function utterances(labels: Recent[number]['label'][], fromS = 10, tailS = 10) {
  const recent: Recent = labels.map((label, i) => ({ label, endS: fromS + 6 * (i + 1) }));
  return seconds(fromS, fromS + 6 * labels.length + tailS, (t) => ({ speakingNow: 'patient', questions: questions(recent.filter((u) => u.endS <= t)) }));
}

function lookAway(state: 'away' | 'down', speakingNow: LiveTalk['speakingNow'], lengthS: number) {
  return seconds(0, lengthS, (t) => ({ speakingNow, gaze: gaze(state, t) }));
}

interface Case {
  name: string;
  states: LiveTalk[];
  settings?: Patch;
  quiet?: boolean;
  events: string[];
}

const CASES: Case[] = [
  // opening
  { name: 'opening: the clinician cuts in 8 s into the opening', states: opening(12, true), events: ['opening@12'] },
  { name: 'opening: the clinician took the floor 22 s in, after a pause (within 30 s)', states: opening(26, false), events: ['opening@26'] },
  { name: 'opening: the patient had 35 s before the clinician answered — no nudge', states: opening(39, false), events: [] },
  { name: 'opening: the cut-in came after withinS', states: opening(40, true), events: [] },
  { name: 'opening: a shorter withinS from settings', states: opening(12, true), settings: (s) => void (s.opening.withinS = 5), events: [] },
  { name: 'opening: switched off', states: opening(12, true), settings: (s) => void (s.opening.enabled = false), events: [] },
  // monologue
  { name: 'monologue: over 60 s while speaking', states: clinicianTurn(0, 70), events: ['monologue@61'] },
  { name: 'monologue: 60 s is not over 60 s', states: clinicianTurn(0, 60), events: [] },
  { name: 'monologue: threshold from settings', states: clinicianTurn(0, 70), settings: (s) => void (s.monologue.overS = 30), events: ['monologue@31'] },
  { name: 'monologue: never during a silence', states: clinicianTurn(0, 70, 'none'), events: [] },
  { name: 'monologue: one nudge per turn, even past the cooldown', states: clinicianTurn(0, 300), events: ['monologue@61'] },
  {
    name: 'monologue: a second long turn after the cooldown is nudged again',
    states: [...clinicianTurn(0, 70), ...patientTurn(71, 60), ...clinicianTurn(132, 70)],
    events: ['monologue@61', 'monologue@193'],
  },
  {
    name: 'monologue: a second long turn within the cooldown is not',
    states: [...clinicianTurn(0, 70), ...patientTurn(71, 10), ...clinicianTurn(82, 70)],
    events: ['monologue@61'],
  },
  { name: 'monologue: switched off', states: clinicianTurn(0, 70), settings: (s) => void (s.monologue.enabled = false), events: [] },
  // balance
  { name: 'balance: 70% over a full 5-minute window, raised while the clinician speaks', states: steadyTalk(320, 0.7), events: ['balance@305'] },
  { name: 'balance: 55% stays quiet', states: steadyTalk(600, 0.55), events: [] },
  { name: 'balance: never before the window is full', states: steadyTalk(290, 0.9), events: [] },
  { name: 'balance: window and limit from settings', states: steadyTalk(100, 0.45), settings: (s) => void Object.assign(s.balance, { windowS: 60, maxShare: 0.4 }), events: ['balance@65'] },
  { name: 'balance: repeats only after the cooldown', states: steadyTalk(600, 0.7), events: ['balance@305', 'balance@425', 'balance@545'] },
  {
    name: 'balance: a mostly silent window is not judged',
    states: seconds(0, 400, (t) => ({ clinicianS: t * 0.1, patientS: t * 0.01, speakingNow: 'clinician' })),
    events: [],
  },
  // closed questions (reflect off to see this rule alone)
  { name: 'closed: three in a row', states: utterances(['closed_question', 'closed_question', 'closed_question']), settings: (s) => void (s.reflect.enabled = false), events: ['closed-questions@28'] },
  { name: 'closed: small talk between them does not break the run', states: utterances(['closed_question', 'other', 'closed_question', 'closed_question']), settings: (s) => void (s.reflect.enabled = false), events: ['closed-questions@34'] },
  { name: 'closed: an open question breaks the run', states: utterances(['closed_question', 'closed_question', 'open_question', 'closed_question']), settings: (s) => void (s.reflect.enabled = false), events: [] },
  { name: 'closed: inARow from settings', states: utterances(['closed_question', 'closed_question', 'closed_question']), settings: (s) => Object.assign(s, { reflect: { ...s.reflect, enabled: false }, closedQuestions: { enabled: true, inARow: 4 } }), events: [] },
  // reflect (closed off)
  { name: 'reflect: two questions without a reflection', states: utterances(['open_question', 'open_question']), settings: (s) => void (s.closedQuestions.enabled = false), events: ['reflect@22'] },
  { name: 'reflect: a reflection between them', states: utterances(['open_question', 'reflection', 'open_question']), settings: (s) => void (s.closedQuestions.enabled = false), events: [] },
  {
    name: 'reflect: questions used by one nudge do not count again',
    states: utterances(['open_question', 'open_question', 'open_question', 'reflection', 'closed_question', 'open_question'], 10, 60),
    settings: (s) => Object.assign(s, { closedQuestions: { ...s.closedQuestions, enabled: false }, cooldownS: 10, minGapS: 0 }),
    events: ['reflect@22', 'reflect@46'],
  },
  // gaze
  { name: 'gaze: away for over 8 s while the patient speaks', states: lookAway('away', 'patient', 12), events: ['gaze@9'] },
  { name: 'gaze: looking down (charting) counts too', states: lookAway('down', 'patient', 12), events: ['gaze@9'] },
  { name: 'gaze: never while the clinician speaks', states: lookAway('away', 'clinician', 30), events: [] },
  { name: 'gaze: never during a silence', states: lookAway('away', 'none', 30), events: [] },
  { name: 'gaze: threshold from settings', states: lookAway('away', 'patient', 12), settings: (s) => void (s.gaze.awayS = 3), events: ['gaze@4'] },
  // global
  { name: 'quiet mode raises nothing', states: clinicianTurn(0, 70), quiet: true, events: [] },
  {
    name: 'one at a time, highest priority first; the next waits for minGapS after it goes',
    // A monologue and three closed questions at once: the monologue first; it shows 20 s, then 30 s of gap.
    states: seconds(0, 150, (t) => ({
      speakingNow: 'clinician',
      metrics: metrics({ floor: 'clinician', currentTurnS: t }),
      questions: questions([60, 62, 64].filter((e) => e <= t).map((endS) => ({ label: 'closed_question', endS }))),
    })),
    settings: (s) => void (s.reflect.enabled = false),
    // the closed run ended at 64 s: by 111 s (61 + 20 + 30) it is stale, so nothing follows
    events: ['monologue@61'],
  },
  {
    name: 'a fresh situation after the gap is raised',
    states: [...clinicianTurn(0, 65), ...seconds(66, 140, (t) => ({ speakingNow: 'patient', gaze: gaze('away', t - 66) }))],
    // monologue at 61 shows until its turn ends at 66, then 30 s gap → 96; the look-away began at 66, so it is still going
    events: ['monologue@61', 'gaze@96'],
  },
];

describe('coach rules (table)', () => {
  it.each(CASES)('$name', ({ states, settings, quiet, events }) => {
    expect(run(states, settings, quiet).events).toEqual(events);
  });
});

describe('coach lifecycle', () => {
  const idsShown = (shown: (Nudge | null)[]) => shown.map((n) => n?.id ?? '-');

  it('a nudge carries its text, reason with the figures, source and time', () => {
    const { shown } = run(opening(12, true));
    expect(shown[12]).toEqual({
      id: 'opening',
      text: 'Let the patient finish their opening',
      reason: 'You took the floor 8 s into the patient’s opening statement, while they were still speaking.',
      source: NUDGE_WORDING.opening.source,
      raisedAtS: 12,
    });
    expect(NUDGE_WORDING.opening.source).toMatch(/Marvel.*1999.*Singh Ospina.*2019.*Langewitz.*2002/);
  });

  it('shows for 20 s when nothing resolves it', () => {
    const { shown } = run(opening(12, true, 40));
    expect(idsShown(shown).filter((id) => id === 'opening')).toHaveLength(20);
    expect(shown[31]?.id).toBe('opening');
    expect(shown[32]).toBeNull();
  });

  it('goes away as soon as its situation ends (the clinician looks back)', () => {
    const states = [...lookAway('away', 'patient', 12), ...seconds(13, 20, () => ({ speakingNow: 'patient', gaze: gaze('on-screen', 0) }))];
    const { shown } = run(states);
    expect(idsShown(shown).slice(8, 15)).toEqual(['-', 'gaze', 'gaze', 'gaze', 'gaze', '-', '-']);
  });

  it('keeps the cooldowns of a restored session', () => {
    const coach = createCoach({ nudges: settingsWith(), events: [{ id: 'monologue', atS: 50 }] });
    const shown = clinicianTurn(100, 70).map((s) => coach.update(s));
    expect(shown.find((n) => n)?.raisedAtS).toBe(170); // 50 + 120 s cooldown
  });

  it('every kind has wording and a source', () => {
    const ids: NudgeId[] = ['opening', 'monologue', 'balance', 'closed-questions', 'reflect', 'gaze', 'agenda', 'permission', 'teach-back'];
    for (const id of ids) {
      expect(NUDGE_WORDING[id].text.length).toBeGreaterThan(5);
      expect(NUDGE_WORDING[id].source).toMatch(/\d{4}|MITI/);
    }
    expect(NUDGE_WORDING['closed-questions'].text).toBe('Try an open question');
    expect(NUDGE_WORDING.reflect.text).toBe('Reflect what you heard');
    expect(NUDGE_WORDING.agenda.source).toMatch(/Singh Ospina.*2019/);
    expect(NUDGE_WORDING.permission.source).toMatch(/MITI 4\.2\.1/);
    expect(NUDGE_WORDING['teach-back'].source).toMatch(/AHRQ.*Schillinger.*2003/);
  });
});
