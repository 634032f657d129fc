import { browser } from 'wxt/browser';
import { createEngineHost } from '../../src/adapters/audio/engine-host';
import { createEngineRequestHandler } from '../../src/adapters/audio/engine-request-handler';
import { lockThisContextsNetwork } from '../../src/adapters/browser/network-lock';

// The engine host (Chrome): wiring only. Audio stays in this document; aggregates go out.
lockThisContextsNetwork(); // nothing leaves the extension (src/adapters/browser/network-lock.ts)
const host = createEngineHost({
  send: (message) => void browser.runtime.sendMessage(message).catch(() => undefined),
  workletUrl: browser.runtime.getURL('/frame-tap-worklet.js'),
  speech: { workerUrl: browser.runtime.getURL('/speech-worker.js'), assetUrl: (path) => browser.runtime.getURL(`/${path}` as '/speech-worker.js') },
  extensionUrl: (path) => browser.runtime.getURL(path as '/'),
});
browser.runtime.onMessage.addListener(createEngineRequestHandler(host, browser.runtime.id));
