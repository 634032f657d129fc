/**
 * Goals for the next visit. Each suggestion is tied to one metric, so progress can be measured:
 * the goal's id is the suggestion's id, and a visit carries the goal that was set when it started.
 */
import type { Goal, VisitSummary } from '../session/schema';
import { assess, metricById, METRICS, type MetricId, type Targets } from './metrics';
import { agendaWithinText } from './behaviour-metrics';

export interface GoalSuggestion {
  /** Stored as Goal.id. */
  id: string;
  metric: MetricId;
  text: string;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** The goals a clinician can pick, worded with their own targets. */
export function goalCatalogue(targets: Targets, longTurnS: number): GoalSuggestion[] {
  const minutes = longTurnS >= 60 && longTurnS % 60 === 0 ? `${longTurnS / 60} min` : `${longTurnS} s`;
  return [
    { id: 'let-opening-finish', metric: 'opening', text: 'Let the patient finish their opening statement before I speak.' },
    { id: 'open-questions', metric: 'open-share', text: `Make at least ${pct(targets.openShareMin)} of my questions open (“what…”, “how…”).` },
    { id: 'reflect-more', metric: 'reflection-to-question', text: `Reflect back at least ${targets.reflectionToQuestionMin === 1 ? 'once' : `${targets.reflectionToQuestionMin} times`} for every question I ask.` },
    { id: 'talk-less', metric: 'clinician-share', text: `Keep my share of talk time at or under ${pct(targets.clinicianShareMax)}.` },
    { id: 'no-interruptions', metric: 'interruptions', text: 'Wait until the patient has finished before I speak.' },
    { id: 'short-turns', metric: 'longest-turn', text: `Keep each of my turns under ${minutes} and check understanding in between.` },
    { id: 'ask-agenda', metric: 'agenda', text: `Ask “Is there anything else you’d like to talk about today?” in the first ${agendaWithinText(targets)}.` },
    { id: 'ask-permission', metric: 'permission', text: 'Ask permission before giving advice or information.' },
    { id: 'teach-back', metric: 'teach-back', text: 'After giving information, ask the patient to explain it back in their own words.' },
  ];
}

export function suggestionFor(goalId: string, targets: Targets, longTurnS: number): GoalSuggestion | null {
  return goalCatalogue(targets, longTurnS).find((g) => g.id === goalId) ?? null;
}

/** Suggestions for the next visit: the ones this visit missed first, then the unmeasured, then the met. */
export function suggestGoals(visit: VisitSummary, targets: Targets, longTurnS: number): GoalSuggestion[] {
  const rank = { 'not-met': 0, unknown: 1, met: 2 } as const;
  const order = new Map(METRICS.map((m, i) => [m.id, i]));
  return goalCatalogue(targets, longTurnS)
    .map((g) => ({ g, r: rank[assess(metricById(g.metric), visit, targets, longTurnS)] }))
    .sort((a, b) => a.r - b.r || order.get(a.g.metric)! - order.get(b.g.metric)!)
    .map(({ g }) => g);
}

export function makeGoal(suggestion: GoalSuggestion, nowMs: number, fromVisitId: string | null): Goal {
  return { id: suggestion.id, text: suggestion.text, setAt: nowMs, fromVisitId };
}

export interface GoalProgress {
  goal: Goal;
  /** Visits made while this goal was set (oldest first), each met, missed or not measured. */
  visits: Array<{ visitId: string; startedAt: number; result: 'met' | 'not-met' | 'unknown' }>;
  met: number;
  measured: number;
}

/**
 * How the clinician did on a goal across the visits that carried it. Setting the same goal again
 * renews it rather than starting a new one, so every visit with this goal counts, whenever set.
 */
export function goalProgress(goal: Goal, visits: readonly VisitSummary[], targets: Targets, longTurnS: number): GoalProgress {
  const suggestion = suggestionFor(goal.id, targets, longTurnS);
  const carried = visits.filter((v) => v.goal?.id === goal.id).sort((a, b) => a.startedAt - b.startedAt);
  const rows = carried.map((v) => ({
    visitId: v.id,
    startedAt: v.startedAt,
    result: suggestion ? assess(metricById(suggestion.metric), v, targets, longTurnS) : ('unknown' as const),
  }));
  return { goal, visits: rows, met: rows.filter((r) => r.result === 'met').length, measured: rows.filter((r) => r.result !== 'unknown').length };
}

/** One goal as the history lists it: its latest setting, and when it was first set. */
export interface KnownGoal {
  /** The newest time it was set (its text and setAt come from there). */
  goal: Goal;
  firstSetAt: number;
  /** How many times it was set (1: never renewed). */
  timesSet: number;
}

/**
 * Every goal the clinician has had, newest first: those in the goal store and those carried by
 * saved visits (an imported history brings its goals with it). A goal set again is the same goal,
 * renewed: it is listed once, at its latest setting.
 */
export function knownGoals(stored: readonly Goal[], visits: readonly VisitSummary[]): KnownGoal[] {
  const settings = new Map<string, Map<number, Goal>>();
  for (const g of [...stored, ...visits.flatMap((v) => (v.goal ? [v.goal] : []))]) {
    const times = settings.get(g.id) ?? new Map<number, Goal>();
    if (!times.has(g.setAt)) times.set(g.setAt, g);
    settings.set(g.id, times);
  }
  return [...settings.values()]
    .map((times) => {
      const sorted = [...times.values()].sort((a, b) => a.setAt - b.setAt);
      return { goal: sorted.at(-1)!, firstSetAt: sorted[0]!.setAt, timesSet: sorted.length };
    })
    .sort((a, b) => b.goal.setAt - a.goal.setAt);
}
