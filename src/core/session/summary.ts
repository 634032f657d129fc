import type { TalkResult } from '../talk/talk-engine';
import { roundTo } from '../talk/intervals';
import { roundTalkMetrics } from '../talk/metrics';
import { ENGINE_VERSION } from './engine-version';
import { VISIT_SCHEMA_VERSION, type EndReason, type Interval, type RemoteSource, type VisitSummary } from './schema';

/** What the extension knows about a visit besides its audio. */
export interface VisitMeta {
  id: string;
  site: string;
  host: string;
  startedAt: number;
  endedAt: number;
  remoteSource: RemoteSource;
  endReason: EndReason;
  partial: boolean;
  privacyLocal: boolean;
}

const roundIntervals = (list: readonly Interval[]): Interval[] => list.map(([a, b]) => [roundTo(a, 2), roundTo(b, 2)]);

/** The saved record of a visit: talk figures rounded to what is meaningful (10 ms). */
export function buildVisitSummary(meta: VisitMeta, talk: TalkResult): VisitSummary {
  return {
    schemaVersion: VISIT_SCHEMA_VERSION,
    engineVersion: ENGINE_VERSION,
    ...meta,
    durationS: roundTo(talk.durationS, 2),
    clinicianS: roundTo(talk.clinicianS, 2),
    patientS: roundTo(talk.patientS, 2),
    overlapS: roundTo(talk.overlapS, 2),
    clinicianShare: talk.clinicianShare === null ? null : roundTo(talk.clinicianShare, 4),
    segments: { clinician: roundIntervals(talk.segments.clinician), patient: roundIntervals(talk.segments.patient) },
    metrics: roundTalkMetrics(talk.metrics),
  };
}
