import { browser } from 'wxt/browser';
import type { BackgroundToPanel } from '../../core/protocol/messages';
import type { CoordinatorPorts } from '../../core/session/coordinator';
import { createBadgeRefresh } from './badge-refresh';

/**
 * Tabs as the coordinator sees them: messages to a tab's panel (mirrored on the toolbar
 * badge), the tab's URL, and a tab-capture stream id for its audio.
 */
/** The built call-page content script (WXT's output path for entrypoints/call.content). */
const CALL_CONTENT_SCRIPT = '/content-scripts/call.js';

export function createTabsPort(): CoordinatorPorts['tabs'] {
  const badge = createBadgeRefresh(() => Date.now());
  return {
    send(tabId, message: BackgroundToPanel) {
      if (message.type === 'tab:view') {
        const coaching = message.view.coaching === 'active' || message.view.coaching === 'starting';
        if (badge.due(tabId, coaching)) void showBadge(tabId, coaching).catch(() => badge.forget(tabId));
      }
      // A tab without our content script (any other site) simply has no one listening.
      browser.tabs.sendMessage(tabId, message).catch(() => undefined);
    },
    async url(tabId) {
      try {
        return (await browser.tabs.get(tabId)).url ?? null;
      } catch {
        return null;
      }
    },
    async captureStreamId(tabId) {
      // Chrome only; it succeeds only after the clinician invoked the extension on this tab.
      if (!browser.tabCapture?.getMediaStreamId) throw new Error('tab capture is not available in this browser');
      const streamId = await browser.tabCapture.getMediaStreamId({ targetTabId: tabId });
      if (!streamId) throw new Error('tab capture returned no stream id');
      return streamId;
    },
    async showPanel(tabId) {
      // activeTab lets us script the page the clinician invoked Attune on, and only that page.
      if (browser.scripting?.executeScript) await browser.scripting.executeScript({ target: { tabId }, files: [CALL_CONTENT_SCRIPT] });
      else await browser.tabs.executeScript(tabId, { file: CALL_CONTENT_SCRIPT });
    },
  };
}

/** Rejects when the tab is gone (or the browser has no badge): the next view tries again. */
async function showBadge(tabId: number, coaching: boolean): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ tabId, text: coaching ? 'ON' : '' });
  if (coaching) await action.setBadgeBackgroundColor({ tabId, color: '#1f7a64' });
}
