import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { lockThisContextsNetwork } from '../src/adapters/browser/network-lock';
import { runMoonshineWorker } from '../src/adapters/speech/moonshine-worker';

// Started with `new Worker()` by the engine host (offscreen document); see moonshine-worker.ts.
// Third-party code runs here (MediaPipe bundles a usage logger): nothing may leave the extension.
export default defineUnlistedScript(() => {
  lockThisContextsNetwork();
  runMoonshineWorker(self as unknown as Parameters<typeof runMoonshineWorker>[0]);
});
