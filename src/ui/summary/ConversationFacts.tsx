/**
 * The "Conversation" section of a saved visit: turn-taking, interruptions, overlap, long turns,
 * response pauses and the patient's opening statement, in plain words with their units.
 * Definitions: docs/ALGORITHMS.md, "Talk metrics".
 */
import type { OpeningStatement, TalkMetrics } from '../../core/session/schema';
import { LONG_MONOLOGUE_S, OPENING_EVIDENCE, OPENING_MIN_S } from '../conversation';
import { DEFAULT_OPENING_WITHIN_S, judgeOpening } from '../../core/coach/opening';
import { formatClock, formatCount, formatDuration, formatRate, formatSeconds, formatThreshold } from '../format';

export interface ConversationFactsProps {
  metrics: TalkMetrics;
  /** Seconds both spoke at once (the visit's overlapS). */
  overlapS: number;
  /** settings.nudges.opening.withinS: taking the floor sooner cuts the opening short. */
  openingWithinS?: number;
}

/** "3, not counting 5 backchannels such as ‘mm-hm’"; just "3" when there were none. */
export function interruptionsText(interruptions: number, backchannels: number): string {
  return backchannels > 0
    ? `${interruptions}, not counting ${formatCount(backchannels, 'backchannel')} such as ‘mm-hm’`
    : String(interruptions);
}

/** "2 (at 3:10, 7:45)" or "None". */
export function longTurnsText(turns: TalkMetrics['clinicianLongMonologues']): string {
  if (turns.length === 0) return 'None';
  return `${turns.length} (at ${turns.map(([a]) => formatClock(a)).join(', ')})`;
}

/** The patient's opening statement in words, by the verdict the nudge and the panel use (judgeOpening). */
export function openingText(o: OpeningStatement | null, withinS = DEFAULT_OPENING_WITHIN_S): string {
  if (!o) return `Not detected (no patient turn of ${formatThreshold(OPENING_MIN_S)} or more)`;
  const length = formatDuration(o.durationS);
  const { verdict } = judgeOpening(o, withinS);
  if (verdict === 'going') return `${length}, still going when the visit ended`;
  if (verdict === 'cut-short-after-pause') return `${length}, then you took the floor after a short pause (within ${formatThreshold(withinS)})`;
  if (verdict === 'finished') return `${length}, not interrupted`;
  return o.interruptedAfterS === null ? `${length}, interrupted by you` : `${length}, interrupted by you after ${formatDuration(o.interruptedAfterS)}`;
}

export function ConversationFacts({ metrics: m, overlapS, openingWithinS }: ConversationFactsProps) {
  const rows: Array<[string, string]> = [
    ['Turns', `${m.turns} (${formatRate(m.turnsPerMin)})`],
    ['Interruptions by you', interruptionsText(m.interruptions.clinician, m.backchannels.clinician)],
    ['Interruptions by the patient', interruptionsText(m.interruptions.patient, m.backchannels.patient)],
    ['Both speaking at once', formatDuration(overlapS)],
    ['Your longest turn', formatDuration(m.longestMonologueS.clinician)],
    ["Patient's longest turn", formatDuration(m.longestMonologueS.patient)],
    [`Your turns over ${formatThreshold(LONG_MONOLOGUE_S)}`, longTurnsText(m.clinicianLongMonologues)],
    [
      'Your usual pause before replying',
      m.clinicianResponseLatencyS === null ? '— (no replies measured)' : `${formatSeconds(m.clinicianResponseLatencyS)} (median)`,
    ],
  ];
  return (
    <dl class="attune-visit__conversation">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      <div class="attune-visit__opening">
        <dt>Patient's opening statement</dt>
        <dd>
          {openingText(m.opening, openingWithinS)}{' '}
          <small class="attune-cite">{OPENING_EVIDENCE}</small>
        </dd>
      </div>
    </dl>
  );
}
