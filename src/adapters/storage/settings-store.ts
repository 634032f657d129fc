import { storage } from 'wxt/utils/storage';
import { readSettings, writeSettings, type Settings, type StoredSettings } from '../../core/settings/settings';

/** Settings in storage.local, read through the core's validation and migration ladder. */
const item = storage.defineItem<StoredSettings | null>('local:settings', { fallback: null });

export async function loadSettings(): Promise<Settings> {
  return readSettings(await item.getValue());
}

export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...change };
  await item.setValue(writeSettings(next));
  return next;
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return item.watch((value) => onChange(readSettings(value)));
}
