/**
 * The listening behaviours (issue 16) as skills of a visit: how each is read from a saved visit,
 * its target and the evidence behind it. metrics.ts lists them with the other skills, so the
 * summary's table, the observations, the goals and the history's trends all read them the same way.
 *
 * A visit saved before the detector has no behaviour counts: every value here is then null (not
 * measured), never zero. Permission and teach-back only apply once advice or information was
 * given; without any, they are "not applicable" rather than missed.
 */
import type { BehaviourCounts, VisitSummary } from '../session/schema';
import { firstBehaviourS, visitBehaviourCounts } from '../behaviours/counts';
import type { Assessment, MetricDefinition, Targets } from './metrics';

/**
 * When the agenda should have been asked for by, s: the agenda nudge's own setting
 * (settings.nudges.agenda.byS) when the summary knows it, so the nudge and the summary agree.
 */
export const DEFAULT_AGENDA_WITHIN_S = 180;
export const agendaWithinS = (targets: Targets): number => targets.agendaWithinS ?? DEFAULT_AGENDA_WITHIN_S;
/** "3 min", "90 s": the agenda deadline as the summary, the observations and the goal say it. */
export function agendaWithinText(targets: Targets): string {
  const s = agendaWithinS(targets);
  return s % 60 === 0 ? `${s / 60} min` : `${s} s`;
}

export const AGENDA_EVIDENCE =
  'Asking early “Is there anything else you’d like to talk about today?” lets the patient’s whole agenda shape the visit; clinicians did so in only 36% of visits (Singh Ospina et al., J Gen Intern Med 2019).';
export const PERMISSION_EVIDENCE =
  'Share of your advice or information that came after asking permission. MITI 4.2.1: advice after asking is MI-adherent (“persuade with permission”); advice without asking counts as “persuade”, MI-inconsistent.';
export const TEACH_BACK_EVIDENCE =
  'After giving information, ask the patient to say it back in their own words (teach-back: AHRQ Health Literacy Universal Precautions Toolkit, 2nd ed. 2015).';
export const AFFIRMATION_EVIDENCE = 'Affirming the patient’s efforts and strengths. MITI 4.2.1 counts affirmations as MI-adherent; it sets no number per visit.';
export const SUMMARY_EVIDENCE =
  'Gathering several things the patient said. MITI 4.2.1 codes a summary as a complex reflection, so each is also counted in your reflections per question.';

/** Advice or information given, with or without asking first (a permission-ask precedes advice). */
export function adviceMoments(counts: BehaviourCounts): number {
  return counts.permission + counts.advice_without_permission;
}

/**
 * Utterances of a saved visit that gave advice or information: the live pipeline's count when the
 * visit saved it, raised by a correction that adds unasked advice; on older visits approximated by
 * `adviceMoments`. Null when the visit did not measure behaviours.
 */
export function visitAdviceGiven(visit: Pick<VisitSummary, 'questions' | 'adviceGiven'>): number | null {
  const counts = visitBehaviourCounts(visit);
  if (!counts) return null;
  return visit.adviceGiven === undefined ? adviceMoments(counts) : Math.max(visit.adviceGiven, counts.advice_without_permission);
}

const NO_ADVICE = 'you gave no advice or information';
/** Why a measured visit has no permission share: no permission-ask and no unasked advice (the share's denominator). */
function noPermissionReason(visit: VisitSummary): string | null {
  const counts = visitBehaviourCounts(visit);
  return counts && adviceMoments(counts) === 0 ? NO_ADVICE : null;
}
/** Why teach-back did not apply: no advice or information was given at all. */
function noAdviceReason(visit: VisitSummary): string | null {
  return visitAdviceGiven(visit) === 0 ? NO_ADVICE : null;
}

/** When the clinician first asked for the agenda, s; null when never (or not measured). */
export function firstAgendaS(visit: VisitSummary): number | null {
  return visitBehaviourCounts(visit) ? firstBehaviourS(visit.utterances ?? [], 'agenda') : null;
}

/** Met when the agenda was asked for by agendaWithinS; a later ask is not yet "early". */
function judgeAgenda(visit: VisitSummary, targets: Targets): Assessment {
  if (!visitBehaviourCounts(visit)) return 'unknown';
  const first = firstAgendaS(visit);
  return first !== null && first <= agendaWithinS(targets) ? 'met' : 'not-met';
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

export const BEHAVIOUR_METRICS: readonly MetricDefinition[] = [
  {
    id: 'agenda',
    label: 'Asked for the patient’s whole agenda',
    unit: 'yes-no',
    better: 'higher',
    value: (v) => {
      const counts = visitBehaviourCounts(v);
      return counts ? (counts.agenda > 0 ? 1 : 0) : null;
    },
    target: () => ({ kind: 'at-least', value: 1 }),
    targetText: (t) => `Once, in the first ${agendaWithinText(t)}`,
    judge: judgeAgenda,
    detail: (v) => {
      const first = firstAgendaS(v);
      return first === null ? null : `first at ${clock(first)}`;
    },
    evidence: AGENDA_EVIDENCE,
  },
  {
    id: 'permission',
    label: 'Asked permission before advising',
    unit: 'share',
    better: 'higher',
    value: (v) => {
      const counts = visitBehaviourCounts(v);
      return counts && adviceMoments(counts) > 0 ? counts.permission / adviceMoments(counts) : null;
    },
    target: () => ({ kind: 'at-least', value: 1 }),
    targetText: () => 'Every time',
    notApplicable: noPermissionReason,
    detail: (v) => {
      const counts = visitBehaviourCounts(v);
      return counts && adviceMoments(counts) > 0 ? `${counts.permission} of ${adviceMoments(counts)}` : null;
    },
    evidence: PERMISSION_EVIDENCE,
  },
  {
    id: 'teach-back',
    label: 'Checked understanding (teach-back)',
    unit: 'count',
    better: 'higher',
    value: (v) => {
      const counts = visitBehaviourCounts(v);
      return counts && (visitAdviceGiven(v) ?? 0) > 0 ? counts.teach_back : null;
    },
    target: () => ({ kind: 'at-least', value: 1 }),
    targetText: () => 'At least once after giving information',
    notApplicable: noAdviceReason,
    evidence: TEACH_BACK_EVIDENCE,
  },
  {
    id: 'affirmations',
    label: 'Affirmations',
    unit: 'count',
    better: 'higher',
    value: (v) => visitBehaviourCounts(v)?.affirmation ?? null,
    target: () => null,
    evidence: AFFIRMATION_EVIDENCE,
  },
  {
    id: 'summaries',
    label: 'Summaries',
    unit: 'count',
    better: 'higher',
    value: (v) => visitBehaviourCounts(v)?.summary ?? null,
    target: () => null,
    evidence: SUMMARY_EVIDENCE,
  },
];
