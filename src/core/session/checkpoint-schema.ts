/**
 * The engine's checkpoint as it crosses from the offscreen document to the background (every
 * 5 s) and into IndexedDB. Validated on arrival, so a malformed or hostile payload can never
 * become the checkpoint a crashed visit is rebuilt from. The detector's internal state is checked
 * for its outer shape only (it belongs to the talk engine and changes with it); a detector that
 * does not restore cleanly starts afresh, which costs a few seconds of adaptation, not the visit.
 */
import * as v from 'valibot';
import { VisitSummarySchema } from './schema';
import type { DuplexVadState } from '../talk/duplex-vad';

/** Enough for a 10-hour visit with a turn every second. */
const MAX_INTERVALS = 40_000;
const frameIndex = v.pipe(v.number(), v.integer(), v.minValue(0));
const intervals = v.pipe(v.array(v.strictTuple([frameIndex, frameIndex])), v.maxLength(MAX_INTERVALS));
const bySpeaker = <T extends v.GenericSchema>(schema: T) => v.object({ clinician: schema, patient: schema });

const DetectorShapeSchema = v.looseObject({ frame: frameIndex, history: v.pipe(v.array(v.number()), v.maxLength(10_000)) });

export const TalkCheckpointSchema = v.object({
  frame: frameIndex,
  closed: bySpeaker(intervals),
  open: bySpeaker(v.nullable(frameIndex)),
  detector: v.optional(v.custom<DuplexVadState>((input) => v.is(DetectorShapeSchema, input), 'not a detector state')),
});

const extraKeys = ['utterances', 'questions', 'adviceGiven', 'gaze', 'nudges'] as const;
export const VisitExtrasSchema = v.partial(v.pick(VisitSummarySchema, [...extraKeys]));

export const LiveSessionCheckpointSchema = v.object({ talk: TalkCheckpointSchema, extras: VisitExtrasSchema });
