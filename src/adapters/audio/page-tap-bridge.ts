import * as v from 'valibot';
import { TapFramesSchema, type TapCommand } from './page-tap-protocol';

/**
 * The content script's end of the page tap: tells the MAIN-world tap to start or stop, and
 * forwards its frames for the session it started, after validation. Everything goes over the
 * private port (`tapPort`, from the document_start handoff); the page's window is never used.
 */
export function createPageTapBridge(tapPort: Promise<MessagePort>, forward: (sessionId: string, energyDb: number[]) => void) {
  let sessionId: string | null = null;
  let disposed = false;
  const post = (command: TapCommand) => void tapPort.then((port) => !disposed && port.postMessage(command));
  void tapPort.then((port) => {
    port.onmessage = (event: MessageEvent) => {
      if (sessionId === null) return;
      const frames = v.safeParse(TapFramesSchema, event.data);
      if (frames.success) forward(sessionId, frames.output.energyDb);
    };
  });
  return {
    start(id: string) {
      sessionId = id;
      post({ type: 'start' });
    },
    stop() {
      if (sessionId === null) return;
      sessionId = null;
      post({ type: 'stop' });
    },
    dispose() {
      this.stop();
      disposed = true;
    },
  };
}
