/**
 * The messages between the extension's contexts, one schema per channel. Every receiver
 * validates what arrives against these before acting on it, and the background also checks
 * who sent it (see src/adapters/messaging/sender-checks.ts). Types are inferred from here.
 */
import * as v from 'valibot';
import { SettingsSchema } from '../settings/settings';
import { AdaptationLayerSchema } from '../questions/adaptation-profile';
import { BehaviourSchema, EndReasonSchema, GoalSchema, LiveTalkSchema, RemoteSourceSchema, UtteranceLabelSchema, VisitSummarySchema } from '../session/schema';
import { BEHAVIOURS } from '../behaviours/labels';
import { IMPORT_BATCH_VISITS } from '../history/export';
import { LiveSessionCheckpointSchema } from '../session/checkpoint-schema';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
/** Frame energies (dBFS) from the page's remote-track tap: bounded so a page cannot flood us. */
const energyBatch = v.pipe(v.array(v.pipe(v.number(), v.minValue(-200), v.maxValue(20))), v.maxLength(400));

export const CallStateSchema = v.picklist(['live', 'ended', 'unknown']);
export type CallState = v.InferOutput<typeof CallStateSchema>;

export const CoachingStatusSchema = v.picklist(['idle', 'starting', 'active', 'ending', 'ended', 'error']);
export type CoachingStatus = v.InferOutput<typeof CoachingStatusSchema>;

/** What a tab's panel and the popup show about that tab's session. */
export const TabViewSchema = v.object({
  coaching: CoachingStatusSchema,
  sessionId: v.nullable(v.string()),
  live: v.nullable(LiveTalkSchema),
  remoteSource: RemoteSourceSchema,
  privacyLocal: v.boolean(),
  message: v.nullable(v.string()),
  lastVisitId: v.nullable(v.string()),
  /** The goal the clinician set for the next visit, shown at the top of the panel. */
  goal: v.optional(v.nullable(GoalSchema)),
});
export type TabView = v.InferOutput<typeof TabViewSchema>;

/** Content script (panel) → background. The tab is taken from the sender, never the payload. */
export const PanelToBackgroundSchema = v.variant('type', [
  v.object({ type: v.literal('panel:hello'), site: id, callState: CallStateSchema }),
  v.object({ type: v.literal('panel:start') }),
  v.object({ type: v.literal('panel:end') }),
  v.object({ type: v.literal('panel:call-state'), callState: CallStateSchema }),
  v.object({ type: v.literal('panel:remote-frames'), sessionId: id, energyDb: energyBatch }),
  v.object({ type: v.literal('panel:open-summary'), visitId: v.nullable(id) }),
  v.object({ type: v.literal('panel:open-setup') }),
  /** The clinician's Pause (true) or Resume (false): held time is not scored. */
  v.object({ type: v.literal('panel:pause'), paused: v.boolean() }),
]);
export type PanelToBackground = v.InferOutput<typeof PanelToBackgroundSchema>;

/** Popup and extension pages → background. */
export const PageToBackgroundSchema = v.variant('type', [
  v.object({ type: v.literal('page:tab-view'), tabId }),
  v.object({ type: v.literal('page:start'), tabId }),
  v.object({ type: v.literal('page:stop'), tabId }),
  /** The popup's "Show panel": brings a hidden panel back on that tab. */
  v.object({ type: v.literal('page:show-panel'), tabId }),
  v.object({ type: v.literal('page:list-visits') }),
  v.object({ type: v.literal('page:delete-visit'), visitId: id }),
  v.object({ type: v.literal('page:delete-all-visits') }),
  /**
   * A batch of visits from an Attune JSON export. The history page parses, migrates and validates
   * the file (a big or hostile file never blocks the service worker, which runs live visits); the
   * background validates each batch again and stores it.
   */
  v.object({ type: v.literal('page:import-visits'), visits: v.pipe(v.array(VisitSummarySchema), v.maxLength(IMPORT_BATCH_VISITS)) }),
  /** The clinician's correction of one utterance's label; null removes the correction. */
  v.object({ type: v.literal('page:correct-label'), visitId: id, utteranceId: id, label: v.nullable(UtteranceLabelSchema) }),
  /** The clinician's confirmation that one utterance's label is right (false withdraws it): it then counts in full. */
  v.object({ type: v.literal('page:confirm-label'), visitId: id, utteranceId: id, confirmed: v.boolean() }),
  /** The clinician's correction of one utterance's listening behaviours (issue 16); null removes the correction. */
  v.object({ type: v.literal('page:correct-behaviours'), visitId: id, utteranceId: id, behaviours: v.nullable(v.pipe(v.array(BehaviourSchema), v.maxLength(BEHAVIOURS.length))) }),
  v.object({ type: v.literal('page:goals') }),
  /** The goal for the next visits; null clears it. */
  v.object({ type: v.literal('page:set-goal'), goal: v.nullable(GoalSchema) }),
  /** The words of a privacy-local visit, kept in memory only for its review (issue 19.5). */
  v.object({ type: v.literal('page:visit-words'), visitId: id }),
]);
export type PageToBackground = v.InferOutput<typeof PageToBackgroundSchema>;

/** The background's replies to the history pages (validated by the pages too). */
export const VisitListReplySchema = v.object({
  visits: v.array(VisitSummarySchema),
  /** Records that could not be read, with why: shown, never fatal. */
  skipped: v.array(v.object({ id: v.string(), reason: v.string() })),
  /** A storage problem the clinician must know about (disk full, an upgrade waiting), or null. */
  problem: v.optional(v.nullable(v.string())),
});
export type VisitListReply = v.InferOutput<typeof VisitListReplySchema>;

/** The background's reply to one import batch. */
export const ImportReplySchema = v.object({
  added: v.pipe(v.number(), v.integer(), v.minValue(0)),
  replaced: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type ImportReply = v.InferOutput<typeof ImportReplySchema>;

/** The review's words of one visit; null when they are gone (never kept, time passed, browser restarted). */
export const VisitWordsReplySchema = v.nullable(v.array(v.object({ utteranceId: id, text: v.string() })));
export type VisitWordsReply = v.InferOutput<typeof VisitWordsReplySchema>;

export const GoalsReplySchema = v.object({ current: v.nullable(GoalSchema), history: v.array(GoalSchema) });
export type GoalsReply = v.InferOutput<typeof GoalsReplySchema>;

/** Offscreen engine host → background. */
export const EngineToBackgroundSchema = v.variant('type', [
  v.object({ type: v.literal('engine:live'), sessionId: id, live: LiveTalkSchema }),
  v.object({ type: v.literal('engine:checkpoint'), sessionId: id, checkpoint: LiveSessionCheckpointSchema }),
  v.object({ type: v.literal('engine:failed'), sessionId: id, message: v.string() }),
]);
export type EngineToBackground = v.InferOutput<typeof EngineToBackgroundSchema>;

/** Background → offscreen engine host. */
export const BackgroundToEngineSchema = v.variant('type', [
  v.object({
    type: v.literal('engine:start'),
    sessionId: id,
    /** Tab-capture stream id, when the clinician started from the toolbar. */
    tabStreamId: v.nullable(v.string()),
    /** The clinician's settings when the visit started (coach thresholds, gaze, speech engine, privacy). */
    settings: v.optional(SettingsSchema),
    /** The clinician's label adaptation, learnt from their corrections (absent: none). */
    adaptation: v.optional(AdaptationLayerSchema),
    /** The median length of the clinician's recent visits, s (the teach-back nudge; absent: settings.nudges.teachBack.afterS). */
    usualVisitS: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
  }),
  v.object({ type: v.literal('engine:remote-frames'), sessionId: id, energyDb: energyBatch }),
  v.object({ type: v.literal('engine:end'), sessionId: id }),
  v.object({ type: v.literal('engine:pause'), sessionId: id, paused: v.boolean() }),
  v.object({ type: v.literal('engine:status') }),
]);
export type BackgroundToEngine = v.InferOutput<typeof BackgroundToEngineSchema>;

/** Background → content script. */
export const BackgroundToPanelSchema = v.variant('type', [
  v.object({ type: v.literal('tab:view'), view: TabViewSchema }),
  v.object({ type: v.literal('tab:toggle-panel') }),
  v.object({ type: v.literal('tab:show-panel') }),
  v.object({ type: v.literal('tab:start-tap'), sessionId: id }),
  v.object({ type: v.literal('tab:stop-tap') }),
]);
export type BackgroundToPanel = v.InferOutput<typeof BackgroundToPanelSchema>;

export const EndRequestSchema = v.object({ sessionId: id, reason: EndReasonSchema });

/** Messages addressed to the offscreen document carry this target so other contexts ignore them. */
export const OFFSCREEN_TARGET = 'attune-offscreen';

/** Parses or returns null: receivers drop what does not validate (and log it). */
export function parseMessage<T extends v.GenericSchema>(schema: T, raw: unknown): v.InferOutput<T> | null {
  const result = v.safeParse(schema, raw);
  return result.success ? result.output : null;
}

/** The extension origin's microphone permission, as the setup page and popup show it. */
export const MicPermissionSchema = v.picklist(['granted', 'denied', 'prompt', 'unknown']);
export type MicPermission = v.InferOutput<typeof MicPermissionSchema>;
