import type { TalkResult } from '../talk/talk-engine';
import { roundTalkResult } from '../talk/round-talk-result';
import { ENGINE_VERSION } from './engine-version';
import type { VisitExtras } from './live-session';
import { VISIT_SCHEMA_VERSION, type EndReason, type RemoteSource, type VisitSummary } from './schema';

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

/** The saved record of a visit: talk figures rounded to what is meaningful (10 ms). */
/** `extras` come from the engine (questions, gaze, nudges) and the coordinator (the goal the visit carried). */
export function buildVisitSummary(meta: VisitMeta, talk: TalkResult, extras: VisitExtras & Partial<Pick<VisitSummary, 'goal'>> = {}): VisitSummary {
  return {
    schemaVersion: VISIT_SCHEMA_VERSION,
    engineVersion: ENGINE_VERSION,
    ...meta,
    ...roundTalkResult(talk),
    ...extras,
  };
}
