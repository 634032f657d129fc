import { describe, expect, it } from 'vitest';
import { lockNetworkToExtension, RefusedRequestError, type NetworkLockTarget } from '../../../src/adapters/browser/network-lock';

/**
 * Issue 17.3: in the face worker MediaPipe's bundled logger POSTs to odml.pa.googleapis.com every
 * 60 s (its fetch is caught and it then stops). With the lock, every API refuses the attempt
 * itself — before the CSP, before the network — and reports it; extension URLs still load.
 */
function fakeContext() {
  const sent: string[] = [];
  class FakeXhr {
    open(_method: string, url: string) {
      sent.push(`xhr ${url}`);
    }
  }
  class FakeSocket {
    constructor(url: string) {
      sent.push(`socket ${url}`);
    }
  }
  const scope = {
    location: { href: 'chrome-extension://abc/face-worker.js' },
    fetch: async (input: RequestInfo | URL) => {
      sent.push(`fetch ${String(input)}`);
      return new Response('ok');
    },
    XMLHttpRequest: FakeXhr as unknown as typeof XMLHttpRequest,
    navigator: { sendBeacon: (url: string | URL) => (sent.push(`beacon ${String(url)}`), true) },
    WebSocket: FakeSocket as unknown as typeof WebSocket,
    EventSource: FakeSocket as unknown as typeof EventSource,
  } satisfies NetworkLockTarget;
  const refused: string[] = [];
  lockNetworkToExtension(scope, (url, api) => refused.push(`${api} ${url}`));
  return { scope, sent, refused };
}

describe('the network lock of contexts that run third-party code', () => {
  it('refuses MediaPipe’s logger request, and every other way out, before it is attempted', async () => {
    const { scope, sent, refused } = fakeContext();
    const logger = 'https://odml.pa.googleapis.com/v1/log';
    await expect((scope.fetch as typeof fetch)(logger, { method: 'POST', body: 'x' })).rejects.toThrow(RefusedRequestError);
    expect(() => new scope.XMLHttpRequest().open('POST', 'https://example.com/x')).toThrow(RefusedRequestError);
    expect(scope.navigator.sendBeacon('https://example.com/b')).toBe(false);
    expect(() => new scope.WebSocket('wss://example.com/s')).toThrow(RefusedRequestError);
    expect(() => new scope.EventSource('//example.com/e')).toThrow(RefusedRequestError);
    expect(sent).toEqual([]);
    expect(refused).toEqual([`fetch ${logger}`, 'XMLHttpRequest https://example.com/x', 'sendBeacon https://example.com/b', 'WebSocket wss://example.com/s', 'EventSource //example.com/e']);
  });

  it('lets the extension’s own files through (models, wasm), relative or absolute, and blob: URLs', async () => {
    const { scope, sent, refused } = fakeContext();
    await scope.fetch('/models/face_landmarker.task');
    await scope.fetch('chrome-extension://abc/vision-wasm/vision_wasm_internal.wasm');
    await scope.fetch(new URL('blob:chrome-extension://abc/123'));
    new scope.XMLHttpRequest().open('GET', 'vision-wasm/x.js');
    expect(refused).toEqual([]);
    expect(sent).toHaveLength(4);
  });

  it('refuses another extension’s URL too', async () => {
    const { scope, refused } = fakeContext();
    await expect(scope.fetch('chrome-extension://other/x')).rejects.toThrow(RefusedRequestError);
    expect(refused).toHaveLength(1);
  });
});
