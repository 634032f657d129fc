import { browser } from 'wxt/browser';
import { createCoordinator } from '../../core/session/coordinator';
import type { EngineToBackground } from '../../core/protocol/messages';
import { createBackgroundRouter } from '../messaging/background-router';
import { createCheckpointStore } from '../storage/checkpoint-store';
import { coordinatorStateStore } from '../storage/coordinator-state-store';
import { openAttuneDb } from '../storage/db';
import { loadSettings } from '../storage/settings-store';
import { createVisitRepository } from '../storage/visit-repository';
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
  const db = openAttuneDb();
  const visits = createVisitRepository(db);
  const me = { runtimeId: browser.runtime.id, origin: browser.runtime.getURL('/'), offscreenUrl: browser.runtime.getURL(OFFSCREEN_PATH) };
  let route: ReturnType<typeof createBackgroundRouter> | null = null;

  const engine = browser.offscreen
    ? createOffscreenEnginePort()
    : createInProcessEnginePort(
        createEngineHost({
          // No offscreen document (Firefox): engine messages go straight to the router, as from the engine host.
          send: (message: EngineToBackground) => void route?.(message, { id: me.runtimeId, url: me.offscreenUrl }),
          workletUrl: browser.runtime.getURL('/frame-tap-worklet.js'),
          extensionUrl: (path) => browser.runtime.getURL(path as '/'),
        }),
      );

  const coordinator = createCoordinator({
    engine,
    tabs: createTabsPort(),
    visits,
    checkpoints: createCheckpointStore(db),
    state: coordinatorStateStore,
    settings: loadSettings,
    now: Date.now,
    newId: () => crypto.randomUUID(),
    log,
  });

  route = createBackgroundRouter({
    coordinator,
    me,
    listVisits: () => visits.list(),
    openSummary: (visitId) => openExtensionPage(visitId ? `/summary.html#${encodeURIComponent(visitId)}` : '/summary.html'),
    openSetup: () => openExtensionPage('/options.html'),
    log,
  });

  // The router itself ignores requests addressed to the offscreen document.
  browser.runtime.onMessage.addListener((raw: unknown, sender) => route!(raw, sender));
  browser.tabs.onRemoved.addListener((tabId) => void coordinator.tabRemoved(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) void coordinator.tabNavigated(tabId, change.url);
  });
  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'toggle-panel') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) browser.tabs.sendMessage(tab.id, { type: 'tab:toggle-panel' }).catch(() => undefined);
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void openExtensionPage('/options.html');
  });
  void coordinator.recover().then((saved) => saved.length && log(`closed ${saved.length} interrupted visit(s) from their checkpoints`));
}
