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
    expect(read).toEqual({ ...DEFAULT_SETTINGS, privacyLocal: false, showPanelOnCallPages: true });
  });

  it('repairs inside nested objects: one bad threshold keeps the other nudge settings', () => {
    const nudges = { ...DEFAULT_SETTINGS.nudges, monologue: { enabled: false, overS: -5 }, opening: { enabled: false, withinS: 45 } };
    const read = readSettings({ version: 2, value: { ...DEFAULT_SETTINGS, nudges } });
    expect(read.nudges.opening).toEqual({ enabled: false, withinS: 45 });
    expect(read.nudges.monologue).toEqual({ enabled: false, overS: 60 });
  });

  it('migrates a version-1 record, keeping its choices and adding the new defaults', () => {
    const read = readSettings({ version: 1, value: { privacyLocal: false, showPanelOnCallPages: false } });
    expect(read).toEqual({ ...DEFAULT_SETTINGS, privacyLocal: false, showPanelOnCallPages: false });
  });

  it('a record saved before the behaviour nudges (issue 16) gets them on, with their defaults', () => {
    const { agenda: _agenda, permission: _permission, teachBack: _teachBack, ...older } = DEFAULT_SETTINGS.nudges;
    const read = readSettings({ version: 2, value: { ...DEFAULT_SETTINGS, nudges: { ...older, gaze: { enabled: false, awayS: 8 } } } });
    expect(read.nudges.gaze.enabled).toBe(false);
    expect(read.nudges.agenda).toEqual({ enabled: true, byS: 180 });
    expect(read.nudges.permission).toEqual({ enabled: true });
    expect(read.nudges.teachBack).toEqual({ enabled: true, afterS: 600 });
  });

  it('survives garbage', () => {
    expect(readSettings({ version: 1, value: 'nonsense' })).toEqual(DEFAULT_SETTINGS);
  });
});
