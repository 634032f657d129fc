import { IDENTITY_LAYER, type AdaptationLayer } from '../../src/core/questions/adaptation';
import { describe, expect, it } from 'vitest';
import { createCoordinator, MIC_HELP, PATIENTS_INFORMED_NEEDED, type CoordinatorPorts, type CoordinatorState } from '../../src/core/session/coordinator';
import { createTalkEngine, type TalkResult } from '../../src/core/talk/talk-engine';
import { createVisitRepository } from '../../src/adapters/storage/visit-repository';
import { createCheckpointStore } from '../../src/adapters/storage/checkpoint-store';
import { openAttuneDb } from '../../src/adapters/storage/db';
import type { BackgroundToPanel } from '../../src/core/protocol/messages';
import { DEFAULT_SETTINGS } from '../../src/core/settings/settings';

/** Ten seconds of talk: clinician 1–4 s, patient 5–10 s, as the engine would report it. */
function talk(seconds = 10): TalkResult {
  const engine = createTalkEngine();
  for (let f = 0; f < seconds * 100; f++) {
    const c = f >= 100 && f < 400 ? -20 : -70;
    const p = f >= 500 ? -20 : -70;
    engine.push({ energyDb: c }, { energyDb: p });
  }
  return engine.result();
}

/** The coordinator with real storage (fake-indexeddb) and fakes for the browser parts. */
/** The clinician's settings in these tests: the first-run confirmation given (issue 19.8), unless a test says otherwise. */
const CONFIRMED = { ...DEFAULT_SETTINGS, patientsInformedConfirmed: true };

function setup(options: { engineResult?: TalkResult | null; startError?: Error; running?: string[]; captureFails?: boolean; pageUrl?: string; confirmed?: boolean } = {}) {
  const db = openAttuneDb();
  const sent: Array<[number, BackgroundToPanel]> = [];
  let saved: CoordinatorState | null = null;
  const running = new Set(options.running ?? []);
  const frames: number[][] = [];
  const panelsShown: number[] = [];
  const startSettings: unknown[] = [];
  const startAdaptation: unknown[] = [];
  const startUsualVisitS: unknown[] = [];
  const pauses: Array<[string, boolean]> = [];
  let clock = 1_700_000_000_000;
  let ids = 0;
  const ports: CoordinatorPorts = {
    engine: {
      async start({ sessionId, settings, adaptation, usualVisitS }) {
        if (options.startError) throw options.startError;
        running.add(sessionId);
        startSettings.push(settings);
        startAdaptation.push(adaptation);
        startUsualVisitS.push(usualVisitS);
      },
      async end(sessionId) {
        running.delete(sessionId);
        const result = options.engineResult === undefined ? talk() : options.engineResult;
        return result && { talk: result, extras: {} };
      },
      pause: async (sessionId, paused) => void pauses.push([sessionId, paused]),
      remoteFrames: (_id, energyDb) => void frames.push(energyDb),
      activeSessions: async () => [...running],
    },
    tabs: {
      send: (tabId, message) => void sent.push([tabId, message]),
      url: async (tabId) => options.pageUrl ?? `https://meet.google.com/abc-defg-hij?tab=${tabId}`,
      captureStreamId: async () => {
        if (options.captureFails) throw new Error('Extension has not been invoked for the current page');
        return 'stream-1';
      },
      showPanel: async (tabId) => void panelsShown.push(tabId),
    },
    visits: createVisitRepository(db),
    checkpoints: createCheckpointStore(db),
    state: { load: async () => (saved ? structuredClone(saved) : null), save: async (s) => void (saved = structuredClone(s)) },
    settings: async () => (options.confirmed === false ? DEFAULT_SETTINGS : CONFIRMED),
    now: () => (clock += 1000),
    newId: () => `visit-${++ids}`,
    log: () => undefined,
  };
  return { ports, sent, frames, panelsShown, startSettings, startAdaptation, startUsualVisitS, pauses, running, db, visits: createVisitRepository(db), checkpoints: createCheckpointStore(db), coordinator: createCoordinator(ports), restartWorker: () => createCoordinator(ports), advanceClock: (ms: number) => void (clock += ms) };
}

describe('coordinator', () => {
  it("gives the engine the clinician's label adaptation as the visit starts", async () => {
    const t = setup();
    const layer: AdaptationLayer = { ...IDENTITY_LAYER, openLogOdds: 0.8, corrections: 7 };
    const coordinator = createCoordinator({ ...t.ports, adaptation: async () => layer });
    await coordinator.start(7, 'toolbar');
    expect(t.startAdaptation).toEqual([layer]);
  });

  it("gives the engine the clinician's usual visit length when known (the teach-back nudge), nothing otherwise", async () => {
    const t = setup();
    await createCoordinator({ ...t.ports, usualVisitS: async () => 900 }).start(7, 'toolbar');
    const u = setup();
    await createCoordinator({ ...u.ports, usualVisitS: async () => null }).start(7, 'toolbar');
    expect([t.startUsualVisitS, u.startUsualVisitS]).toEqual([[900], [undefined]]);
  });

  it('puts the panel on a page outside the catalog when the clinician starts there from the toolbar', async () => {
    const other = setup({ pageUrl: 'https://telehealth.example-clinic.org/room/5' });
    expect(await other.coordinator.start(9, 'toolbar')).toMatchObject({ coaching: 'active', remoteSource: 'tab-capture' });
    expect(other.panelsShown).toEqual([9]);
    const meet = setup();
    await meet.coordinator.start(9, 'toolbar');
    expect(meet.panelsShown).toEqual([]); // its own content script is already there
  });

  it('starts from the toolbar with tab capture and saves the engine’s figures at the end', async () => {
    const t = setup();
    const view = await t.coordinator.start(7, 'toolbar');
    expect(view).toMatchObject({ coaching: 'active', remoteSource: 'tab-capture', sessionId: 'visit-1' });
    // The engine gets the settings of this moment: the coach's thresholds and quiet mode.
    expect(t.startSettings).toEqual([CONFIRMED]);
    expect(t.startAdaptation).toEqual([undefined]); // no adaptation port: labels as the model gives them
    const ended = await t.coordinator.end(7, 'user');
    expect(ended).toMatchObject({ coaching: 'ended', lastVisitId: 'visit-1' });
    const { visits } = await t.visits.list();
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ id: 'visit-1', site: 'meet', host: 'meet.google.com', clinicianS: 3, patientS: 5, clinicianShare: 0.375, partial: false, endReason: 'user' });
    expect(await t.checkpoints.all()).toEqual([]);
  });

  it('falls back to the page tap when tab capture is not granted, and relays only that tab’s frames', async () => {
    const t = setup({ captureFails: true });
    const view = await t.coordinator.start(3, 'toolbar');
    expect(view.remoteSource).toBe('page-tap');
    expect(t.sent).toContainEqual([3, { type: 'tab:start-tap', sessionId: 'visit-1' }]);
    await t.coordinator.remoteFrames(3, 'visit-1', [-30, -31]);
    await t.coordinator.remoteFrames(4, 'visit-1', [-1]); // another tab claiming the session
    await t.coordinator.remoteFrames(3, 'forged', [-1]);
    expect(t.frames).toEqual([[-30, -31]]);
  });

  it('no visit starts before the clinician confirmed that patients are informed (issue 19.8)', async () => {
    const t = setup({ confirmed: false });
    for (const via of ['panel', 'toolbar'] as const) {
      const view = await t.coordinator.start(1, via, 'https://meet.google.com/x');
      expect(view).toMatchObject({ coaching: 'error', message: PATIENTS_INFORMED_NEEDED, sessionId: null });
    }
    expect(t.startSettings).toEqual([]); // the engine never started: no microphone, no counting
    expect((await t.visits.list()).visits).toEqual([]);
    expect(await t.checkpoints.all()).toEqual([]);
  });

  it('Pause and Resume reach the engine for the tab’s running visit only; Show panel reaches the tab (issue 19.7)', async () => {
    const t = setup();
    await t.coordinator.pause(2, true); // no visit on tab 2: nothing to pause
    await t.coordinator.start(2, 'toolbar');
    await t.coordinator.pause(2, true);
    await t.coordinator.pause(3, true);
    await t.coordinator.pause(2, false);
    expect(t.pauses).toEqual([
      ['visit-1', true],
      ['visit-1', false],
    ]);
    await t.coordinator.showPanel(2);
    expect(t.sent.at(-1)).toEqual([2, { type: 'tab:show-panel' }]);
  });

  it('a denied microphone becomes a clear message and no visit', async () => {
    const t = setup({ startError: Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' }) });
    const view = await t.coordinator.start(1, 'panel', 'https://meet.google.com/x');
    expect(view).toMatchObject({ coaching: 'error', message: MIC_HELP, sessionId: null });
    expect((await t.visits.list()).visits).toEqual([]);
    expect(await t.checkpoints.all()).toEqual([]);
  });

  it('a restarted worker still knows the visit and ends it normally', async () => {
    const t = setup();
    await t.coordinator.start(5, 'toolbar');
    const revived = t.restartWorker();
    await revived.engineLive('visit-1', { clinicianS: 1, patientS: 2, overlapS: 0, clinicianShare: 1 / 3, elapsedS: 4, speakingNow: 'patient' });
    expect(t.sent.at(-1)).toEqual([5, expect.objectContaining({ type: 'tab:view', view: expect.objectContaining({ coaching: 'active', live: expect.objectContaining({ elapsedS: 4 }) }) })]);
    expect((await revived.recover())).toEqual([]); // the engine still runs it: nothing to rescue
    await revived.end(5, 'hang-up');
    expect((await t.visits.list()).visits[0]).toMatchObject({ endReason: 'hang-up', partial: false });
  });

  it('saves a visit whose engine died from its last checkpoint, marked partial', async () => {
    const t = setup({ engineResult: null });
    await t.coordinator.start(2, 'toolbar');
    const checkpoint = (() => {
      const e = createTalkEngine();
      for (let f = 0; f < 500; f++) e.push({ energyDb: f >= 100 && f < 300 ? -20 : -70 }, { energyDb: -70 });
      return e.checkpoint();
    })();
    const nudges = [{ id: 'monologue' as const, atS: 3 }];
    await t.coordinator.engineCheckpoint('visit-1', { talk: checkpoint, extras: { nudges } });
    t.running.clear(); // the offscreen document crashed
    const saved = await t.restartWorker().recover();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ partial: true, endReason: 'engine-lost', clinicianS: 2, durationS: 5, nudges });
  });

  it('after a browser restart, saves leftover checkpoints as partial visits', async () => {
    const t = setup();
    await t.coordinator.start(9, 'toolbar');
    await t.ports.state.save({ sessions: {}, lastVisit: {}, errors: {} }); // storage.session is cleared by a restart
    t.running.clear();
    const saved = await t.restartWorker().recover();
    expect(saved.map((v) => [v.id, v.endReason, v.partial])).toEqual([['visit-1', 'browser-restart', true]]);
  });

  it('a visit recovered after a browser restart ends at its last checkpoint, not at the restart (issues 17.9, 19.6)', async () => {
    const t = setup();
    await t.coordinator.start(9, 'toolbar');
    const e = createTalkEngine();
    for (let f = 0; f < 4500; f++) e.push({ energyDb: f % 1000 < 400 ? -20 : -70 }, { energyDb: -70 });
    t.advanceClock(45_000);
    await t.coordinator.engineCheckpoint('visit-1', { talk: e.checkpoint(), extras: {} });
    const checkpointAt = (await t.checkpoints.get('visit-1'))!.savedAt;
    await t.ports.state.save({ sessions: {}, lastVisit: {}, errors: {} }); // the browser was closed…
    t.running.clear();
    t.advanceClock(16 * 60_000); // …and opened again a quarter of an hour later
    const [visit] = await t.restartWorker().recover();
    expect(visit).toMatchObject({ endReason: 'browser-restart', partial: true, durationS: 45 });
    expect(visit!.endedAt).toBe(checkpointAt);
    const rangeS = (visit!.endedAt - visit!.startedAt) / 1000;
    expect(Math.abs(rangeS - visit!.durationS)).toBeLessThanOrEqual(5); // the range agrees with the duration (the test clock ticks 1 s per read)
  });

  it('ends the visit when the call ends, the tab closes or navigates away', async () => {
    const t = setup();
    await t.coordinator.start(1, 'toolbar');
    await t.coordinator.callState(1, 'ended');
    await t.coordinator.start(2, 'toolbar');
    await t.coordinator.tabRemoved(2);
    await t.coordinator.start(3, 'toolbar');
    await t.coordinator.tabNavigated(3, 'https://meet.google.com/other-room'); // same site: keeps going
    await t.coordinator.tabNavigated(3, 'https://example.org/');
    const reasons = (await t.visits.list()).visits.map((v) => v.endReason).sort();
    expect(reasons).toEqual(['hang-up', 'navigated', 'tab-closed']);
  });

  it('reports a microphone that stopped mid-visit and keeps what was measured', async () => {
    const t = setup({ engineResult: null });
    await t.coordinator.start(4, 'toolbar');
    await t.coordinator.engineFailed('visit-1', 'The microphone stopped');
    const view = await t.coordinator.view(4);
    expect(view).toMatchObject({ coaching: 'error', message: 'The microphone stopped', lastVisitId: 'visit-1' });
    expect((await t.visits.list()).visits[0]).toMatchObject({ partial: true, endReason: 'engine-lost' });
  });
});
