import { createSessionVisitWordsStore } from '../storage/visit-words-store';
import { browser } from 'wxt/browser';
import { createCoordinator } from '../../core/session/coordinator';
import type { EngineToBackground } from '../../core/protocol/messages';
import { createBackgroundRouter } from '../messaging/background-router';
import { createCheckpointStore } from '../storage/checkpoint-store';
import { coordinatorStateStore } from '../storage/coordinator-state-store';
import { openAttuneDb } from '../storage/db';
import { loadSettings } from '../storage/settings-store';
import { loadAdaptation, recordCorrection } from '../storage/adaptation-store';
import { EMPTY_PROFILE } from '../../core/questions/adaptation-profile';
import { recentVisitLengthsS, usualVisitLengthS } from '../../core/coach/behaviour-rules';
import { createVisitRepository } from '../storage/visit-repository';
import { createGoalStore } from '../storage/goal-store';
import { createStorageProblems } from '../storage/storage-errors';
import { createHistoryHandlers } from './history-handlers';
import { createRetentionJob, scheduleRetention } from './retention';
import { handleTabUpdate } from './tab-updates';
import { createTabsPort } from '../browser/tabs-port';
import { openExtensionPage } from '../browser/extension-pages';
import { createOffscreenEnginePort, OFFSCREEN_PATH } from '../audio/offscreen-engine-port';
import { createInProcessEnginePort } from '../audio/in-process-engine-port';
import { createEngineHost } from '../audio/engine-host';

/**
 * Builds the background: storage, the coordinator with its browser ports, the message router,
 * and the browser events that end visits. Everything is registered synchronously at start-up,
 * as MV3 requires for a worker that is woken by those very events.
 */
export function startBackground(): void {
  const log = (message: string) => console.info(`[attune] ${message}`);
  // Storage problems (an upgrade kept waiting, a full disk) are kept here for the pages to show.
  const problems = createStorageProblems();
  const db = openAttuneDb({ onBlocked: (message) => problems.blocked(message), onOpened: () => problems.blocked(null) });
  const visits = createVisitRepository(db);
  const goals = createGoalStore(db);
  const me = { runtimeId: browser.runtime.id, origin: browser.runtime.getURL('/'), offscreenUrl: browser.runtime.getURL(OFFSCREEN_PATH) };
  let route: ReturnType<typeof createBackgroundRouter> | null = null;

  const engine = browser.offscreen
    ? createOffscreenEnginePort()
    : createInProcessEnginePort(
        createEngineHost({
          // No offscreen document (Firefox): engine messages go straight to the router, as from the engine host.
          send: (message: EngineToBackground) => void route?.(message, { id: me.runtimeId, url: me.offscreenUrl }),
          workletUrl: browser.runtime.getURL('/frame-tap-worklet.js'),
          speech: { workerUrl: browser.runtime.getURL('/speech-worker.js'), assetUrl: (path) => browser.runtime.getURL(`/${path}` as '/speech-worker.js') },
          extensionUrl: (path) => browser.runtime.getURL(path as '/'),
        }),
      );

  const visitWords = createSessionVisitWordsStore();
  const coordinator = createCoordinator({
    words: visitWords,
    engine,
    tabs: createTabsPort(),
    visits: {
      // A failed save is reported to the pages as well as to the tab; a good one clears an old report.
      save: (summary) =>
        visits.save(summary).then(
          () => problems.clear(),
          (error: unknown) => {
            problems.report(error instanceof Error ? error.message : String(error));
            throw error;
          },
        ),
    },
    checkpoints: createCheckpointStore(db),
    goals,
    state: coordinatorStateStore,
    settings: loadSettings,
    adaptation: async () => {
      const read = await loadAdaptation().catch((error: unknown) => ({ profile: EMPTY_PROFILE, problem: String(error) }));
      if (read.problem) log(`labels not adapted: ${read.problem}`);
      return read.profile.layer;
    },
    usualVisitS: async () => {
      const saved = await visits.list().catch(() => ({ visits: [] }));
      return usualVisitLengthS(recentVisitLengthsS(saved.visits));
    },
    now: Date.now,
    newId: () => crypto.randomUUID(),
    log,
  });

  const history = createHistoryHandlers({ visits, goals, problems, now: Date.now, log, adaptation: { recordCorrection } });
  route = createBackgroundRouter({
    coordinator,
    me,
    listVisits: history.listVisits,
    history,
    visitWords,
    openSummary: (visitId) => openExtensionPage(visitId ? `/summary.html#${encodeURIComponent(visitId)}` : '/summary.html'),
    openSetup: () => openExtensionPage('/options.html'),
    log,
  });

  // The router itself ignores requests addressed to the offscreen document.
  browser.runtime.onMessage.addListener((raw: unknown, sender) => route!(raw, sender));
  browser.tabs.onRemoved.addListener((tabId) => void coordinator.tabRemoved(tabId));
  browser.tabs.onUpdated.addListener(
    (tabId, change) =>
      void handleTabUpdate(tabId, change, {
        navigated: (id, url) => coordinator.tabNavigated(id, url),
        tabUrl: async (id) => (await browser.tabs.get(id)).url,
      }),
  );
  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'toggle-panel') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) browser.tabs.sendMessage(tab.id, { type: 'tab:toggle-panel' }).catch(() => undefined);
  });
  // Registering for browser start-up wakes this worker then, so visits interrupted by a browser
  // restart are saved from their checkpoints right away (recover() below), not at the next click.
  browser.runtime.onStartup.addListener(() => log('browser started'));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void openExtensionPage('/options.html');
  });
  scheduleRetention(browser.alarms, createRetentionJob({ visits, settings: loadSettings, now: Date.now, log }), log);
  void coordinator.recover().then((saved) => saved.length && log(`closed ${saved.length} interrupted visit(s) from their checkpoints`));
}
