/**
 * The nudge rules: each looks at the live state and says whether its situation is happening now.
 * Pure functions of their input; the coach (coach.ts) decides which one is shown and when.
 * Thresholds come from settings.nudges; the fixed constants below are documented in
 * docs/ALGORITHMS.md ("Coach").
 */
import type { UtteranceLabel } from '../questions/labels';
import type { LiveTalk, NudgeId } from '../session/schema';
import type { NudgeSettings } from '../settings/settings';
import type { WindowTalk } from './talk-window';
import { isCutShort, judgeOpening } from './opening';
import { agendaRule, permissionRule, teachBackRule } from './behaviour-rules';

/** An interruption of the opening older than this is history, not something to prompt about, s. */
export const OPENING_FRESH_S = 15;
/** Question prompts are about what was just said: the last question must have ended this recently, s. */
export const QUESTION_FRESH_S = 20;
/** The balance window must hold at least this share of speech, so a quiet stretch never decides it. */
export const BALANCE_MIN_SPEECH_FRACTION = 0.25;

export interface RuleInput {
  live: LiveTalk;
  settings: NudgeSettings;
  /** Talk over the last settings.balance.windowS seconds. */
  window: WindowTalk | null;
  /** The episode of this kind's last nudge, or null: one situation is never nudged twice. */
  lastEpisodeS: number | null;
  /** The median length of the clinician's recent visits, s (the teach-back nudge's "near the end"); absent: unknown. */
  usualVisitS?: number | null;
}

export interface Trigger {
  /** The reason, with this visit's figures. */
  reason: string;
  /** When the situation began (the opening, the turn, the look-away, the last question counted). */
  episodeS: number;
}

export interface Rule {
  id: NudgeId;
  check(input: RuleInput): Trigger | null;
  /**
   * For situations that last (a monologue, a look-away, an unbalanced window): whether it still
   * does, so its nudge goes away when the clinician has acted on it. Event rules have none.
   */
  holds?(input: RuleInput): boolean;
}

/** "8 s", "75 s" → "1 min 15 s": plain words for reasons. */
export function spokenSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const rest = s % 60;
  return rest === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${rest} s`;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const clinicianSpeaking = (live: LiveTalk) => live.speakingNow === 'clinician' || live.speakingNow === 'both';
const isQuestion = (label: UtteranceLabel) => label === 'open_question' || label === 'closed_question';

/** Labelled utterances not yet used by an earlier nudge of the same kind, oldest first. */
function unusedUtterances({ live, lastEpisodeS }: RuleInput) {
  const recent = live.questions?.recent ?? [];
  return lastEpisodeS === null ? recent : recent.filter((u) => u.endS > lastEpisodeS);
}

export const openingRule: Rule = {
  id: 'opening',
  check({ live, settings }) {
    const o = live.metrics?.opening;
    if (!settings.opening.enabled || !o) return null;
    // One definition for the nudge, the panel line and the summary (opening.ts).
    const { verdict, tookFloorAfterS } = judgeOpening(o, settings.opening.withinS);
    if (!isCutShort(verdict) || tookFloorAfterS === null) return null;
    if (live.elapsedS - (o.startS + tookFloorAfterS) > OPENING_FRESH_S) return null;
    return {
      reason:
        verdict === 'cut-short-interrupted'
          ? `You took the floor ${spokenSeconds(tookFloorAfterS)} into the patient’s opening statement, while they were still speaking.`
          : `You took the floor ${spokenSeconds(tookFloorAfterS)} into the patient’s opening statement, after a short pause. Waiting longer, or “Anything else?”, often brings the rest of the story.`,
      episodeS: o.startS,
    };
  },
};

const monologueNow = ({ live, settings }: RuleInput) => live.metrics?.floor === 'clinician' && live.metrics.currentTurnS > settings.monologue.overS;

export const monologueRule: Rule = {
  id: 'monologue',
  check(input) {
    const { live, settings } = input;
    if (!settings.monologue.enabled || !monologueNow(input) || !clinicianSpeaking(live)) return null;
    const turnS = live.metrics!.currentTurnS;
    return { reason: `You have held the floor for ${spokenSeconds(turnS)} (your limit: ${spokenSeconds(settings.monologue.overS)}).`, episodeS: live.elapsedS - turnS };
  },
  holds: monologueNow,
};

const windowOverTarget = ({ window, settings }: RuleInput) =>
  window !== null &&
  window.clinicianShare !== null &&
  // A full window only: early in a visit a few sentences would decide it.
  window.spanS >= settings.balance.windowS - 1e-6 &&
  window.clinicianS + window.patientS >= BALANCE_MIN_SPEECH_FRACTION * settings.balance.windowS &&
  window.clinicianShare > settings.balance.maxShare;

export const balanceRule: Rule = {
  id: 'balance',
  check(input) {
    const { live, settings, window } = input;
    // Raised while the clinician is talking, when it is useful; cooldowns keep it from repeating.
    if (!settings.balance.enabled || !windowOverTarget(input) || !clinicianSpeaking(live)) return null;
    return {
      reason: `Over the last ${spokenSeconds(settings.balance.windowS)} you spoke ${percent(window!.clinicianShare!)} of the talk time (your target: at most ${percent(settings.balance.maxShare)}).`,
      episodeS: live.elapsedS,
    };
  },
  holds: windowOverTarget,
};

export const closedQuestionsRule: Rule = {
  id: 'closed-questions',
  check(input) {
    const { live, settings } = input;
    if (!settings.closedQuestions.enabled) return null;
    const utterances = unusedUtterances(input);
    let run = 0;
    let lastEndS: number | null = null;
    // The run of closed questions at the end; other talk ("okay", advice) neither counts nor breaks it.
    for (let i = utterances.length - 1; i >= 0; i--) {
      const u = utterances[i]!;
      if (u.label === 'other') continue;
      if (u.label !== 'closed_question') break;
      run++;
      lastEndS ??= u.endS;
    }
    if (lastEndS === null || run < settings.closedQuestions.inARow || live.elapsedS - lastEndS > QUESTION_FRESH_S) return null;
    return { reason: `Your last ${run} questions were closed (yes/no or one-word answers).`, episodeS: lastEndS };
  },
};

export const reflectRule: Rule = {
  id: 'reflect',
  check(input) {
    const { live, settings } = input;
    if (!settings.reflect.enabled) return null;
    const utterances = unusedUtterances(input);
    let questions = 0;
    let lastEndS: number | null = null;
    for (let i = utterances.length - 1; i >= 0; i--) {
      const u = utterances[i]!;
      if (u.label === 'reflection') break;
      if (!isQuestion(u.label)) continue;
      questions++;
      lastEndS ??= u.endS;
    }
    if (lastEndS === null || questions < settings.reflect.questionsWithoutReflection || live.elapsedS - lastEndS > QUESTION_FRESH_S) return null;
    return { reason: `You asked ${questions} questions in a row without reflecting back what the patient said.`, episodeS: lastEndS };
  },
};

const lookingAway = ({ live }: RuleInput) => (live.gaze?.state === 'away' || live.gaze?.state === 'down') && live.gaze.awayForS > 0;

export const gazeRule: Rule = {
  id: 'gaze',
  check(input) {
    const { live, settings } = input;
    // Only while the patient speaks: looking at notes while you talk is not the point.
    if (!settings.gaze.enabled || !lookingAway(input) || live.speakingNow !== 'patient') return null;
    const awayS = live.gaze!.awayForS;
    if (awayS <= settings.gaze.awayS) return null;
    return { reason: `You have looked away from the screen for ${spokenSeconds(awayS)} while the patient is speaking.`, episodeS: live.elapsedS - awayS };
  },
  holds: lookingAway,
};

/** Highest priority first: what is happening this second before what built up over minutes. */
export const RULES: readonly Rule[] = [openingRule, monologueRule, gazeRule, permissionRule, reflectRule, closedQuestionsRule, agendaRule, teachBackRule, balanceRule];
