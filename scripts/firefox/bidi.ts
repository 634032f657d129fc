/**
 * A minimal WebDriver BiDi client for Debian's Firefox ESR (no downloaded browser, no driver
 * binary): Firefox speaks BiDi itself on --remote-debugging-port. Only what the Firefox check
 * needs: commands with replies, and the launch that reads the port Firefox prints.
 * Node 20 needs --experimental-websocket for the global WebSocket (Node 22 has it by default).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIREFOX_BIN = process.env.ATTUNE_FIREFOX ?? '/usr/bin/firefox-esr';

export function firefoxAvailable(): boolean {
  return existsSync(FIREFOX_BIN);
}

/** The extension's internal origin is fixed, so the check can open its pages (moz-extension://<uuid>/…). */
export const EXTENSION_ID = 'attune@attune.local';
export const EXTENSION_UUID = '6a1f3c2e-0b7d-4e55-9a51-2c4d8e7f9a10';
export const extensionUrl = (path: string): string => `moz-extension://${EXTENSION_UUID}/${path}`;

/** Profile preferences: a fake microphone without a prompt, and nothing that calls home. */
const PREFS: Record<string, boolean | number | string> = {
  'extensions.webextensions.uuids': JSON.stringify({ [EXTENSION_ID]: EXTENSION_UUID }),
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  'media.autoplay.default': 0,
  'media.autoplay.block-webaudio': false,
  // No sound card on a CI machine: a null audio backend lets AudioContexts run.
  'media.cubeb.force_mock_context': true,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'app.update.disabledForTesting': true,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  // Console messages (the background page's included) go to Firefox's output, kept in `log`.
  'devtools.console.stdout.content': true,
  'devtools.console.stdout.chrome': true,
  'browser.dom.window.dump.enabled': true,
};

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export interface Bidi {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
  log: string[];
}

export async function launchFirefox(timeoutMs = 60_000): Promise<Bidi> {
  const profile = mkdtempSync(join(tmpdir(), 'attune-firefox-'));
  writeFileSync(join(profile, 'user.js'), Object.entries(PREFS).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
  const child: ChildProcess = spawn(FIREFOX_BIN, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  const log: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Firefox did not start its BiDi server within ${timeoutMs} ms:\n${log.join('')}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      log.push(chunk.toString());
      const match = /WebDriver BiDi listening on (ws:\/\/[^\s]+)/.exec(log.join(''));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stderr!.on('data', onData);
    child.stdout!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`Firefox exited (${code}) before its BiDi server started:\n${log.join('')}`)));
  });
  const ws = new WebSocket(`${url.replace(/\/$/, '')}/session`);
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve(), { once: true });
    ws.addEventListener('error', () => reject(new Error(`could not connect to ${url}`)), { once: true });
  });
  let nextId = 1;
  const pending = new Map<number, Pending>();
  ws.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; type: string; result?: unknown; error?: string; message?: string };
    if (message.id === undefined) return; // events: not subscribed to any
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.type === 'error') waiting?.reject(new Error(`${message.error}: ${message.message}`));
    else waiting?.resolve(message.result);
  });
  const send = <T,>(method: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true, unhandledPromptBehavior: { default: 'ignore' } } } });
  return {
    send,
    log,
    async close() {
      await send('session.end').catch(() => undefined);
      ws.close();
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

/** Runs `expression` in the page (awaiting a promise) and returns its JSON value. */
export async function evaluate<T>(bidi: Bidi, context: string, expression: string): Promise<T> {
  const r = await bidi.send<EvaluateResult>('script.evaluate', { expression: `(async () => JSON.stringify(await (${expression})))()`, target: { context }, awaitPromise: true });
  if (r.type === 'exception') throw new Error(`page script failed: ${r.exceptionDetails?.text}`);
  const text = r.result?.value;
  return (typeof text === 'string' ? JSON.parse(text) : undefined) as T;
}

/** Polls `expression` until `accept` says yes; returns the last value. */
export async function waitFor<T>(bidi: Bidi, context: string, expression: string, accept: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < until) {
    last = await evaluate<T>(bidi, context, expression).catch(() => undefined);
    if (last !== undefined && accept(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
}

/** A real (trusted) mouse click at viewport coordinates. */
export async function clickAt(bidi: Bidi, context: string, x: number, y: number): Promise<void> {
  await bidi.send('input.performActions', {
    context,
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', x: Math.round(x), y: Math.round(y) },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
}
