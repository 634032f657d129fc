import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runMoonshineWorker } from '../src/adapters/speech/moonshine-worker';

// Started with `new Worker()` by the engine host (offscreen document); see moonshine-worker.ts.
export default defineUnlistedScript(() => runMoonshineWorker(self as unknown as Parameters<typeof runMoonshineWorker>[0]));
