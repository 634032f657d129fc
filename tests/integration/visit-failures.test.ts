/**
 * What the coordinator does when storage fails or a visit carries a goal. The other failure
 * cases (worker killed, engine lost, browser restart, tab closed or navigated) are in
 * coordinator.test.ts and the end-to-end tests; docs/INTERNALS.md lists them all.
 */
import { describe, expect, it } from 'vitest';
import { createCoordinator, SAVE_FAILED, type CoordinatorPorts, type CoordinatorState } from '../../src/core/session/coordinator';
import { createTalkEngine } from '../../src/core/talk/talk-engine';
import { createVisitRepository } from '../../src/adapters/storage/visit-repository';
import { createCheckpointStore } from '../../src/adapters/storage/checkpoint-store';
import { createGoalStore } from '../../src/adapters/storage/goal-store';
import { openAttuneDb } from '../../src/adapters/storage/db';
import { QUOTA_MESSAGE, StorageError } from '../../src/adapters/storage/storage-errors';
import type { BackgroundToPanel, TabView } from '../../src/core/protocol/messages';
import { DEFAULT_SETTINGS } from '../../src/core/settings/settings';
import type { VisitExtras } from '../../src/core/session/live-session';

function talkResult() {
  const e = createTalkEngine();
  for (let f = 0; f < 800; f++) e.push({ energyDb: f < 300 ? -20 : -70 }, { energyDb: f >= 400 ? -20 : -70 });
  return e.result();
}

function setup(options: { extras?: VisitExtras; privacyLocal?: boolean } = {}) {
  const db = openAttuneDb();
  const repo = createVisitRepository(db);
  const goals = createGoalStore(db);
  const sent: Array<[number, BackgroundToPanel]> = [];
  let saved: CoordinatorState | null = null;
  const running = new Set<string>();
  let diskFull = false;
  let clock = 1_700_000_000_000;
  let ids = 0;
  const ports: CoordinatorPorts = {
    engine: {
      async start({ sessionId }) {
        running.add(sessionId);
      },
      async end(sessionId) {
        running.delete(sessionId);
        return { talk: talkResult(), extras: options.extras ?? {} };
      },
      pause: async () => undefined,
      remoteFrames: () => undefined,
      activeSessions: async () => [...running],
    },
    tabs: { send: (tabId, m) => void sent.push([tabId, m]), url: async () => 'https://meet.google.com/abc', captureStreamId: async () => 'stream', showPanel: async () => undefined },
    visits: {
      save: async (summary) => {
        if (diskFull) throw new StorageError(new DOMException('quota', 'QuotaExceededError'));
        await repo.save(summary);
      },
    },
    checkpoints: createCheckpointStore(db),
    state: { load: async () => (saved ? structuredClone(saved) : null), save: async (s) => void (saved = structuredClone(s)) },
    settings: async () => ({ ...DEFAULT_SETTINGS, patientsInformedConfirmed: true, privacyLocal: options.privacyLocal ?? true }),
    goals,
    now: () => (clock += 1000),
    newId: () => `visit-${++ids}`,
    log: () => undefined,
  };
  const lastView = (tabId: number): TabView | undefined =>
    sent.filter(([t, m]) => t === tabId && m.type === 'tab:view').map(([, m]) => (m as { view: TabView }).view).at(-1);
  return { ports, repo, goals, running, lastView, fillDisk: (on: boolean) => (diskFull = on), coordinator: createCoordinator(ports), restartWorker: () => createCoordinator(ports) };
}

describe('storage failures during a visit', () => {
  it('a full disk at the end keeps the checkpoint, tells the clinician, and the next start-up saves the visit', async () => {
    const t = setup();
    await t.coordinator.start(4, 'toolbar');
    const e = createTalkEngine();
    for (let f = 0; f < 600; f++) e.push({ energyDb: f >= 100 && f < 300 ? -20 : -70 }, { energyDb: -70 });
    await t.coordinator.engineCheckpoint('visit-1', { talk: e.checkpoint(), extras: {} });
    t.fillDisk(true);
    const view = await t.coordinator.end(4, 'user');
    expect(view.coaching).toBe('error');
    expect(view.message).toBe(`${SAVE_FAILED} ${QUOTA_MESSAGE}`);
    expect(t.lastView(4)?.message).toContain(QUOTA_MESSAGE); // the panel is told, not only the popup
    expect((await t.repo.list()).visits).toEqual([]);
    expect((await t.ports.checkpoints.all()).map((c) => c.session.sessionId)).toEqual(['visit-1']);

    // Space is freed; the browser restarts (storage.session is empty) and the worker starts again.
    t.fillDisk(false);
    await t.ports.state.save({ sessions: {}, lastVisit: {}, errors: {} });
    const saved = await t.restartWorker().recover();
    expect(saved.map((v) => [v.id, v.partial, v.clinicianS])).toEqual([['visit-1', true, 2]]);
    expect(await t.ports.checkpoints.all()).toEqual([]);
  });

  it('a full disk while recovering one visit does not stop the others from being saved', async () => {
    const t = setup();
    await t.coordinator.start(1, 'toolbar');
    await t.coordinator.start(2, 'toolbar');
    t.running.clear(); // the engine host died
    let calls = 0;
    const save = t.ports.visits.save;
    t.ports.visits.save = async (s) => {
      if (++calls === 1) throw new StorageError(new DOMException('quota', 'QuotaExceededError'));
      await save(s);
    };
    const saved = await t.restartWorker().recover();
    expect(saved).toHaveLength(1);
    expect((await t.ports.checkpoints.all())).toHaveLength(1);
  });
});

describe('goals during a visit', () => {
  it('the panel shows the goal before and during the visit, and the summary keeps it', async () => {
    const t = setup();
    const goal = { id: 'open-questions', text: 'Make at least 50% of my questions open.', setAt: 10, fromVisitId: 'visit-0' };
    await t.goals.set(goal, 10);
    expect((await t.coordinator.view(3)).goal).toEqual(goal);
    const view = await t.coordinator.start(3, 'toolbar');
    expect(view.goal).toEqual(goal);
    // A goal changed mid-visit does not change the visit's own goal.
    await t.goals.set(null, 20);
    expect((await t.restartWorker().view(3)).goal).toEqual(goal);
    await t.coordinator.end(3, 'user');
    expect((await t.repo.list()).visits[0]!.goal).toEqual(goal);
    expect((await t.coordinator.view(3)).goal).toBeNull();
  });

  it('a visit without a goal saves none', async () => {
    const t = setup();
    await t.coordinator.start(3, 'toolbar');
    await t.coordinator.end(3, 'user');
    expect((await t.repo.list()).visits[0]!.goal).toBeUndefined();
  });
});

describe('privacy-local mode at the storage boundary', () => {
  const utterances = [{ id: 'u1', startS: 1, endS: 2, label: 'open_question' as const, confidence: 0.9, text: 'What brings you in today?' }];

  it('on: words are never saved, even if a speech engine handed them over', async () => {
    const t = setup({ extras: { utterances }, privacyLocal: true });
    await t.coordinator.start(1, 'toolbar');
    await t.coordinator.end(1, 'user');
    const [saved] = (await t.repo.list()).visits;
    expect(saved!.privacyLocal).toBe(true);
    expect(saved!.utterances).toEqual([{ id: 'u1', startS: 1, endS: 2, label: 'open_question', confidence: 0.9 }]);
  });

  it('off: the clinician’s own words are kept for review', async () => {
    const t = setup({ extras: { utterances }, privacyLocal: false });
    await t.coordinator.start(1, 'toolbar');
    await t.coordinator.end(1, 'user');
    expect((await t.repo.list()).visits[0]!.utterances).toEqual(utterances);
  });
});
