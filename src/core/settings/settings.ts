/**
 * User settings: one defaults object, the type derived from its schema, a version, and a
 * migration ladder so that a record written by any earlier version is read correctly.
 */
import * as v from 'valibot';

export const SETTINGS_VERSION = 1;

export const SettingsSchema = v.object({
  /** Nothing leaves the device and no transcript text is kept. On by default. */
  privacyLocal: v.boolean(),
  /** The panel shows itself on supported call pages; the shortcut toggles it either way. */
  showPanelOnCallPages: v.boolean(),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  privacyLocal: true,
  showPanelOnCallPages: true,
});

export interface StoredSettings {
  version: number;
  value: unknown;
}

/** Each step turns a version-n record into a version-(n+1) one. None yet: version 1 is the first. */
const MIGRATIONS: Record<number, (value: Record<string, unknown>) => Record<string, unknown>> = {};

/**
 * Reads a stored record of any version into valid current settings: unknown versions and
 * invalid fields fall back to their defaults field by field, so one bad field never resets all.
 */
export function readSettings(stored: StoredSettings | null | undefined): Settings {
  if (!stored || typeof stored.value !== 'object' || stored.value === null) return { ...DEFAULT_SETTINGS };
  let value = { ...(stored.value as Record<string, unknown>) };
  for (let version = stored.version; version < SETTINGS_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (step) value = step(value);
  }
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, schema] of Object.entries(SettingsSchema.entries)) {
    const field = v.safeParse(schema, value[key]);
    if (field.success) out[key] = field.output;
  }
  return out as Settings;
}

export function writeSettings(settings: Settings): StoredSettings {
  return { version: SETTINGS_VERSION, value: v.parse(SettingsSchema, settings) };
}
