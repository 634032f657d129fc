/**
 * The one definition of how the patient's opening statement went, read by the nudge, the panel's
 * opening line and the saved summary alike, so they can never disagree (issue 19.1).
 *
 * "Taking the floor" is the clinician starting a turn (metrics.ts floor model): by speaking over
 * the patient (an interruption) or after a pause. The opening is cut short when the clinician took
 * the floor within `withinS` of its start either way (settings.nudges.opening.withinS, default
 * 30 s: patients left alone talk for ~92 s, clinicians cut in after 11–23 s); an interruption
 * later than that still counts as an interruption.
 */
import type { OpeningStatement } from '../session/schema';

export type OpeningVerdict =
  /** The patient still holds the floor. */
  | 'going'
  /** The clinician took the floor within withinS, after a pause (not over the patient). */
  | 'cut-short-after-pause'
  /** The clinician spoke over the patient within withinS. */
  | 'cut-short-interrupted'
  /** The clinician spoke over the patient, later than withinS. */
  | 'interrupted'
  /** The patient finished: the clinician took the floor after withinS, after a pause. */
  | 'finished';

export interface OpeningJudgement {
  verdict: OpeningVerdict;
  /** Seconds from the opening's start to when the clinician took the floor; null while it goes on. */
  tookFloorAfterS: number | null;
  /** True when the clinician let the patient finish (or is still letting them speak). */
  letFinish: boolean;
}

/** Default of settings.nudges.opening.withinS, for readers that have no settings at hand, s. */
export const DEFAULT_OPENING_WITHIN_S = 30;

export function judgeOpening(o: OpeningStatement, withinS: number): OpeningJudgement {
  if (!o.ended) return { verdict: 'going', tookFloorAfterS: null, letFinish: true };
  const tookFloorAfterS = o.interrupted && o.interruptedAfterS !== null ? o.interruptedAfterS : o.durationS;
  const early = tookFloorAfterS <= withinS;
  const verdict: OpeningVerdict = o.interrupted ? (early ? 'cut-short-interrupted' : 'interrupted') : early ? 'cut-short-after-pause' : 'finished';
  return { verdict, tookFloorAfterS, letFinish: verdict === 'finished' };
}

/** Whether the nudge "Let the patient finish their opening" applies: the opening was cut short. */
export const isCutShort = (v: OpeningVerdict): boolean => v === 'cut-short-after-pause' || v === 'cut-short-interrupted';
