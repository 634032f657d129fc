import { defineContentScript } from 'wxt/utils/define-content-script';
import { ALL_CALL_PAGE_MATCHES } from '../src/core/platforms/catalog';
import { installPageRemoteTap } from '../src/adapters/audio/page-remote-tap';

// Runs in the page's own world before its scripts, to see the call's remote audio tracks.
export default defineContentScript({
  matches: ALL_CALL_PAGE_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installPageRemoteTap(window);
  },
});
