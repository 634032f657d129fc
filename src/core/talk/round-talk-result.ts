import type { Interval } from '../session/schema';
import { roundTo } from './intervals';
import { roundTalkMetrics } from './metrics';
import type { TalkResult } from './talk-engine';

const roundIntervals = (list: readonly Interval[]): Interval[] => list.map(([a, b]) => [roundTo(a, 2), roundTo(b, 2)]);

/**
 * A talk result rounded to what is meaningful (10 ms frames; shares to 4 digits): the one
 * rounding shared by saved summaries and the CLI's report, so both print the same figures.
 */
export function roundTalkResult(talk: TalkResult): TalkResult {
  return {
    durationS: roundTo(talk.durationS, 2),
    clinicianS: roundTo(talk.clinicianS, 2),
    patientS: roundTo(talk.patientS, 2),
    overlapS: roundTo(talk.overlapS, 2),
    clinicianShare: talk.clinicianShare === null ? null : roundTo(talk.clinicianShare, 4),
    segments: { clinician: roundIntervals(talk.segments.clinician), patient: roundIntervals(talk.segments.patient) },
    metrics: roundTalkMetrics(talk.metrics),
  };
}
