import { defineContentScript } from 'wxt/utils/define-content-script';
import { ALL_CALL_PAGE_MATCHES } from '../src/core/platforms/catalog';
import { acceptTapPort } from '../src/adapters/audio/page-tap-handoff';
import { TAP_PORT_GLOBAL } from '../src/adapters/audio/page-tap-protocol';

// Isolated world, document_start (before any page script): takes the page tap's private port
// and leaves it, for the panel's content script, on this world's own global (the page cannot
// see the isolated world's globals).
export default defineContentScript({
  matches: ALL_CALL_PAGE_MATCHES,
  runAt: 'document_start',
  main() {
    (globalThis as unknown as Record<symbol, Promise<MessagePort>>)[TAP_PORT_GLOBAL] = acceptTapPort(window);
  },
});
