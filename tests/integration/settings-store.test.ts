import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadSettings, updateSettings, watchSettings } from '../../src/adapters/storage/settings-store';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../src/core/settings/settings';
import { coordinatorStateStore } from '../../src/adapters/storage/coordinator-state-store';

describe('settings in extension storage', () => {
  it('starts with privacy-local mode on and persists a change with its version', async () => {
    expect((await loadSettings()).privacyLocal).toBe(true);
    await updateSettings({ privacyLocal: false });
    expect((await loadSettings()).privacyLocal).toBe(false);
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: { version: SETTINGS_VERSION, value: { ...DEFAULT_SETTINGS, privacyLocal: false } } });
  });

  it('reads a hand-edited record field by field', async () => {
    await fakeBrowser.storage.local.set({ settings: { version: 1, value: { privacyLocal: 'off', showPanelOnCallPages: false } } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, privacyLocal: true, showPanelOnCallPages: false });
  });

  it('tells watchers about changes', async () => {
    const seen: boolean[] = [];
    const stop = watchSettings((s) => seen.push(s.privacyLocal));
    await updateSettings({ privacyLocal: false });
    stop();
    expect(seen).toEqual([false]);
  });
});

describe('the coordinator registry in session storage', () => {
  it('round-trips so a restarted worker finds its visits', async () => {
    expect(await coordinatorStateStore.load()).toBeNull();
    const state = { sessions: {}, lastVisit: { '4': 'visit-1' }, errors: {} };
    await coordinatorStateStore.save(state);
    expect(await coordinatorStateStore.load()).toEqual(state);
  });
});
