/**
 * When the conversation cues (running turn timer, opening statement) show and how they read.
 * Thresholds come from the talk engine's defaults so the panel and the summary agree with it.
 */
import type { LiveMetrics, OpeningStatement, Speaker } from '../core/session/schema';
import { DEFAULT_TALK_METRICS } from '../core/talk/metrics';
import { DEFAULT_OPENING_WITHIN_S, judgeOpening, type OpeningVerdict } from '../core/coach/opening';
import { formatClock } from './format';

/** A clinician turn longer than this (s) is a long monologue: the panel tints the timer gently. */
export const LONG_MONOLOGUE_S = DEFAULT_TALK_METRICS.monologueThresholdS;

/** The shortest patient turn (s) that counts as the opening statement. */
export const OPENING_MIN_S = DEFAULT_TALK_METRICS.openingMinS;

/** How long (s) the panel keeps the opening-statement line after the statement ends. */
export const OPENING_LINGER_S = 30;

/** The evidence behind the opening-statement cue, shown as a tooltip in the panel and a citation in the summary. */
export const OPENING_EVIDENCE =
  'Clinicians interrupt the opening statement after a median of 11 s (Marvel et al., JAMA 1999; ' +
  'Singh Ospina et al., J Gen Intern Med 2019); uninterrupted, patients finish in about 92 s (Langewitz et al., BMJ 2002).';

// "Turn" rather than "speaking": the floor stays with its holder through a pause, while the
// panel's speaking-now line may say that no one is speaking.
const TURN_OF: Record<Speaker, string> = { clinician: 'Your turn', patient: 'Patient’s turn' };

/** "Your turn: 1:05" for whoever holds the floor; null when nobody has yet. */
export function floorText(metrics: Pick<LiveMetrics, 'floor' | 'currentTurnS'>): string | null {
  return metrics.floor ? `${TURN_OF[metrics.floor]}: ${formatClock(metrics.currentTurnS)}` : null;
}

/** True while the clinician holds the floor for longer than the long-monologue threshold (the clinician's own, where known). */
export function isLongMonologue(metrics: Pick<LiveMetrics, 'floor' | 'currentTurnS'>, overS = LONG_MONOLOGUE_S): boolean {
  return metrics.floor === 'clinician' && metrics.currentTurnS > overS;
}

/** The opening statement while it lasts and for OPENING_LINGER_S after it ends; otherwise null. */
export function openingToShow(metrics: Pick<LiveMetrics, 'opening'>, elapsedS: number): OpeningStatement | null {
  const o = metrics.opening;
  if (!o) return null;
  if (!o.ended) return o;
  return elapsedS - (o.startS + o.durationS) <= OPENING_LINGER_S ? o : null;
}

/**
 * "Patient's opening: 0:23, still going", "…, you took the floor after a pause",
 * "…, interrupted after 0:08" or "…, not interrupted": the verdict the nudge and the summary use
 * (judgeOpening), with the clinician's own withinS.
 */
export function openingStatusText(o: OpeningStatement, withinS = DEFAULT_OPENING_WITHIN_S): string {
  const { verdict } = judgeOpening(o, withinS);
  const interrupted = o.interruptedAfterS === null ? 'interrupted' : `interrupted after ${formatClock(o.interruptedAfterS)}`;
  const status: Record<OpeningVerdict, string> = {
    going: 'still going',
    'cut-short-after-pause': 'you took the floor after a pause',
    'cut-short-interrupted': interrupted,
    interrupted,
    finished: 'not interrupted',
  };
  return `Patient's opening: ${formatClock(o.durationS)}, ${status[verdict]}`;
}
