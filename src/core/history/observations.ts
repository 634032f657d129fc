/**
 * Two or three sentences after a visit, written from its numbers: one strength, one thing to try
 * next time, and a second strength when there is one. Nothing is said about a metric the visit
 * did not measure, and nothing is praised that missed its target.
 */
import type { VisitSummary } from '../session/schema';
import { assess, metricById, openingJudgement, type MetricId, type Targets } from './metrics';
import { visitQuestionFigures, type QuestionFigures } from '../questions/estimate';
import { adviceMoments, agendaWithinText, firstAgendaS } from './behaviour-metrics';
import { visitBehaviourCounts } from '../behaviours/counts';

export interface Observation {
  kind: 'strength' | 'try';
  metric: MetricId;
  text: string;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;
const secs = (s: number) => (s >= 90 ? `${Math.floor(s / 60)} min ${String(Math.round(s % 60)).padStart(2, '0')} s` : `${Math.round(s)} s`);
const ratio = (r: number) => r.toFixed(1);
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
/** Whole counts as they are; estimated (fractional) counts with one decimal and said to be estimates. */
const questionsOpen = (q: QuestionFigures) =>
  q.estimated ? `an estimated ${q.open.toFixed(1)} of ${(q.open + q.closed).toFixed(1)}` : `${q.open} of ${q.open + q.closed}`;
const reflectionCount = (q: QuestionFigures) => (q.estimated ? `an estimated ${q.reflections.toFixed(1)} reflections` : `${q.reflections} reflections`);
const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

/**
 * Which metrics to talk about first: the opening and the agenda shape the whole visit, then the
 * questions, which matter most to patients' stories; advice-giving skills come last. Affirmations
 * and summaries have no target, so they are neither praised nor asked for.
 */
const ORDER: readonly MetricId[] = ['opening', 'agenda', 'open-share', 'reflection-to-question', 'clinician-share', 'interruptions', 'longest-turn', 'permission', 'teach-back'];

function strengthText(id: MetricId, visit: VisitSummary, targets: Targets, longTurnS: number): string {
  const q = visitQuestionFigures(visit);
  const m = visit.metrics;
  switch (id) {
    case 'opening':
      return m!.opening!.ended
        ? `You let the patient finish their opening statement (${secs(m!.opening!.durationS)}) without taking the floor early.`
        : `You let the patient speak without taking the floor (${secs(m!.opening!.durationS)}, still going when the visit ended).`;
    case 'open-share':
      return `${pct(q!.openShare!)} of your questions were open (${questionsOpen(q!)}), at or above your ${pct(targets.openShareMin)} target.`;
    case 'reflection-to-question':
      return `You reflected ${ratio(q!.reflectionToQuestion!)} times per question (${reflectionCount(q!)}), meeting your target of ${ratio(targets.reflectionToQuestionMin)}.`;
    case 'clinician-share':
      return `You spoke ${pct(visit.clinicianShare!)} of the time, leaving the patient room to talk (target: ${pct(targets.clinicianShareMax)} or less).`;
    case 'interruptions':
      return 'You did not interrupt the patient once.';
    case 'longest-turn':
      return `Your longest turn was ${secs(m!.longestMonologueS.clinician)}, within ${secs(longTurnS)}: you kept explanations short.`;
    default:
      return behaviourStrengthText(id, visit);
  }
}

/** Strengths in the listening behaviours (issue 16); '' for a metric that is never praised. */
function behaviourStrengthText(id: MetricId, visit: VisitSummary): string {
  const b = visitBehaviourCounts(visit)!;
  switch (id) {
    case 'agenda':
      return `You asked early what else was on the patient’s mind (at ${clock(firstAgendaS(visit)!)}), so their whole agenda could shape the visit.`;
    case 'permission':
      return `You asked permission before giving advice or information (${b.permission} of ${adviceMoments(b)}).`;
    case 'teach-back':
      return `After giving information you checked understanding in the patient’s own words (teach-back, ${times(b.teach_back)}).`;
    default:
      return '';
  }
}

function tryText(id: MetricId, visit: VisitSummary, targets: Targets, longTurnS: number): string {
  const q = visitQuestionFigures(visit);
  const m = visit.metrics;
  switch (id) {
    case 'opening': {
      const { verdict, tookFloorAfterS } = openingJudgement(visit, targets)!;
      const after = tookFloorAfterS === null ? '' : secs(tookFloorAfterS);
      const what =
        verdict === 'cut-short-after-pause'
          ? `You took the floor ${after} into the patient’s opening statement, after a short pause`
          : `You spoke over the patient’s opening statement${after && ` after ${after}`}`;
      return `${what}. Next time, let it run until they stop (a pause or “Anything else?” helps): most patients finish within two minutes.`;
    }
    case 'open-share':
      return `${pct(q!.openShare!)} of your questions were open (${questionsOpen(q!)}). Try starting with “what” or “how”, e.g. “What worries you most about this?”, to reach ${pct(targets.openShareMin)}.`;
    case 'reflection-to-question':
      return `You reflected ${ratio(q!.reflectionToQuestion!)} times per question. After the patient answers, try saying back what you heard before asking the next question (target: ${ratio(targets.reflectionToQuestionMin)}).`;
    case 'clinician-share':
      return `You spoke ${pct(visit.clinicianShare!)} of the time, above your ${pct(targets.clinicianShareMax)} target. Try pausing after a question and letting the silence work.`;
    case 'interruptions':
      return `You took the floor while the patient was speaking ${times(m!.interruptions.clinician)}. Try waiting a breath after they stop before you answer.`;
    case 'longest-turn':
      return `Your longest turn lasted ${secs(m!.longestMonologueS.clinician)}. Try breaking information into chunks of under ${secs(longTurnS)} and asking what the patient makes of it.`;
    default:
      return behaviourTryText(id, visit, targets);
  }
}

/** Things to try in the listening behaviours (issue 16). */
function behaviourTryText(id: MetricId, visit: VisitSummary, targets: Targets): string {
  const b = visitBehaviourCounts(visit)!;
  const within = agendaWithinText(targets);
  switch (id) {
    case 'agenda': {
      const first = firstAgendaS(visit);
      return first === null
        ? `You did not ask what else was on the patient’s mind. In the first ${within}, try “Is there anything else you’d like to talk about today?”`
        : `You asked what else was on the patient’s mind at ${clock(first)}. Next time ask within the first ${within}, so that concerns do not surface only at the end.`;
    }
    case 'permission':
      return `You gave advice or information without asking first ${times(b.advice_without_permission)}. Try “Would it be OK if I shared some information about…?” before advising.`;
    case 'teach-back':
      return 'You gave information but did not check understanding. Before the end, try “To make sure I explained it clearly, can you tell me in your own words…?”';
    default:
      return '';
  }
}

/** One strength and one thing to try (each when the numbers support it), and a second strength if there is one. */
export function observeVisit(visit: VisitSummary, targets: Targets, longTurnS: number): Observation[] {
  const met: MetricId[] = [];
  const missed: MetricId[] = [];
  for (const id of ORDER) {
    const a = assess(metricById(id), visit, targets, longTurnS);
    if (a === 'met') met.push(id);
    else if (a === 'not-met') missed.push(id);
  }
  const out: Observation[] = [];
  if (met[0]) out.push({ kind: 'strength', metric: met[0], text: strengthText(met[0], visit, targets, longTurnS) });
  if (missed[0]) out.push({ kind: 'try', metric: missed[0], text: tryText(missed[0], visit, targets, longTurnS) });
  if (met[1]) out.push({ kind: 'strength', metric: met[1], text: strengthText(met[1], visit, targets, longTurnS) });
  return out;
}
