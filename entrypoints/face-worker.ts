import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { lockThisContextsNetwork } from '../src/adapters/browser/network-lock';
import { runFaceWorker } from '../src/adapters/vision/face-worker';

// A classic worker started by the engine host and the options page; see face-worker.ts.
// Third-party code runs here (MediaPipe bundles a usage logger): nothing may leave the extension.
export default defineUnlistedScript(() => {
  lockThisContextsNetwork();
  runFaceWorker(self as unknown as Parameters<typeof runFaceWorker>[0]);
});
