/**
 * The skills a visit is measured on, each with how to read it from a saved visit, which way is
 * better, the target it is compared against and the evidence behind that target. The summary's
 * metric table, the history's sparklines, the observations and the goals all read this one list.
 */
import type { Settings } from '../settings/settings';
import type { VisitSummary } from '../session/schema';
import { isTooShortToScore } from './too-short';
import { figuresNote, visitQuestionFigures } from '../questions/estimate';
import { DEFAULT_OPENING_WITHIN_S, judgeOpening, type OpeningJudgement } from '../coach/opening';
import { BEHAVIOUR_METRICS } from './behaviour-metrics';

export const METRIC_IDS = [
  'opening',
  'clinician-share',
  'open-share',
  'reflection-to-question',
  'interruptions',
  'longest-turn',
  'gaze',
  // Listening behaviours (issue 16): behaviour-metrics.ts.
  'agenda',
  'permission',
  'teach-back',
  'affirmations',
  'summaries',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/** How a value is shown: a share (0–1), seconds, a ratio, a whole count, or yes (1) / no (0). */
export type MetricUnit = 'share' | 'seconds' | 'ratio' | 'count' | 'yes-no';

/**
 * The clinician's targets; `openingWithinS` (settings.nudges.opening.withinS) is when taking the
 * floor cuts the opening short, the same rule the live nudge uses (DEFAULT_OPENING_WITHIN_S when absent);
 * `agendaWithinS` (settings.nudges.agenda.byS) is when the agenda nudge comes if none was asked for.
 */
export type Targets = Settings['targets'] & { openingWithinS?: number; agendaWithinS?: number };

/** How the visit's opening statement went, by the one rule the nudge and the panel also use. */
export function openingJudgement(visit: VisitSummary, targets: Targets): OpeningJudgement | null {
  const o = visit.metrics?.opening;
  return o ? judgeOpening(o, targets.openingWithinS ?? DEFAULT_OPENING_WITHIN_S) : null;
}

/** What the clinician aims for; `kind` says whether the value must reach it or stay at or under it. */
export interface MetricTarget {
  kind: 'at-least' | 'at-most';
  value: number;
}

export interface MetricDefinition {
  id: MetricId;
  label: string;
  unit: MetricUnit;
  better: 'higher' | 'lower';
  /** The value for one visit; null when the visit did not measure it (no speech-to-text, no camera…). */
  value(visit: VisitSummary): number | null;
  target(targets: Targets, longTurnS: number): MetricTarget | null;
  /** The target in words, when "≥ 1" would not say it ("Once, in the first 3 min"). */
  targetText?(targets: Targets): string;
  /** Whether the visit met the target, when that is more than comparing the value (e.g. how early). */
  judge?(visit: VisitSummary, targets: Targets): Assessment;
  /** Why a visit that measured this skill has no value for it ("you gave no advice"); null when it has one. */
  notApplicable?(visit: VisitSummary): string | null;
  /** A few words beside the value ("first at 0:42", "2 of 3"); null for none. */
  detail?(visit: VisitSummary): string | null;
  /** Why the target is what it is, with sources, as shown under the table. */
  evidence: string;
  /** How this visit's value was worked out, shown after the evidence, when that differs between visits. */
  howCounted?(visit: VisitSummary): string | null;
}

/** Opening statements: interrupted after a median 11 s; left alone, patients finish in about 92 s. */
export const OPENING_EVIDENCE_SHORT =
  'Median 11 s before the clinician interrupts (Singh Ospina et al., J Gen Intern Med 2019; Marvel et al., JAMA 1999); uninterrupted, patients finish in about 92 s (Langewitz et al., BMJ 2002).';

/** The opening statement's length in seconds, up to the interruption when there was one. */
function openingValue(visit: VisitSummary): number | null {
  const o = visit.metrics?.opening;
  if (!o) return null;
  return o.interrupted && o.interruptedAfterS !== null ? o.interruptedAfterS : o.durationS;
}

/**
 * How this visit's question figures were worked out (estimate.ts `figuresNote`): expected counts,
 * which need not match a count of the labels listed below them, or, for a visit saved before
 * probabilities were kept, the label counts themselves.
 */
function questionFiguresNote(visit: VisitSummary): string | null {
  const figures = visitQuestionFigures(visit);
  return figures ? figuresNote(figures) : null;
}

const DEFINITIONS: readonly MetricDefinition[] = [
  {
    id: 'opening',
    label: 'Patient’s opening statement',
    unit: 'seconds',
    better: 'higher',
    value: openingValue,
    // Not a fixed length: the aim is to let the patient finish, which the assessment checks directly.
    target: () => null,
    evidence: OPENING_EVIDENCE_SHORT,
  },
  {
    id: 'clinician-share',
    label: 'Your share of talk time',
    unit: 'share',
    better: 'lower',
    value: (v) => v.clinicianShare,
    target: (t) => ({ kind: 'at-most', value: t.clinicianShareMax }),
    evidence: 'Your target in Attune’s settings (default 60%): leave the patient at least 40% of the talk.',
  },
  {
    id: 'open-share',
    label: 'Open questions',
    unit: 'share',
    better: 'higher',
    value: (v) => visitQuestionFigures(v)?.openShare ?? null,
    target: (t) => ({ kind: 'at-least', value: t.openShareMin }),
    evidence: 'Share of your questions that were open. MITI 3.1.1: 50% or more is fair, 70% or more is good.',
    howCounted: questionFiguresNote,
  },
  {
    id: 'reflection-to-question',
    label: 'Reflections per question',
    unit: 'ratio',
    better: 'higher',
    value: (v) => visitQuestionFigures(v)?.reflectionToQuestion ?? null,
    target: (t) => ({ kind: 'at-least', value: t.reflectionToQuestionMin }),
    evidence: 'Reflections for each question you asked. MITI 4.2.1: 1 or more is fair, 2 or more is good.',
    howCounted: questionFiguresNote,
  },
  {
    id: 'interruptions',
    label: 'Times you interrupted',
    unit: 'count',
    better: 'lower',
    value: (v) => v.metrics?.interruptions.clinician ?? null,
    target: () => ({ kind: 'at-most', value: 0 }),
    evidence: 'Taking the floor while the patient was still speaking; short acknowledgements such as ‘mm-hm’ are not counted.',
  },
  {
    id: 'longest-turn',
    label: 'Your longest turn',
    unit: 'seconds',
    better: 'lower',
    value: (v) => v.metrics?.longestMonologueS.clinician ?? null,
    target: (_t, longTurnS) => ({ kind: 'at-most', value: longTurnS }),
    evidence: 'Long explanations are hard to follow: give information in short chunks and check understanding (your monologue threshold in settings).',
  },
  {
    id: 'gaze',
    label: 'Looking at the patient while they speak',
    unit: 'share',
    better: 'higher',
    value: (v) => v.gaze?.onScreenWhilePatientSpeaksShare ?? null,
    target: () => null,
    evidence: 'Share of the patient’s speaking time with your eyes on the screen (camera cues on only).',
  },
  ...BEHAVIOUR_METRICS,
];

/**
 * Every metric, each reading nothing from a visit too short to score (too-short.ts): so the
 * skills table, the observations, the trends and the goals all leave such a visit out.
 */
export const METRICS: readonly MetricDefinition[] = DEFINITIONS.map((m) => ({
  ...m,
  value: (v: VisitSummary) => (isTooShortToScore(v) ? null : m.value(v)),
  ...(m.notApplicable && { notApplicable: (v: VisitSummary) => (isTooShortToScore(v) ? null : m.notApplicable!(v)) }),
  ...(m.detail && { detail: (v: VisitSummary) => (isTooShortToScore(v) ? null : m.detail!(v)) }),
}));

export function metricById(id: MetricId): MetricDefinition {
  return METRICS.find((m) => m.id === id)!;
}

export type Assessment = 'met' | 'not-met' | 'unknown';

/**
 * Whether a visit met a metric's target. The opening statement is met when the clinician let the
 * patient finish it: neither spoke over it nor took the floor within openingWithinS (judgeOpening).
 */
export function assess(metric: MetricDefinition, visit: VisitSummary, targets: Targets, longTurnS: number): Assessment {
  if (isTooShortToScore(visit)) return 'unknown';
  if (metric.id === 'opening') {
    const judged = openingJudgement(visit, targets);
    return judged ? (judged.letFinish ? 'met' : 'not-met') : 'unknown';
  }
  if (metric.judge) return metric.judge(visit, targets);
  const value = metric.value(visit);
  const target = metric.target(targets, longTurnS);
  if (value === null || !target) return 'unknown';
  return (target.kind === 'at-least' ? value >= target.value : value <= target.value) ? 'met' : 'not-met';
}

export interface MetricRow {
  metric: MetricDefinition;
  value: number | null;
  target: MetricTarget | null;
  assessment: Assessment;
  /** Measured, but the skill did not apply in this visit, and why; null otherwise. */
  notApplicable: string | null;
  /** A few words beside the value; null for none. */
  detail: string | null;
  /** The metric's evidence, then how this visit's value was worked out where that varies (`howCounted`). */
  evidence: string;
}

/** Every metric for one visit, in the order of METRICS. */
export function visitMetricRows(visit: VisitSummary, targets: Targets, longTurnS: number): MetricRow[] {
  return METRICS.map((metric) => ({
    metric,
    value: metric.value(visit),
    target: metric.target(targets, longTurnS),
    assessment: assess(metric, visit, targets, longTurnS),
    notApplicable: metric.notApplicable?.(visit) ?? null,
    detail: metric.detail?.(visit) ?? null,
    evidence: [metric.evidence, metric.howCounted?.(visit)].filter(Boolean).join(' '),
  }));
}
