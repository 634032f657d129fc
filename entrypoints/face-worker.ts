import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runFaceWorker } from '../src/adapters/vision/face-worker';

// A classic worker started by the engine host and the options page; see face-worker.ts.
export default defineUnlistedScript(() => runFaceWorker(self as unknown as Parameters<typeof runFaceWorker>[0]));
