import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_VERSION, writeSettings } from '../../../src/core/settings/settings';

describe('settings', () => {
  it('defaults to privacy-local mode on', () => {
    expect(readSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.privacyLocal).toBe(true);
  });

  it('round-trips through its stored form with the current version', () => {
    const stored = writeSettings({ ...DEFAULT_SETTINGS, privacyLocal: false });
    expect(stored.version).toBe(SETTINGS_VERSION);
    expect(readSettings(stored).privacyLocal).toBe(false);
  });

  it('repairs invalid fields one by one instead of resetting everything', () => {
    const read = readSettings({ version: 1, value: { privacyLocal: false, showPanelOnCallPages: 'yes', unknown: 1 } });
    expect(read).toEqual({ privacyLocal: false, showPanelOnCallPages: true });
  });

  it('survives garbage', () => {
    expect(readSettings({ version: 1, value: 'nonsense' })).toEqual(DEFAULT_SETTINGS);
  });
});
