import type { AttuneBrowser } from './chromium';

/**
 * A DevTools session on one target of the browser (the offscreen document, the service worker)
 * through the browser-level session: commands, and the target's console messages. Playwright does
 * not expose extension targets such as the offscreen document as pages.
 */
export interface TargetSession {
  send<T = unknown>(method: string, params?: object): Promise<T>;
  onConsole(listener: (text: string) => void): void;
}

interface TargetInfo {
  targetId: string;
  url: string;
  type: string;
}

export async function attachToTarget(b: AttuneBrowser, matches: (t: TargetInfo) => boolean, timeoutMs = 10_000): Promise<TargetSession> {
  const until = Date.now() + timeoutMs;
  let target: TargetInfo | undefined;
  while (!target) {
    const { targetInfos } = (await b.cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    target = targetInfos.find(matches);
    if (target) break;
    if (Date.now() > until) throw new Error('no such target');
    await new Promise((ok) => setTimeout(ok, 100));
  }
  const { sessionId } = (await b.cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false } as never)) as unknown as { sessionId: string };
  const pending = new Map<number, { ok(v: unknown): void; fail(e: Error): void }>();
  const consoleListeners: Array<(text: string) => void> = [];
  let nextId = 1;
  b.cdp.on('Target.receivedMessageFromTarget' as never, ((event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const m = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: { args?: Array<{ value?: unknown }> } };
    if (m.id !== undefined) {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error) p?.fail(new Error(m.error.message));
      else p?.ok(m.result);
    } else if (m.method === 'Runtime.consoleAPICalled') {
      const text = (m.params?.args ?? []).map((a) => String(a.value)).join(' ');
      consoleListeners.forEach((l) => l(text));
    }
  }) as never);
  const send = <T,>(method: string, params: object = {}) =>
    new Promise<T>((ok, fail) => {
      const id = nextId++;
      pending.set(id, { ok: ok as (v: unknown) => void, fail });
      void b.cdp.send('Target.sendMessageToTarget' as never, { sessionId, message: JSON.stringify({ id, method, params }) } as never).catch(fail);
    });
  await send('Runtime.enable');
  return { send, onConsole: (l) => consoleListeners.push(l) };
}

/**
 * The JSON figures the extension logs as `[attune] <label> {…}` (the engine host's end-of-visit
 * reports: speech, gaze, playback), parsed from one console line; null for any other line.
 */
export function loggedReport<T>(text: string, label: string): T | null {
  const prefix = `[attune] ${label} `;
  return text.startsWith(prefix) ? (JSON.parse(text.slice(prefix.length)) as T) : null;
}
