import type { AttuneBrowser } from '../../scripts/lib/chromium';

/**
 * Watches every context of the browser for ATTEMPTED requests, not only those that reach the
 * network (issue 17.3): a second DevTools client auto-attaches to every target as it starts (the
 * service worker, the offscreen document, extension pages, call pages) and, recursively, to their
 * workers (the speech and face workers), holding each new one until the watch is on
 * (waitForDebuggerOnStart). It records:
 *   - any request the browser's network layer sees to a URL outside the extension and this machine,
 *     including those the CSP blocks before sending (`Network.requestWillBeSent` fires for them);
 *   - CSP violations and refused loads reported on a context's log or console;
 *   - the network lock's own refusals (src/adapters/browser/network-lock.ts logs each one).
 * A context that was already running when the watch began (the service worker, started with the
 * browser) is watched from then on.
 */
export interface RequestWatch {
  /** "<target type> <target url>: <what was attempted>", one per attempt. */
  attempts: string[];
  /** "<target type> <target url>" of every context watched. */
  contexts: string[];
  close(): void;
}

interface TargetInfo {
  type: string;
  url: string;
}

interface Message {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: Record<string, unknown>;
  error?: { message: string };
}

// chrome-extension: of any id: the only extension loaded is Attune, and its web-accessible files are
// also served under a random per-session id (use_dynamic_url), e.g. the panel's CSS.
const LOCAL_URL = /^(chrome-extension:|data:|blob:|about:|chrome:|devtools:|https?:\/\/(127\.0\.0\.1|localhost)[:/])/;
const REFUSAL_TEXT = /Content Security Policy|Refused to (connect|load)|refused a network request/i;
const AUTO_ATTACH = { autoAttach: true, waitForDebuggerOnStart: true, flatten: true };

export async function watchRequests(b: AttuneBrowser): Promise<RequestWatch> {
  const { webSocketDebuggerUrl } = (await (await fetch(`http://127.0.0.1:${b.devtoolsPort}/json/version`)).json()) as { webSocketDebuggerUrl: string };
  if (typeof WebSocket === 'undefined') throw new Error('no WebSocket in this Node: run with --experimental-websocket (Node 20)');
  const ws = new WebSocket(webSocketDebuggerUrl);
  await new Promise((ok, fail) => ((ws.onopen = ok), (ws.onerror = fail)));
  const allowed = (url: string) => LOCAL_URL.test(url);
  const contexts = new Set<string>();
  const watch: RequestWatch = { attempts: [], get contexts() { return [...contexts]; }, close: () => ws.close() };
  /** Each attached session's target, and each target's latest type and URL (a page attaches at about:blank). */
  const sessionTarget = new Map<string, string>();
  const targetLabel = new Map<string, string>();
  const label = (targetId: string, info: TargetInfo) => {
    targetLabel.set(targetId, `${info.type} ${info.url}`);
    contexts.add(`${info.type} ${info.url}`);
  };
  const pending = new Map<number, (m: Message) => void>();
  let nextId = 1;
  const send = (method: string, params: object = {}, sessionId?: string) =>
    new Promise<Message>((ok) => {
      const id = nextId++;
      pending.set(id, ok);
      ws.send(JSON.stringify({ id, method, params, sessionId }));
    });
  const attempt = (sessionId: string | undefined, what: string) => watch.attempts.push(`${targetLabel.get(sessionTarget.get(sessionId ?? '') ?? '') ?? 'browser'}: ${what}`);

  async function onAttached(sessionId: string, info: TargetInfo & { targetId: string }) {
    sessionTarget.set(sessionId, info.targetId);
    label(info.targetId, info);
    // Every domain that reports attempts, then this target's own workers, then let it run.
    await Promise.all(['Network.enable', 'Runtime.enable', 'Log.enable'].map((m) => send(m, {}, sessionId)));
    await send('Target.setAutoAttach', AUTO_ATTACH, sessionId);
    await send('Runtime.runIfWaitingForDebugger', {}, sessionId);
  }

  ws.onmessage = (event: MessageEvent) => {
    const m = JSON.parse(String(event.data)) as Message;
    if (m.id !== undefined) return pending.get(m.id)?.(m), void pending.delete(m.id);
    const p = m.params ?? {};
    switch (m.method) {
      case 'Target.attachedToTarget':
        void onAttached(p.sessionId as string, p.targetInfo as TargetInfo & { targetId: string });
        break;
      case 'Target.targetInfoChanged': {
        const info = p.targetInfo as TargetInfo & { targetId: string };
        if (targetLabel.has(info.targetId)) label(info.targetId, info);
        break;
      }
      case 'Network.requestWillBeSent': {
        const url = (p.request as { url: string }).url;
        if (!allowed(url)) attempt(m.sessionId, `request ${url}`);
        break;
      }
      case 'Log.entryAdded': {
        const text = (p.entry as { text: string }).text;
        if (REFUSAL_TEXT.test(text)) attempt(m.sessionId, `log ${text}`);
        break;
      }
      case 'Runtime.consoleAPICalled': {
        const text = ((p.args as Array<{ value?: unknown; description?: string }>) ?? []).map((a) => String(a.value ?? a.description ?? '')).join(' ');
        if (REFUSAL_TEXT.test(text)) attempt(m.sessionId, `console ${text}`);
        break;
      }
      case 'Runtime.exceptionThrown': {
        const text = JSON.stringify(p.exceptionDetails);
        if (REFUSAL_TEXT.test(text)) attempt(m.sessionId, `exception ${text.slice(0, 300)}`);
        break;
      }
    }
  };
  await send('Target.setDiscoverTargets', { discover: true }); // for targetInfoChanged (a page's URL after it navigates)
  const reply = await send('Target.setAutoAttach', AUTO_ATTACH);
  if (reply.error) throw new Error(`DevTools auto-attach refused: ${reply.error.message}`);
  return watch;
}
