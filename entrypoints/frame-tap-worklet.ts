import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerFrameTap } from '../src/adapters/audio/frame-tap-processor';

// Loaded with audioWorklet.addModule() by the engine host; see frame-tap-processor.ts.
export default defineUnlistedScript(() => registerFrameTap());
