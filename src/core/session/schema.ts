/**
 * The one source of truth for what a visit is, live and saved.
 * Types are inferred from these schemas so that runtime validation (of messages,
 * of records read back from IndexedDB) and compile-time types can never disagree.
 */
import * as v from 'valibot';
import { REFLECTION_TYPES, UTTERANCE_LABELS } from '../questions/labels';
import { MIN_LOG_PROB } from '../questions/adaptation';
import { BEHAVIOURS } from '../behaviours/labels';

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

const perSpeaker = <T extends v.GenericSchema>(schema: T) => v.object({ clinician: schema, patient: schema });
const nullableSeconds = v.nullable(nonNegative);

/** Talk per bin of the timeline (default 60 s), from the start of the visit. */
export const TimelineBinSchema = v.object({ startS: nonNegative, clinicianS: nonNegative, patientS: nonNegative, clinicianShare: share });
export type TimelineBin = v.InferOutput<typeof TimelineBinSchema>;

/** The patient's opening statement: the first patient turn of at least 5 s, until the clinician takes the floor. */
export const OpeningStatementSchema = v.object({
  startS: nonNegative,
  /** From its start to the patient's last speech before the clinician took the floor (so far, while it lasts), s. */
  durationS: nonNegative,
  /** False while the patient still holds the floor. */
  ended: v.boolean(),
  /** The clinician took the floor while the patient was speaking. */
  interrupted: v.boolean(),
  /** Seconds from its start to the clinician's interruption; null when not interrupted. */
  interruptedAfterS: nullableSeconds,
});
export type OpeningStatement = v.InferOutput<typeof OpeningStatementSchema>;

/** Conversation metrics (definitions, parameters and units: docs/ALGORITHMS.md, "Talk metrics"). */
const LiveMetricsEntries = {
  /** Floor holds (turns) so far; backchannels do not change the floor. */
  turns: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Turns per minute of visit. */
  turnsPerMin: nonNegative,
  /** Times each side took the floor while the other was speaking. */
  interruptions: perSpeaker(v.pipe(v.number(), v.integer(), v.minValue(0))),
  /** Short acknowledgements (≤ 1 s) that did not take the floor. */
  backchannels: perSpeaker(v.pipe(v.number(), v.integer(), v.minValue(0))),
  /** Longest turn of each side, s. */
  longestMonologueS: perSpeaker(nonNegative),
  /** Clinician turns over the monologue threshold (default 60 s), [startS, endS]. */
  clinicianLongMonologues: v.array(IntervalSchema),
  /** Median pause before the clinician takes the floor after the patient stops, s (null: none yet). */
  clinicianResponseLatencyS: nullableSeconds,
  /** Median pause before the patient takes the floor after the clinician stops, s. */
  patientResponseLatencyS: nullableSeconds,
  opening: v.nullable(OpeningStatementSchema),
  /** Who holds the floor now. */
  floor: v.nullable(SpeakerSchema),
  /** Length of the current turn so far, s. */
  currentTurnS: nonNegative,
  /** Clinician share over the last 60 s. */
  recentClinicianShare: share,
};
export const LiveMetricsSchema = v.object(LiveMetricsEntries);
export type LiveMetrics = v.InferOutput<typeof LiveMetricsSchema>;

export const TalkMetricsSchema = v.object({
  ...LiveMetricsEntries,
  /** Talk share per minute. */
  timeline: v.array(TimelineBinSchema),
});
export type TalkMetrics = v.InferOutput<typeof TalkMetricsSchema>;

/* ---------- Questions and reflections (issue 4) ---------- */

export const UtteranceLabelSchema = v.picklist(UTTERANCE_LABELS);
export const ReflectionTypeSchema = v.picklist(REFLECTION_TYPES);
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const BehaviourSchema = v.picklist(BEHAVIOURS);

/** How many utterances showed each listening behaviour (issue 16), corrections applied. */
export const BehaviourCountsSchema = v.object(
  Object.fromEntries(BEHAVIOURS.map((behaviour) => [behaviour, count])) as Record<(typeof BEHAVIOURS)[number], typeof count>,
);
export type BehaviourCounts = v.InferOutput<typeof BehaviourCountsSchema>;

/** One clinician utterance with its label. `text` is kept only when privacy-local mode is off. */
export const LabelledUtteranceSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  startS: nonNegative,
  endS: nonNegative,
  /** What the classifier said. */
  label: UtteranceLabelSchema,
  reflectionType: v.optional(ReflectionTypeSchema),
  confidence: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  /** The clinician's correction on the summary page; counts use it when present. */
  correctedLabel: v.optional(UtteranceLabelSchema),
  /**
   * The clinician confirmed, in the review step, the label this utterance shows (`effectiveLabel`)
   * and did not correct it: it then counts in full, like a corrected one (estimate.ts). A
   * correction replaces a confirmation (and wins if a file holds both). A marker, no text, so kept in
   * privacy-local mode too. Absent on visits saved before it and on labels not confirmed.
   */
  labelConfirmed: v.optional(v.literal(true)),
  /**
   * The classifier's log-probability of each label (`UTTERANCE_LABELS` order), before the
   * clinician's adaptation layer: what a correction teaches that layer (src/core/questions/adaptation.ts).
   * Four numbers, no text, so kept in privacy-local mode too. Absent on visits saved before it.
   */
  classLogProbs: v.optional(v.pipe(v.array(v.pipe(v.number(), v.finite(), v.minValue(MIN_LOG_PROB), v.maxValue(0))), v.length(UTTERANCE_LABELS.length))),
  /** Listening behaviours detected in this utterance (issue 16); absent on visits saved before it. */
  behaviours: v.optional(v.pipe(v.array(BehaviourSchema), v.maxLength(BEHAVIOURS.length))),
  /** The clinician's correction of `behaviours` on the summary page; counts use it when present. */
  correctedBehaviours: v.optional(v.pipe(v.array(BehaviourSchema), v.maxLength(BEHAVIOURS.length))),
  text: v.optional(v.string()),
});
export type LabelledUtterance = v.InferOutput<typeof LabelledUtteranceSchema>;

/** Running counts of the clinician's questions and reflections. */
export const QuestionCountsSchema = v.object({
  open: count,
  closed: count,
  reflections: count,
  simpleReflections: count,
  complexReflections: count,
  other: count,
  /** open / (open + closed); null before the first question. */
  openShare: share,
  /** reflections / (open + closed); null before the first question. */
  reflectionToQuestion: v.nullable(nonNegative),
  /** Listening behaviours beyond questions (issue 16); absent from engines before it. */
  behaviours: v.optional(BehaviourCountsSchema),
});
export type QuestionCounts = v.InferOutput<typeof QuestionCountsSchema>;

/** Which speech-to-text engine runs and whether it is ready (the panel and options page show it). */
export const SpeechStatusSchema = v.object({
  engine: v.picklist(['moonshine', 'web-speech', 'none']),
  state: v.picklist(['loading', 'ready', 'error', 'off']),
  message: v.nullable(v.string()),
  /** True while Chrome's server recognition runs (privacy-local off, Web Speech chosen): the clinician's voice goes to Google. */
  sentToGoogle: v.optional(v.boolean()),
});
export type SpeechStatus = v.InferOutput<typeof SpeechStatusSchema>;

/** Live view of questions: counts plus the most recent labels (oldest first, at most 10) for the coach. */
export const LiveQuestionsSchema = v.object({
  /** `counts.behaviours` holds the running listening-behaviour counts (issue 16) when the detector runs. */
  counts: QuestionCountsSchema,
  recent: v.pipe(
    v.array(
      v.object({
        label: UtteranceLabelSchema,
        endS: nonNegative,
        /** Listening behaviours of this utterance (issue 16), for the coach's behaviour nudges. */
        behaviours: v.optional(v.pipe(v.array(BehaviourSchema), v.maxLength(BEHAVIOURS.length))),
      }),
    ),
    v.maxLength(10),
  ),
  /**
   * Utterances so far that gave advice or information, with or without permission (issue 16):
   * the teach-back nudge waits for one. Not a behaviour of its own: advice after a permission-ask is fine.
   */
  adviceGiven: v.optional(count),
  status: SpeechStatusSchema,
});
export type LiveQuestions = v.InferOutput<typeof LiveQuestionsSchema>;

/* ---------- Gaze (issue 5) ---------- */

/** `on-screen`, `away`, `down` (charting), `no-face` come from the gaze engine; the rest are conditions of the camera. */
export const GazeStateSchema = v.picklist([
  'on-screen',
  'away',
  'down',
  'no-face',
  'multiple-faces',
  'low-light',
  'calibrating',
  'camera-denied',
  'camera-busy',
  'unavailable',
]);
export type GazeState = v.InferOutput<typeof GazeStateSchema>;

export const LiveGazeSchema = v.object({
  state: GazeStateSchema,
  /** How long the current look-away (away or down) has lasted, s; 0 when on screen. */
  awayForS: nonNegative,
  nods: count,
  /** Share of the patient's speaking time so far with on-screen gaze; null before the patient spoke. */
  onScreenWhilePatientSpeaksShare: share,
  message: v.nullable(v.string()),
});
export type LiveGaze = v.InferOutput<typeof LiveGazeSchema>;

export const GazeIntervalSchema = v.object({ startS: nonNegative, endS: nonNegative, state: GazeStateSchema });
export const GazeSummarySchema = v.object({
  onScreenWhilePatientSpeaksShare: share,
  longestLookAwayS: nonNegative,
  nods: count,
  /** Nod times, s from the start of the visit. */
  nodTimesS: v.array(nonNegative),
  /** Consecutive states for the timeline's gaze band. */
  intervals: v.array(GazeIntervalSchema),
  calibrated: v.boolean(),
});
export type GazeSummary = v.InferOutput<typeof GazeSummarySchema>;

/* ---------- Nudges (issue 6) ---------- */

export const NudgeIdSchema = v.picklist(['opening', 'monologue', 'balance', 'closed-questions', 'reflect', 'gaze', 'agenda', 'permission', 'teach-back']);
export type NudgeId = v.InferOutput<typeof NudgeIdSchema>;

/** The one gentle prompt the panel shows now, with why and on what evidence. */
export const NudgeSchema = v.object({
  id: NudgeIdSchema,
  text: v.string(),
  reason: v.string(),
  source: v.string(),
  raisedAtS: nonNegative,
});
export type Nudge = v.InferOutput<typeof NudgeSchema>;

export const NudgeEventSchema = v.object({ id: NudgeIdSchema, atS: nonNegative });
export type NudgeEvent = v.InferOutput<typeof NudgeEventSchema>;

/* ---------- Goals (issue 7; shown on the panel, issue 6) ---------- */

/** A goal the clinician picked on the summary page for the next visit. */
export const GoalSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  /** Epoch milliseconds. */
  setAt: finite,
  /** The visit whose summary it was set from. */
  fromVisitId: v.nullable(v.string()),
});
export type Goal = v.InferOutput<typeof GoalSchema>;

/* ---------- Time not scored (issue 19: pause, microphone without sound) ---------- */

/** Why the live session is not counting: the clinician paused, or the microphone gives no sound (blocked, muted). */
export const HoldReasonSchema = v.picklist(['paused', 'no-microphone']);
export type HoldReason = v.InferOutput<typeof HoldReasonSchema>;

/** A span left out of the visit's figures: at `atS` of visit time, `durationS` of wall time was not counted. */
export const ExcludedSpanSchema = v.object({ atS: nonNegative, durationS: nonNegative, reason: HoldReasonSchema });
export type ExcludedSpan = v.InferOutput<typeof ExcludedSpanSchema>;

/** What the panel needs, sent once a second and at once on a change of speaker or a new label. Aggregates only: no audio, no text. */
export const LiveTalkSchema = v.object({
  ...TalkTotalsSchema.entries,
  elapsedS: nonNegative,
  speakingNow: SpeakingNowSchema,
  /** Conversation metrics so far (absent from engines before talk-duplex-2). */
  metrics: v.optional(LiveMetricsSchema),
  /** Question and reflection counts (when speech-to-text runs). */
  questions: v.optional(LiveQuestionsSchema),
  /** Gaze state (when the clinician turned gaze cues on). */
  gaze: v.optional(LiveGazeSchema),
  /** The one nudge showing now, if any. */
  nudge: v.optional(v.nullable(NudgeSchema)),
  /** Not counting now, and why (absent or null: counting). */
  held: v.optional(v.nullable(HoldReasonSchema)),
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
  /** Conversation metrics (absent from visits saved by engines before talk-duplex-2). */
  metrics: v.optional(TalkMetricsSchema),
  /** The clinician's labelled utterances (text only when privacy-local mode was off). */
  utterances: v.optional(v.array(LabelledUtteranceSchema)),
  /** Counts over `utterances`, corrections applied. */
  questions: v.optional(QuestionCountsSchema),
  /**
   * Utterances that gave advice or information, with or without permission (the live pipeline's
   * `adviceGiven`): whether teach-back applied. Absent on visits saved before it (then
   * approximated by permission-asks + unasked advice).
   */
  adviceGiven: v.optional(count),
  gaze: v.optional(GazeSummarySchema),
  nudges: v.optional(v.array(NudgeEventSchema)),
  /** Time left out of the figures (paused, no microphone sound); the timeline marks it. */
  excluded: v.optional(v.array(ExcludedSpanSchema)),
  /** The goal the clinician had set for this visit. */
  goal: v.optional(GoalSchema),
  remoteSource: RemoteSourceSchema,
  endReason: EndReasonSchema,
  /** True when the visit was closed from a checkpoint, so its last seconds may be missing. */
  partial: v.boolean(),
  privacyLocal: v.boolean(),
});
export type VisitSummary = v.InferOutput<typeof VisitSummarySchema>;
