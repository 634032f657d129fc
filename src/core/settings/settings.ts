/**
 * User settings: one defaults object, the type derived from its schema, a version, and a
 * migration ladder so that a record written by any earlier version is read correctly.
 */
import * as v from 'valibot';

export const SETTINGS_VERSION = 2;

const seconds = (min: number, max: number) => v.pipe(v.number(), v.finite(), v.minValue(min), v.maxValue(max));
const fraction = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1));
const wholeCount = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

/** Each nudge can be switched off and its threshold changed (options page); see src/core/coach. */
export const NudgeSettingsSchema = v.object({
  opening: v.object({ enabled: v.boolean(), withinS: seconds(5, 300) }),
  monologue: v.object({ enabled: v.boolean(), overS: seconds(10, 600) }),
  balance: v.object({ enabled: v.boolean(), windowS: seconds(60, 1800), maxShare: fraction }),
  closedQuestions: v.object({ enabled: v.boolean(), inARow: wholeCount(2, 10) }),
  reflect: v.object({ enabled: v.boolean(), questionsWithoutReflection: wholeCount(2, 10) }),
  gaze: v.object({ enabled: v.boolean(), awayS: seconds(2, 120) }),
  /** No agenda elicitation ("anything else…?") by this time into the visit, once the patient's opening is over (issue 16). */
  agenda: v.object({ enabled: v.boolean(), byS: seconds(60, 1200) }),
  /** Advice or information given without a permission-ask among the clinician's recent utterances. */
  permission: v.object({ enabled: v.boolean() }),
  /** No teach-back yet this far into the visit, after advice or information was given. */
  teachBack: v.object({ enabled: v.boolean(), afterS: seconds(120, 3600) }),
  /** No nudge of the same kind again within this time, and none at all within minGapS of another. */
  cooldownS: seconds(10, 1800),
  minGapS: seconds(0, 600),
});
export type NudgeSettings = v.InferOutput<typeof NudgeSettingsSchema>;

export const SettingsSchema = v.object({
  /** Nothing leaves the device and no transcript text is kept. On by default. */
  privacyLocal: v.boolean(),
  /** The panel shows itself on supported call pages; the shortcut toggles it either way. */
  showPanelOnCallPages: v.boolean(),
  /** Quiet mode: the panel shows only the balance bar. */
  quietMode: v.boolean(),
  /** Speech-to-text engine for the clinician's microphone. Web Speech only runs where privacy allows it. */
  speechEngine: v.picklist(['moonshine', 'web-speech']),
  /** Gaze cues from the clinician's webcam: off until the clinician turns them on. */
  gazeEnabled: v.boolean(),
  /** Targets the panel and summary compare against (sources cited where shown). */
  targets: v.object({
    /** Highest clinician talk share considered balanced. */
    clinicianShareMax: fraction,
    /** Open questions as a share of all questions (MITI 3.1.1: 0.5 beginning, 0.7 competent). */
    openShareMin: fraction,
    /** Reflections per question (MITI 4.2.1: 1 fair, 2 good). */
    reflectionToQuestionMin: seconds(0, 10),
  }),
  nudges: NudgeSettingsSchema,
  /** Saved visits older than this are deleted; 0 keeps them forever. */
  retentionDays: wholeCount(0, 3650),
  /** The clinician confirmed on first run that patients are informed as their clinic requires. */
  patientsInformedConfirmed: v.boolean(),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  privacyLocal: true,
  showPanelOnCallPages: true,
  quietMode: false,
  speechEngine: 'moonshine',
  gazeEnabled: false,
  targets: { clinicianShareMax: 0.6, openShareMin: 0.5, reflectionToQuestionMin: 1 },
  nudges: {
    opening: { enabled: true, withinS: 30 },
    monologue: { enabled: true, overS: 60 },
    balance: { enabled: true, windowS: 300, maxShare: 0.6 },
    closedQuestions: { enabled: true, inARow: 3 },
    reflect: { enabled: true, questionsWithoutReflection: 2 },
    gaze: { enabled: true, awayS: 8 },
    agenda: { enabled: true, byS: 180 },
    permission: { enabled: true },
    teachBack: { enabled: true, afterS: 600 },
    cooldownS: 120,
    minGapS: 30,
  },
  retentionDays: 90,
  patientsInformedConfirmed: false,
}) as Settings;

export interface StoredSettings {
  version: number;
  value: unknown;
}

/**
 * Each step turns a version-n record into a version-(n+1) one. 1 → 2 only added fields,
 * which the per-field repair below fills with their defaults; so did the behaviour nudges
 * (agenda, permission, teachBack, issue 16), which need no new version for the same reason.
 */
const MIGRATIONS: Record<number, (value: Record<string, unknown>) => Record<string, unknown>> = {
  1: (value) => value,
};

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Keeps every valid field of `value`, recursing into objects, and takes the default for the rest. */
function repair(schema: v.GenericSchema, value: unknown, fallback: unknown): unknown {
  const whole = v.safeParse(schema, value);
  if (whole.success) return whole.output;
  if (schema.type === 'object' && isRecord(value) && isRecord(fallback)) {
    const entries = (schema as v.ObjectSchema<v.ObjectEntries, undefined>).entries;
    const out: Record<string, unknown> = {};
    for (const [key, fieldSchema] of Object.entries(entries)) out[key] = repair(fieldSchema, value[key], fallback[key]);
    return out;
  }
  return structuredClone(fallback);
}

/**
 * Reads a stored record of any version into valid current settings: unknown versions and
 * invalid fields fall back to their defaults field by field, so one bad field never resets all.
 */
export function readSettings(stored: StoredSettings | null | undefined): Settings {
  if (!stored || !isRecord(stored.value)) return structuredClone(DEFAULT_SETTINGS);
  let value = { ...stored.value };
  for (let version = stored.version; version < SETTINGS_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (step) value = step(value);
  }
  return repair(SettingsSchema, value, DEFAULT_SETTINGS) as Settings;
}

export function writeSettings(settings: Settings): StoredSettings {
  return { version: SETTINGS_VERSION, value: v.parse(SettingsSchema, settings) };
}
