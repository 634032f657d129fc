/**
 * Attune makes no network request, and its CSP (`connect-src 'self'`) stops any that bundled
 * code would try. This is the second lock, for contexts that run third-party code (MediaPipe's
 * face worker, whose bundled usage logger would POST to a Google endpoint every 60 s: it is cut out
 * at build time, scripts/build/no-mediapipe-logger.ts; the speech worker; the offscreen document): fetch, XMLHttpRequest, sendBeacon, WebSocket and EventSource
 * refuse any URL outside the extension before a request is even attempted, and each refusal is
 * reported (`onRefused`), so a test can count attempts, not only requests that reach the network.
 */
export interface NetworkLockTarget {
  location: { href: string };
  fetch?: typeof fetch;
  XMLHttpRequest?: typeof XMLHttpRequest;
  navigator?: { sendBeacon?: (url: string | URL, data?: BodyInit | null) => boolean };
  WebSocket?: typeof WebSocket;
  EventSource?: typeof EventSource;
}

export class RefusedRequestError extends Error {
  override name = 'RefusedRequestError';
}

export function lockNetworkToExtension(scope: NetworkLockTarget, onRefused: (url: string, api: string) => void): void {
  // Compared by scheme and host: for a chrome-extension: URL, URL.origin is "null" outside Chrome.
  const self = new URL(scope.location.href);
  const allowed = (url: string | URL | Request): boolean => {
    const href = typeof url === 'string' ? url : url instanceof URL ? url.href : url.url;
    try {
      const target = new URL(href, scope.location.href);
      return (target.protocol === self.protocol && target.host === self.host) || target.protocol === 'blob:' || target.protocol === 'data:';
    } catch {
      return false;
    }
  };
  const refuse = (url: unknown, api: string): RefusedRequestError => {
    const shown = String(url instanceof Request ? url.url : url);
    onRefused(shown, api);
    return new RefusedRequestError(`Attune refused a network request (${api}) to ${shown}: nothing leaves this computer.`);
  };

  const nativeFetch = scope.fetch;
  if (nativeFetch) {
    scope.fetch = (input: RequestInfo | URL, init?: RequestInit) => (allowed(input) ? nativeFetch.call(scope, input, init) : Promise.reject(refuse(input, 'fetch')));
  }
  const xhrOpen = scope.XMLHttpRequest?.prototype.open;
  if (scope.XMLHttpRequest && xhrOpen) {
    scope.XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
      if (!allowed(url)) throw refuse(url, 'XMLHttpRequest');
      return (xhrOpen as (...args: unknown[]) => void).call(this, method, url, ...rest);
    } as typeof xhrOpen;
  }
  const beacon = scope.navigator?.sendBeacon;
  if (scope.navigator && beacon) {
    scope.navigator.sendBeacon = (url, data) => (allowed(url) ? beacon.call(scope.navigator, url, data) : (refuse(url, 'sendBeacon'), false));
  }
  for (const api of ['WebSocket', 'EventSource'] as const) {
    const Native = scope[api] as (new (url: string | URL, ...rest: unknown[]) => object) | undefined;
    if (!Native) continue;
    (scope as unknown as Record<string, unknown>)[api] = new Proxy(Native, {
      construct(target, args: [string | URL, ...unknown[]], newTarget) {
        if (!allowed(args[0])) throw refuse(args[0], api);
        return Reflect.construct(target, args, newTarget) as object;
      },
    });
  }
}

/** Installs the lock in this context, reporting each refusal on the console. */
export function lockThisContextsNetwork(): void {
  lockNetworkToExtension(globalThis as unknown as NetworkLockTarget, (url, api) => console.error(`Attune refused a network request (${api}) to ${url}`));
}
