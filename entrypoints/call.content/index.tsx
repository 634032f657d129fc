import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ALL_CALL_PAGE_MATCHES, platformForUrl, type PlatformId } from '../../src/core/platforms/catalog';
import { createPanelChannel } from '../../src/adapters/messaging/panel-channel';
import { createPageTapBridge } from '../../src/adapters/audio/page-tap-bridge';
import { takenTapPort } from '../../src/adapters/audio/page-tap-protocol';
import { adapterFor, controlRects, watchCallState } from '../../src/adapters/platforms';
import { panelPositionStore } from '../../src/adapters/storage/panel-position-store';
import { tipStore } from '../../src/adapters/storage/tip-store';
import { loadSettings, watchSettings } from '../../src/adapters/storage/settings-store';
import { collectCssText, createPopOutHost } from '../../src/adapters/panel/pip-window';
import { acceptTrustedInputOnly } from '../../src/adapters/panel/trusted-events';
import { panelPrefsFrom } from '../../src/ui/panel/model';
import { createPanelController } from '../../src/ui/panel/PanelController';
import '../../src/ui/panel/panel.css';

// The panel on call pages: wiring only. The platform adapter reports the call state, the
// panel channel talks to the background, the tap bridge relays the page's far-end frames.
export default defineContentScript({
  matches: ALL_CALL_PAGE_MATCHES,
  cssInjectionMode: 'ui',
  async main(ctx) {
    const platform = platformForUrl(location.href);
    const site: PlatformId = platform?.id ?? 'other';
    const channel = createPanelChannel();
    const positions = panelPositionStore(site);
    const tap = createPageTapBridge(takenTapPort(), (sessionId, energyDb) => void channel.send({ type: 'panel:remote-frames', sessionId, energyDb }));
    const settings = await loadSettings();
    const popOut = createPopOutHost(window);
    const toolbarTip = tipStore('toolbar-start');

    const ui = await createShadowRootUi(ctx, {
      name: 'attune-panel',
      position: 'overlay',
      zIndex: 2147483646,
      isolateEvents: true,
      // Closed: page script cannot reach the panel (its counts, its buttons). Open only in dev/test builds, for the automation.
      mode: __ATTUNE_DEV_BUILD__ ? 'open' : 'closed',
      onMount(container) {
        return createPanelController(
          container,
          platform?.label ?? 'This tab',
          {
            start: () => void channel.requestView({ type: 'panel:start' }).then((view) => view && panel.update({ view })),
            end: () => void channel.requestView({ type: 'panel:end' }).then((view) => view && panel.update({ view })),
            pause: (paused) => void channel.requestView({ type: 'panel:pause', paused }).then((view) => view && panel.update({ view })),
            openSummary: (visitId) => void channel.send({ type: 'panel:open-summary', visitId }),
            openSetup: () => void channel.send({ type: 'panel:open-setup' }),
            savePosition: (p) => void positions.save(p),
            // The pop-out window keeps the panel out of a shared tab; only where the browser has it.
            popOut: popOut.supported
              ? () =>
                  void popOut
                    .open({ width: 320, height: 560, title: 'Attune', cssText: collectCssText(ui.shadow), onClose: () => panel.moveTo(null) })
                    .then((w) => panel.moveTo(w.container))
                    .catch((error: unknown) => console.warn('Attune: the panel could not pop out', error))
              : undefined,
            popIn: () => popOut.current?.close(),
            callControls: () => controlRects(document, adapterFor(site)),
            dismissToolbarTip: () => void toolbarTip.markSeen(),
          },
          { visible: settings.showPanelOnCallPages, prefs: panelPrefsFrom(settings) },
        );
      },
      onRemove: (controller) => controller?.unmount(),
    });
    ui.mount();
    acceptTrustedInputOnly(ui.shadow);
    const panel = ui.mounted!;
    panel.update({ position: await positions.load() });
    // Once, on the first real call page (not the demo), where tab capture exists (Chrome).
    const tabCaptureBrowser = popOut.supported || navigator.userAgent.includes('Chrome/');
    if (site !== 'demo' && tabCaptureBrowser && !(await toolbarTip.seen())) panel.update({ toolbarTip: true });

    const abort = new AbortController();
    const stopWatchingSettings = watchSettings((s) => panel.update({ prefs: panelPrefsFrom(s) }));
    ctx.onInvalidated(() => {
      abort.abort();
      tap.dispose();
      stopWatchingSettings();
      popOut.current?.close();
    });
    const callState = watchCallState(window, adapterFor(site), (state) => {
      panel.update({ callState: state });
      void channel.send({ type: 'panel:call-state', callState: state });
    }, abort.signal);
    panel.update({ callState });

    const stopListening = channel.listen((message) => {
      switch (message.type) {
        case 'tab:view':
          panel.update({ view: message.view });
          if (message.view.coaching !== 'active' && message.view.coaching !== 'starting') tap.stop();
          break;
        case 'tab:toggle-panel':
          panel.toggle();
          break;
        case 'tab:show-panel':
          panel.update({ visible: true, minimized: false });
          break;
        case 'tab:start-tap':
          tap.start(message.sessionId);
          break;
        case 'tab:stop-tap':
          tap.stop();
          break;
      }
    });
    ctx.onInvalidated(stopListening);

    const view = await channel.requestView({ type: 'panel:hello', site, callState });
    if (view) {
      panel.update({ view });
      // A page reload mid-visit: the session continues, so the tap must too.
      if (view.coaching === 'active' && view.remoteSource === 'page-tap' && view.sessionId) tap.start(view.sessionId);
    }
  },
});
