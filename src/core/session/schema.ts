/**
 * The one source of truth for what a visit is, live and saved.
 * Types are inferred from these schemas so that runtime validation (of messages,
 * of records read back from IndexedDB) and compile-time types can never disagree.
 */
import * as v from 'valibot';

/** Bump when the stored shape of a visit changes; the storage layer migrates older records. */
export const VISIT_SCHEMA_VERSION = 1;

export const SpeakerSchema = v.picklist(['clinician', 'patient']);
export type Speaker = v.InferOutput<typeof SpeakerSchema>;

/** Who is audible right now, as the panel shows it. */
export const SpeakingNowSchema = v.picklist(['clinician', 'patient', 'both', 'none']);
export type SpeakingNow = v.InferOutput<typeof SpeakingNowSchema>;

/** Where the patient's (far-end) audio comes from. */
export const RemoteSourceSchema = v.picklist(['tab-capture', 'page-tap', 'none']);
export type RemoteSource = v.InferOutput<typeof RemoteSourceSchema>;

/** Why a visit ended. `engine-lost` means the engine host died and the last checkpoint was kept. */
export const EndReasonSchema = v.picklist(['user', 'hang-up', 'tab-closed', 'navigated', 'engine-lost', 'browser-restart']);
export type EndReason = v.InferOutput<typeof EndReasonSchema>;

const finite = v.pipe(v.number(), v.finite());
const nonNegative = v.pipe(v.number(), v.finite(), v.minValue(0));
const share = v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1)));

/** A speech interval in seconds from the start of the visit: [startS, endS]. */
export const IntervalSchema = v.pipe(v.tuple([nonNegative, nonNegative]), v.check(([a, b]) => b >= a, 'interval ends before it starts'));
export type Interval = v.InferOutput<typeof IntervalSchema>;

/** Talk-time figures shared by the live state and the saved summary. */
export const TalkTotalsSchema = v.object({
  /** Seconds the clinician spoke (overlap counts for both sides). */
  clinicianS: nonNegative,
  patientS: nonNegative,
  /** Seconds both spoke at once. */
  overlapS: nonNegative,
  /** clinicianS / (clinicianS + patientS); null until anyone has spoken. */
  clinicianShare: share,
});
export type TalkTotals = v.InferOutput<typeof TalkTotalsSchema>;

/** What the panel needs, sent 2–4 times a second. Aggregates only: no audio, no text. */
export const LiveTalkSchema = v.object({
  ...TalkTotalsSchema.entries,
  elapsedS: nonNegative,
  speakingNow: SpeakingNowSchema,
});
export type LiveTalk = v.InferOutput<typeof LiveTalkSchema>;

/** A saved visit. Every stored record carries schemaVersion and engineVersion. */
export const VisitSummarySchema = v.object({
  schemaVersion: v.literal(VISIT_SCHEMA_VERSION),
  engineVersion: v.string(),
  id: v.pipe(v.string(), v.minLength(1)),
  /** Platform id, e.g. `meet`, `zoom`, `demo`, `other`. */
  site: v.string(),
  /** Host name of the call page (never the full URL: meeting ids can identify people). */
  host: v.string(),
  /** Epoch milliseconds. */
  startedAt: finite,
  endedAt: finite,
  durationS: nonNegative,
  ...TalkTotalsSchema.entries,
  segments: v.object({
    clinician: v.array(IntervalSchema),
    patient: v.array(IntervalSchema),
  }),
  remoteSource: RemoteSourceSchema,
  endReason: EndReasonSchema,
  /** True when the visit was closed from a checkpoint, so its last seconds may be missing. */
  partial: v.boolean(),
  privacyLocal: v.boolean(),
});
export type VisitSummary = v.InferOutput<typeof VisitSummarySchema>;
