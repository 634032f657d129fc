import * as v from 'valibot';
import { TAP_FROM_EXTENSION, TapFramesSchema, type TapCommand } from './page-tap-protocol';

/**
 * The content script's end of the page tap: tells the MAIN-world tap to start or stop, and
 * forwards frames only for the session it started, after validation (the page could forge them).
 */
export function createPageTapBridge(win: Window, forward: (sessionId: string, energyDb: number[]) => void) {
  let sessionId: string | null = null;
  const post = (command: TapCommand) => win.postMessage(command, win.location.origin);
  const onMessage = (event: MessageEvent) => {
    if (event.source !== win || sessionId === null) return;
    const frames = v.safeParse(TapFramesSchema, event.data);
    if (frames.success && frames.output.sessionId === sessionId) forward(sessionId, frames.output.energyDb);
  };
  win.addEventListener('message', onMessage);
  return {
    start(id: string) {
      sessionId = id;
      post({ source: TAP_FROM_EXTENSION, type: 'start', sessionId: id });
    },
    stop() {
      if (sessionId === null) return;
      sessionId = null;
      post({ source: TAP_FROM_EXTENSION, type: 'stop' });
    },
    dispose() {
      this.stop();
      win.removeEventListener('message', onMessage);
    },
  };
}
