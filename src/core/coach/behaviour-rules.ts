/**
 * The listening-behaviour nudges (issue 16), under the coach's one-prompt-at-a-time rule:
 *
 * - agenda: no agenda elicitation ("anything else …?") by settings.agenda.byS (3 min), and only
 *   once the patient's opening statement is over (asking "what else?" into it would interrupt it);
 * - permission: the clinician's last utterance gave advice with no permission-ask among their
 *   recent utterances (the detector's memory: behaviours/detect.ts), raised while it is fresh;
 * - teach-back: near the end of the visit (see `teachBackFromS`), once advice or information was
 *   given, and no teach-back yet; raised while the clinician speaks, when they are wrapping up.
 *
 * Each needs speech-to-text (the behaviours come from the clinician's transcribed words).
 */
import type { Behaviour } from '../behaviours/labels';
import type { LiveTalk } from '../session/schema';
import type { NudgeSettings } from '../settings/settings';
import type { Rule, RuleInput } from './rules';

/** Advice is prompted about only this soon after it ended, s (like the question prompts). */
export const ADVICE_FRESH_S = 20;
/** "Near the end": this share of the clinician's usual visit length. */
export const TEACH_BACK_SHARE_OF_USUAL = 0.7;
/** Fewer past visits than this say too little about the usual length: settings.teachBack.afterS instead. */
export const USUAL_VISIT_MIN_VISITS = 3;

const behaviourCount = (live: LiveTalk, behaviour: Behaviour): number | null => live.questions?.counts.behaviours?.[behaviour] ?? null;
const clinicianHasFloor = (live: LiveTalk) => live.speakingNow === 'clinician' || live.speakingNow === 'both';
const minutes = (s: number) => `${Math.round(s / 60)} min`;

export const agendaRule: Rule = {
  id: 'agenda',
  check({ live, settings }) {
    const opening = live.metrics?.opening;
    if (!settings.agenda.enabled || behaviourCount(live, 'agenda') !== 0 || !opening?.ended) return null;
    if (live.elapsedS < settings.agenda.byS || !clinicianHasFloor(live)) return null;
    return {
      reason: `${minutes(live.elapsedS)} in, the patient has not been asked what else they want to talk about today.`,
      episodeS: opening.startS, // one per visit
    };
  },
  holds: ({ live }) => behaviourCount(live, 'agenda') === 0,
};

export const permissionRule: Rule = {
  id: 'permission',
  check({ live, settings, lastEpisodeS }) {
    if (!settings.permission.enabled) return null;
    const last = live.questions?.recent.at(-1);
    if (!last?.behaviours?.includes('advice_without_permission')) return null;
    if (live.elapsedS - last.endS > ADVICE_FRESH_S || (lastEpisodeS !== null && last.endS <= lastEpisodeS)) return null;
    return { reason: 'You gave advice without first asking whether the patient wanted it.', episodeS: last.endS };
  },
};

/**
 * When "near the end" starts, s: 70% of the clinician's usual visit (the median length of their
 * recent visits, when there are enough of them), else settings.teachBack.afterS (10 min by
 * default: 70% of a typical 15-minute primary-care visit).
 */
export function teachBackFromS(settings: NudgeSettings, usualVisitS: number | null): number {
  return usualVisitS === null ? settings.teachBack.afterS : TEACH_BACK_SHARE_OF_USUAL * usualVisitS;
}

/** How many recent visits say what is usual; visits shorter than this (tests, false starts) are left out, s. */
export const USUAL_VISIT_RECENT = 10;
export const USUAL_VISIT_MIN_S = 120;

/** The lengths of the clinician's last USUAL_VISIT_RECENT complete visits of at least USUAL_VISIT_MIN_S, newest first in, s out. */
export function recentVisitLengthsS(visitsNewestFirst: readonly { durationS: number; partial: boolean }[]): number[] {
  return visitsNewestFirst.filter((v) => !v.partial && v.durationS >= USUAL_VISIT_MIN_S).slice(0, USUAL_VISIT_RECENT).map((v) => v.durationS);
}

/** The median length of the clinician's recent visits, s; null with fewer than USUAL_VISIT_MIN_VISITS. */
export function usualVisitLengthS(durationsS: readonly number[]): number | null {
  if (durationsS.length < USUAL_VISIT_MIN_VISITS) return null;
  const sorted = [...durationsS].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const teachBackRule: Rule = {
  id: 'teach-back',
  check({ live, settings, usualVisitS }: RuleInput) {
    if (!settings.teachBack.enabled || behaviourCount(live, 'teach_back') !== 0 || !live.questions?.adviceGiven) return null;
    const fromS = teachBackFromS(settings, usualVisitS ?? null);
    if (live.elapsedS < fromS || !clinicianHasFloor(live)) return null;
    return { reason: 'You gave information or advice in this visit and have not yet asked the patient to say the plan back in their own words.', episodeS: fromS };
  },
  holds: ({ live }) => behaviourCount(live, 'teach_back') === 0,
};
