import { render } from 'preact';
import { browser } from 'wxt/browser';
import { platformForUrl } from '../../src/core/platforms/catalog';
import type { TabView } from '../../src/core/protocol/messages';
import { pageChannel } from '../../src/adapters/messaging/page-channel';
import { loadSettings, updateSettings } from '../../src/adapters/storage/settings-store';
import { readMicPermission } from '../../src/adapters/browser/microphone-permission';
import { openExtensionPage } from '../../src/adapters/browser/extension-pages';
import { Popup, type PopupModel, type PopupTab } from '../../src/ui/popup/Popup';

// The toolbar popup: wiring only. `?tabId=N` shows the popup for a given tab (used when the
// popup is opened as a page, e.g. from keyboard navigation or tests); otherwise the active tab.
const root = document.getElementById('app')!;

async function currentTab(): Promise<{ id: number; url: string } | null> {
  const param = new URLSearchParams(location.search).get('tabId');
  const tab = param ? await browser.tabs.get(Number(param)).catch(() => null) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return tab?.id !== undefined ? { id: tab.id, url: tab.url ?? '' } : null;
}

function describeTab(url: string): PopupTab {
  const supported = /^https?:/.test(url);
  const host = supported ? new URL(url).hostname : null;
  return { supported, platformLabel: platformForUrl(url)?.label ?? null, host };
}

async function main() {
  const tab = await currentTab();
  let model: PopupModel = {
    tab: tab ? describeTab(tab.url) : null,
    coaching: 'idle',
    live: null,
    privacyLocal: (await loadSettings()).privacyLocal,
    micPermission: await readMicPermission(),
    message: null,
  };
  const fromView = (view: TabView) => {
    model = { ...model, coaching: view.coaching, live: view.live, message: view.message, privacyLocal: view.sessionId ? view.privacyLocal : model.privacyLocal };
    draw();
  };
  const fail = (error: unknown) => {
    model = { ...model, coaching: 'error', message: error instanceof Error ? error.message : String(error) };
    draw();
  };
  const draw = () =>
    render(
      <Popup
        model={model}
        actions={{
          onStart: () => tab && pageChannel.start(tab.id).then(fromView, fail),
          onStop: () => tab && pageChannel.stop(tab.id).then(fromView, fail),
          onShowPanel: () => tab && pageChannel.showPanel(tab.id).then(() => window.close(), fail),
          onPrivacyLocalChange: (on) =>
            void updateSettings({ privacyLocal: on }).then((s) => {
              model = { ...model, privacyLocal: s.privacyLocal };
              draw();
            }),
          onOpenSummaries: () => void openExtensionPage('/summary.html'),
          onOpenSetup: () => void openExtensionPage('/options.html'),
        }}
      />,
      root,
    );
  draw();
  if (tab && model.tab?.supported) {
    // The permission is read again with each view: a grant made on the options page shows at once.
    const refresh = async () => {
      model = { ...model, micPermission: await readMicPermission() };
      return pageChannel.tabView(tab.id).then(fromView, fail);
    };
    await refresh();
    setInterval(refresh, 500);
  }
}

void main();
