/**
 * Eight made-up visits over three weeks in which a clinician gets better at leaving room for
 * the patient: for importing through the History page and for the screenshots. Every figure is
 * consistent with its own segments and utterances, so the import's validation accepts them.
 */
import { countQuestions } from '../../src/core/speech/question-counts';
import type { Behaviour } from '../../src/core/behaviours/labels';
import type { Goal, Interval, LabelledUtterance, TimelineBin, VisitSummary } from '../../src/core/session/schema';

const DAY_MS = 86_400_000;
const DURATION_S = 720;

/** Alternating turns: the clinician speaks `youS`, then the patient `patientS`, until the visit ends. */
function turns(youS: number, patientS: number, openingS: number): { clinician: Interval[]; patient: Interval[] } {
  const clinician: Interval[] = [[0, 6]];
  const patient: Interval[] = [[7, 7 + openingS]];
  for (let t = 8 + openingS; t < DURATION_S - 5; ) {
    const a = t;
    const b = Math.min(DURATION_S, a + youS);
    clinician.push([a, b]);
    const c = b + 1;
    const d = Math.min(DURATION_S, c + patientS);
    if (c < d) patient.push([c, d]);
    t = d + 1;
  }
  return { clinician, patient };
}

const total = (xs: Interval[]) => xs.reduce((s, [a, b]) => s + (b - a), 0);

function bins(seg: { clinician: Interval[]; patient: Interval[] }): TimelineBin[] {
  const out: TimelineBin[] = [];
  for (let m = 0; m * 60 < DURATION_S; m++) {
    const inMinute = (xs: Interval[]) => xs.reduce((s, [a, b]) => s + Math.max(0, Math.min(b, (m + 1) * 60) - Math.max(a, m * 60)), 0);
    const c = inMinute(seg.clinician);
    const p = inMinute(seg.patient);
    out.push({ startS: m * 60, clinicianS: c, patientS: p, clinicianShare: c + p > 0 ? c / (c + p) : null });
  }
  return out;
}

/** `open` open and `closed` closed questions and `reflections` reflections from 10 s on (the second is always closed). */
function utterances(open: number, closed: number, reflections: number): LabelledUtterance[] {
  const labels: LabelledUtterance['label'][] = ['open_question', 'closed_question'];
  for (let i = 1; i < open; i++) labels.push('open_question');
  for (let i = 1; i < closed; i++) labels.push('closed_question');
  for (let i = 0; i < reflections; i++) labels.push('reflection');
  labels.push('other');
  // A reflection after each question while they last, so the timeline reads like a conversation.
  const rest = labels.slice(2);
  const questions = rest.filter((l) => l !== 'reflection');
  const saidBack = rest.filter((l) => l === 'reflection');
  const ordered: LabelledUtterance['label'][] = [labels[0]!, labels[1]!];
  while (questions.length || saidBack.length) {
    if (saidBack.length) ordered.push(saidBack.shift()!);
    if (questions.length) ordered.push(questions.shift()!);
  }
  // Spread over the visit: at most 40 s apart, all before its end.
  const stepS = Math.min(40, Math.floor((DURATION_S - 30) / ordered.length));
  return ordered.map((label, i) => ({
    id: `u${i + 1}`,
    startS: 10 + i * stepS,
    endS: 13 + i * stepS,
    label,
    confidence: 0.8,
    ...(label === 'reflection' ? { reflectionType: i % 2 ? ('complex' as const) : ('simple' as const) } : {}),
  }));
}

/**
 * Listening behaviours (issue 16) for the visits made once Attune detected them (from the fourth
 * on; the first three were "saved before", so they show as not measured): an agenda ask, then
 * more affirmations and summaries, and advice asked for more often, visit by visit.
 */
function withBehaviours(utt: LabelledUtterance[], visit: number): LabelledUtterance[] {
  if (visit < 3) return utt;
  const plan: Record<number, Behaviour[]> = {
    1: visit >= 5 ? ['agenda'] : [],
    2: ['affirmation'],
    4: visit >= 4 ? ['summary'] : [],
    6: visit >= 6 ? ['permission'] : ['advice_without_permission'],
    8: visit >= 7 ? ['teach_back'] : ['advice_without_permission'],
    9: visit >= 6 ? ['affirmation'] : [],
  };
  return utt.map((u, i) => ({ ...u, behaviours: plan[i] ?? [] }));
}

export function richHistory(nowMs = Date.now()): VisitSummary[] {
  const goal: Goal = { id: 'open-questions', text: 'Make at least 50% of my questions open (“what…”, “how…”).', setAt: nowMs - 15 * DAY_MS, fromVisitId: 'history-2' };
  const plan = [
    { you: 38, patient: 14, opening: 9, interruptedAfter: 9, open: 3, closed: 8, refl: 2, interruptions: 5 },
    { you: 34, patient: 16, opening: 14, interruptedAfter: 12, open: 4, closed: 7, refl: 3, interruptions: 4 },
    { you: 30, patient: 18, opening: 22, interruptedAfter: 20, open: 4, closed: 6, refl: 4, interruptions: 4 },
    { you: 27, patient: 20, opening: 35, interruptedAfter: null, open: 6, closed: 5, refl: 5, interruptions: 3 },
    { you: 24, patient: 22, opening: 48, interruptedAfter: null, open: 7, closed: 4, refl: 6, interruptions: 2 },
    { you: 22, patient: 24, opening: 61, interruptedAfter: null, open: 7, closed: 3, refl: 8, interruptions: 2 },
    { you: 20, patient: 25, opening: 75, interruptedAfter: 70, open: 8, closed: 3, refl: 9, interruptions: 1 },
    { you: 18, patient: 26, opening: 88, interruptedAfter: null, open: 9, closed: 3, refl: 12, interruptions: 0 },
  ];
  const sites = [
    ['meet', 'meet.google.com'],
    ['zoom', 'clinic.zoom.us'],
    ['doxy', 'doxy.me'],
  ] as const;
  return plan.map((p, i) => {
    const segments = turns(p.you, p.patient, p.opening);
    const clinicianS = total(segments.clinician);
    const patientS = total(segments.patient);
    const utt = withBehaviours(utterances(p.open, p.closed, p.refl), i);
    const startedAt = nowMs - (21 - i * 3) * DAY_MS - 2 * 3600_000;
    const [site, host] = sites[i % sites.length]!;
    const longest = Math.max(...segments.clinician.map(([a, b]) => b - a));
    const gazeOn = i >= 3;
    return {
      schemaVersion: 1,
      engineVersion: 'talk-duplex-2',
      id: `history-${i}`,
      site,
      host,
      startedAt,
      endedAt: startedAt + DURATION_S * 1000,
      durationS: DURATION_S,
      clinicianS,
      patientS,
      overlapS: 4 + p.interruptions,
      clinicianShare: clinicianS / (clinicianS + patientS),
      segments,
      metrics: {
        turns: segments.clinician.length + segments.patient.length,
        turnsPerMin: (segments.clinician.length + segments.patient.length) / (DURATION_S / 60),
        interruptions: { clinician: p.interruptions, patient: 1 },
        backchannels: { clinician: 6 + i, patient: 3 },
        longestMonologueS: { clinician: longest, patient: Math.max(p.patient, p.opening) },
        clinicianLongMonologues: [],
        clinicianResponseLatencyS: 0.9 - i * 0.05,
        patientResponseLatencyS: 1.1,
        opening: { startS: 7, durationS: p.opening, ended: true, interrupted: p.interruptedAfter !== null, interruptedAfterS: p.interruptedAfter },
        floor: 'patient',
        currentTurnS: 5,
        recentClinicianShare: null,
        timeline: bins(segments),
      },
      utterances: utt,
      questions: countQuestions(utt),
      ...(gazeOn
        ? {
            gaze: {
              onScreenWhilePatientSpeaksShare: 0.6 + i * 0.04,
              longestLookAwayS: 14 - i,
              nods: 4 + i,
              nodTimesS: [40, 95, 180, 260],
              intervals: [
                { startS: 0, endS: 200, state: 'on-screen' as const },
                { startS: 200, endS: 215, state: 'down' as const },
                { startS: 215, endS: 430, state: 'on-screen' as const },
                { startS: 430, endS: 440, state: 'away' as const },
                { startS: 440, endS: DURATION_S, state: 'on-screen' as const },
              ],
              calibrated: true,
            },
          }
        : {}),
      nudges: i < 5 ? [{ id: 'closed-questions' as const, atS: 130 }, { id: 'balance' as const, atS: 400 }] : [{ id: 'reflect' as const, atS: 300 }],
      ...(i >= 3 ? { goal } : {}),
      remoteSource: 'tab-capture',
      endReason: 'hang-up',
      partial: false,
      privacyLocal: true,
    } satisfies VisitSummary;
  });
}
