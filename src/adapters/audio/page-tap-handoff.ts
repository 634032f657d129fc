import { TAP_OFFER_EVENT, TAP_READY_EVENT } from './page-tap-protocol';

/**
 * The one-time MessagePort handoff between the MAIN-world tap and the content script. Both run
 * at document_start, before any page script, in an order the browser does not promise; so:
 *
 * - the tap offers a port at once (a cancelable event carrying it); the content script, if
 *   already listening, takes it and cancels the event, which tells the tap it was taken;
 * - otherwise the content script, when it runs, announces itself (`ready`) and the tap offers
 *   again, synchronously, inside that announcement.
 *
 * Each side takes at most one port and then removes its listeners, so a page script that runs
 * later finds nobody listening: it can neither receive a port nor hand us a forged one.
 */
export function offerTapPort(win: Window, onConnected: (port: MessagePort) => void): void {
  let done = false;
  const offer = (): boolean => {
    const channel = new MessageChannel();
    const event = new MessageEvent(TAP_OFFER_EVENT, { ports: [channel.port2], cancelable: true });
    const taken = !win.dispatchEvent(event);
    if (taken) {
      done = true;
      win.removeEventListener(TAP_READY_EVENT, onReady);
      onConnected(channel.port1);
    } else channel.port1.close();
    return taken;
  };
  const onReady = () => {
    if (!done) offer();
  };
  win.addEventListener(TAP_READY_EVENT, onReady);
  offer();
}

/** The content script's side: resolves with the tap's port (once), however the two were ordered. */
export function acceptTapPort(win: Window): Promise<MessagePort> {
  return new Promise((resolve) => {
    const onOffer = (event: Event) => {
      const port = (event as MessageEvent).ports?.[0];
      if (!port) return;
      event.preventDefault(); // tells the tap its offer was taken
      event.stopImmediatePropagation();
      win.removeEventListener(TAP_OFFER_EVENT, onOffer);
      resolve(port);
    };
    win.addEventListener(TAP_OFFER_EVENT, onOffer);
    win.dispatchEvent(new Event(TAP_READY_EVENT));
  });
}
