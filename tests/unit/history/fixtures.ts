/** A saved visit with every optional part, and helpers to vary it. Known answers are worked out by hand in each test. */
import type { LabelledUtterance, TalkMetrics, VisitSummary } from '../../../src/core/session/schema';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { countQuestions } from '../../../src/core/speech/question-counts';

export const TARGETS = DEFAULT_SETTINGS.targets;
export const LONG_TURN_S = 60;

export function metrics(over: Partial<TalkMetrics> = {}): TalkMetrics {
  return {
    turns: 20,
    turnsPerMin: 2,
    interruptions: { clinician: 2, patient: 1 },
    backchannels: { clinician: 4, patient: 2 },
    longestMonologueS: { clinician: 45, patient: 80 },
    clinicianLongMonologues: [],
    clinicianResponseLatencyS: 0.8,
    patientResponseLatencyS: 1,
    opening: { startS: 3, durationS: 40, ended: true, interrupted: false, interruptedAfterS: null },
    floor: 'patient',
    currentTurnS: 3,
    recentClinicianShare: 0.5,
    timeline: [],
    ...over,
  };
}

export const utt = (id: string, label: LabelledUtterance['label'], startS: number, extra: Partial<LabelledUtterance> = {}): LabelledUtterance => ({
  id,
  startS,
  endS: startS + 2,
  label,
  confidence: 0.9,
  ...extra,
});

export function fullVisit(over: Partial<VisitSummary> = {}): VisitSummary {
  return {
    schemaVersion: 1,
    engineVersion: 'talk-duplex-2',
    id: 'v1',
    site: 'meet',
    host: 'meet.google.com',
    startedAt: Date.UTC(2025, 2, 14, 9, 5),
    endedAt: Date.UTC(2025, 2, 14, 9, 15),
    durationS: 600,
    clinicianS: 240,
    patientS: 300,
    overlapS: 10,
    clinicianShare: 240 / 540,
    segments: { clinician: [[0, 100]], patient: [[100, 200]] },
    metrics: metrics(),
    // 3 open, 1 closed → 75% open; 2 reflections (1 simple, 1 complex) → R:Q 0.5.
    utterances: [
      utt('u1', 'open_question', 10),
      utt('u2', 'closed_question', 50),
      utt('u3', 'reflection', 90, { reflectionType: 'simple' }),
      utt('u4', 'open_question', 130),
      utt('u5', 'reflection', 170, { reflectionType: 'complex' }),
      utt('u6', 'open_question', 210),
      utt('u7', 'other', 250),
    ],
    questions: { open: 3, closed: 1, reflections: 2, simpleReflections: 1, complexReflections: 1, other: 1, openShare: 0.75, reflectionToQuestion: 0.5 },
    gaze: { onScreenWhilePatientSpeaksShare: 0.8, longestLookAwayS: 6, nods: 3, nodTimesS: [20, 40, 60], intervals: [{ startS: 0, endS: 600, state: 'on-screen' }], calibrated: true },
    nudges: [{ id: 'reflect', atS: 140 }],
    goal: { id: 'open-questions', text: 'Make at least 50% of my questions open.', setAt: Date.UTC(2025, 2, 13), fromVisitId: 'v0' },
    remoteSource: 'tab-capture',
    endReason: 'user',
    partial: false,
    privacyLocal: true,
    ...over,
  };
}

/**
 * fullVisit() measured by the behaviour detector (issue 16): every utterance carries `behaviours`
 * (empty unless given), and the counts are recomputed the way a correction recomputes them.
 * Default: an agenda ask at 0:10 (u1), an affirmation (u3), a summary (u5), a permission-ask (u6)
 * and advice without permission (u7); no teach-back.
 */
export function behaviourVisit(
  behaviours: Record<string, LabelledUtterance['behaviours']> = { u1: ['agenda'], u3: ['affirmation'], u5: ['summary'], u6: ['permission'], u7: ['advice_without_permission'] },
  over: Partial<VisitSummary> = {},
): VisitSummary {
  const base = fullVisit(over);
  const utterances = base.utterances!.map((u) => ({ ...u, behaviours: behaviours[u.id] ?? [] }));
  return { ...base, utterances, questions: countQuestions(utterances) };
}
