import { browser } from 'wxt/browser';
import {
  BackgroundToPanelSchema,
  TabViewSchema,
  parseMessage,
  type BackgroundToPanel,
  type PanelToBackground,
  type TabView,
} from '../../core/protocol/messages';

/**
 * The content script's side of the panel ⇄ background channel. Replies and pushes are
 * validated like everything else: a view that does not parse is treated as no view.
 */
export function createPanelChannel() {
  async function request(message: PanelToBackground): Promise<unknown> {
    return browser.runtime.sendMessage(message);
  }
  const asView = (raw: unknown): TabView | null => parseMessage(TabViewSchema, raw);

  return {
    send: (message: PanelToBackground) => request(message).catch(() => undefined),
    async requestView(message: PanelToBackground): Promise<TabView | null> {
      try {
        return asView(await request(message));
      } catch {
        return null; // the worker is restarting; the next push brings the view
      }
    },
    listen(onMessage: (message: BackgroundToPanel) => void): () => void {
      const listener = (raw: unknown, sender: { id?: string }) => {
        if (sender.id !== browser.runtime.id) return;
        const message = parseMessage(BackgroundToPanelSchema, raw);
        if (message) onMessage(message);
      };
      browser.runtime.onMessage.addListener(listener);
      return () => browser.runtime.onMessage.removeListener(listener);
    },
  };
}
export type PanelChannel = ReturnType<typeof createPanelChannel>;
