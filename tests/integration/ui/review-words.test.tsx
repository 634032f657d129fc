import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createCoordinator, type CoordinatorPorts, type CoordinatorState } from '../../../src/core/session/coordinator';
import { createTalkEngine } from '../../../src/core/talk/talk-engine';
import type { LabelledUtterance } from '../../../src/core/session/schema';
import { VISIT_WORDS_TTL_MS } from '../../../src/core/session/visit-words';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { openAttuneDb } from '../../../src/adapters/storage/db';
import { createVisitRepository } from '../../../src/adapters/storage/visit-repository';
import { createCheckpointStore } from '../../../src/adapters/storage/checkpoint-store';
import { createSessionVisitWordsStore } from '../../../src/adapters/storage/visit-words-store';
import { createBackgroundRouter } from '../../../src/adapters/messaging/background-router';
import type { SummaryActions } from '../../../src/ui/summary/actions';
import { VisitDetail } from '../../../src/ui/summary/VisitDetail';
import { DEFAULT_CONTEXT } from '../../../src/ui/summary/actions';
import { getByRole, mount } from './dom';

/**
 * Issue 19.5: in privacy-local mode (the default) the words never reach IndexedDB, yet the review
 * right after the visit shows them, from the background's memory (storage.session), until the
 * time limit passes or the browser restarts; then it says they are gone.
 */
const WORDS = 'So you are worried about your sleep?';
const utterance = (text?: string): LabelledUtterance => ({ id: 'u1', startS: 1, endS: 3, label: 'closed_question', confidence: 0.3, ...(text && { text }) });
const me = { runtimeId: 'attune', origin: 'chrome-extension://attune/', offscreenUrl: 'chrome-extension://attune/offscreen.html' };
const page = { id: 'attune', url: 'chrome-extension://attune/summary.html' };

function setup() {
  const db = openAttuneDb();
  let clock = 1_700_000_000_000;
  let state: CoordinatorState | null = null;
  const talk = createTalkEngine();
  for (let f = 0; f < 1000; f++) talk.push({ energyDb: f < 400 ? -20 : -70 }, { energyDb: f >= 500 ? -20 : -70 });
  const words = createSessionVisitWordsStore(() => clock);
  const ports: CoordinatorPorts = {
    engine: {
      start: async () => undefined,
      end: async () => ({ talk: talk.result(), extras: { utterances: [utterance(WORDS)] } }),
      pause: async () => undefined,
      remoteFrames: () => undefined,
      activeSessions: async () => [],
    },
    tabs: { send: () => undefined, url: async () => 'https://meet.google.com/abc-defg-hij', captureStreamId: async () => 'stream-1', showPanel: async () => undefined },
    visits: createVisitRepository(db),
    checkpoints: createCheckpointStore(db),
    state: { load: async () => (state ? structuredClone(state) : null), save: async (s) => void (state = structuredClone(s)) },
    settings: async () => ({ ...DEFAULT_SETTINGS, patientsInformedConfirmed: true }),
    words,
    now: () => clock,
    newId: () => 'visit-1',
    log: () => undefined,
  };
  const coordinator = createCoordinator(ports);
  const route = (store = words) =>
    createBackgroundRouter({
      coordinator,
      me,
      listVisits: async () => ({ visits: [], skipped: [] }),
      history: { deleteVisit: async () => true, deleteAllVisits: async () => 1 } as never,
      visitWords: store,
      openSummary: async () => undefined,
      openSetup: async () => undefined,
      log: () => undefined,
    });
  return { coordinator, ports, route, visits: createVisitRepository(db), checkpoints: createCheckpointStore(db), advance: (ms: number) => void (clock += ms) };
}

function review(visit: Parameters<typeof VisitDetail>[0]['visit'], words: unknown): HTMLElement {
  const actions = { onCorrectLabel: () => undefined } as unknown as SummaryActions;
  const context = { ...DEFAULT_CONTEXT, reviewWords: { visitId: visit.id, words: words as null } };
  return getByRole(mount(<VisitDetail visit={visit} context={context} actions={actions} />), 'region', 'Uncertain labels');
}

describe('privacy-local review words: in memory, never stored', () => {
  it('the saved visit and its checkpoints hold no words; the review gets them from memory', async () => {
    const t = setup();
    await t.coordinator.start(7, 'toolbar');
    await t.coordinator.engineCheckpoint('visit-1', { talk: createTalkEngine().checkpoint(), extras: { utterances: [utterance(WORDS)] } });
    expect(JSON.stringify(await t.checkpoints.all())).not.toMatch(/worried/);
    await t.coordinator.end(7, 'user');

    const { visits } = await t.visits.list();
    expect(visits).toHaveLength(1);
    expect(visits[0]!.utterances).toEqual([utterance()]);
    expect(JSON.stringify(visits)).not.toMatch(/worried/);
    expect(await t.checkpoints.all()).toEqual([]);

    const answer = await t.route()({ type: 'page:visit-words', visitId: 'visit-1' }, page);
    expect(answer).toEqual([{ utteranceId: 'u1', text: WORDS }]);
    const shown = review(visits[0]!, answer);
    expect(shown.querySelector('.attune-review__words')!.textContent).toBe(WORDS);
    expect(shown.textContent).toMatch(/kept in memory only/);
  });

  it('after the time limit, or a browser restart, the review says the words are gone', async () => {
    const t = setup();
    await t.coordinator.start(7, 'toolbar');
    await t.coordinator.end(7, 'user');
    const visit = (await t.visits.list()).visits[0]!;
    t.advance(VISIT_WORDS_TTL_MS - 1000);
    expect(await t.route()({ type: 'page:visit-words', visitId: 'visit-1' }, page)).toHaveLength(1);
    t.advance(2000);
    const answer = await t.route()({ type: 'page:visit-words', visitId: 'visit-1' }, page);
    expect(answer).toBeNull();
    const shown = review(visit, answer);
    expect(shown.querySelector('.attune-review__words')).toBeNull();
    expect(shown.textContent).toMatch(/words of this visit are gone \(the browser was restarted or the review time passed\)/);
    expect(shown.textContent).toMatch(/only times and labels remain/);
  });

  it('a restarted worker still finds them in storage.session, a restarted browser not; a bad request gets no answer', async () => {
    const t = setup();
    await t.coordinator.start(7, 'toolbar');
    await t.coordinator.end(7, 'user');
    const restarted = createSessionVisitWordsStore(() => t.ports.now());
    expect(await t.route(restarted)({ type: 'page:visit-words', visitId: 'visit-1' }, page)).toEqual([{ utteranceId: 'u1', text: WORDS }]);
    await fakeBrowser.storage.session.clear(); // what a browser restart does to storage.session
    expect(await t.route(createSessionVisitWordsStore(() => t.ports.now()))({ type: 'page:visit-words', visitId: 'visit-1' }, page)).toBeNull();
    expect(t.route()({ type: 'page:visit-words', visitId: '' }, page)).toBeUndefined();
  });

  it('deleting the visit deletes its words from memory too', async () => {
    const t = setup();
    await t.coordinator.start(7, 'toolbar');
    await t.coordinator.end(7, 'user');
    const route = t.route();
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).toMatch(/worried/);
    expect(await route({ type: 'page:delete-visit', visitId: 'visit-1' }, page)).toBe(true);
    expect(await route({ type: 'page:visit-words', visitId: 'visit-1' }, page)).toBeNull();
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toMatch(/worried/);
  });
});
