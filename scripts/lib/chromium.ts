import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession } from 'playwright-core';

/**
 * Starts Debian's Chromium with the built extension and connects Playwright to it over CDP.
 * We start the process ourselves (rather than launchPersistentContext) so that Playwright can
 * open a browser-level CDP session, which Extensions.triggerAction (a real toolbar-button
 * invocation, needed for tab capture) and ServiceWorker control require.
 */
export const CHROMIUM_PATH = process.env.ATTUNE_CHROMIUM ?? '/usr/bin/chromium';

export interface LaunchOptions {
  /** The built extension; null → a browser without it (a baseline for cost benchmarks). */
  extensionDir: string | null;
  headless: boolean;
  /** A WAV file Chromium plays as the microphone; omitted → the real microphone. */
  fakeMicWav?: string;
  /** Play the fake microphone's file over and over (a long visit from a short track); once by default. */
  fakeMicLoop?: boolean;
  /** A .y4m file Chromium plays as the camera (looped); omitted → Chromium's fake test pattern when a fake device is in use. */
  videoFile?: string;
  /** Send all non-loopback traffic to this proxy (the network guard). */
  proxyUrl?: string;
  /** Reuse this profile folder (a browser restart); it is then left in place on close. */
  userDataDir?: string;
}

export interface AttuneBrowser {
  browser: Browser;
  context: BrowserContext;
  cdp: CDPSession;
  /** The browser process (its children are the renderers, GPU and utility processes). */
  pid: number;
  /** Its DevTools port on 127.0.0.1 (for a second, raw DevTools client: tests/e2e/request-watch.ts). */
  devtoolsPort: number;
  /** Empty for a browser started without the extension. */
  extensionId: string;
  extensionUrl(path: string): string;
  close(): Promise<void>;
  /** The profile folder, for a restart with `userDataDir`. */
  userDataDir: string;
  /** Ends the browser process at once (SIGKILL), as a crash or power-off would; keeps the profile. */
  kill(): Promise<void>;
  /** The last few KB Chromium wrote to stderr: what it said about a crashed renderer. */
  stderrTail(): string;
}

export async function launchChromium(options: LaunchOptions): Promise<AttuneBrowser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install chromium`);
  const extensionDir = options.extensionDir && resolve(options.extensionDir);
  if (extensionDir && !existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`no built extension in ${extensionDir}: run npm run build`);
  const ownProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'attune-chromium-'));
  // A reused profile still names the previous run's port; wait for this run's.
  if (!ownProfile) rmSync(join(userDataDir, 'DevToolsActivePort'), { force: true });
  const args = [
    `--user-data-dir=${userDataDir}`,
    '--remote-debugging-port=0',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    // Chromium's own background traffic (time sync, updates, sign-in, safe browsing) is switched
    // off so that the network guard sees only what pages and the extension try to send.
    '--disable-features=Translate,OptimizationHints,OptimizationHintsFetching,OptimizationGuideModelDownloading,OptimizationTargetPrediction,OptimizationGuideOnDeviceModel,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication,NetworkTimeServiceQuerying,ChromeSignin,SigninInterception,AccountConsistency,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions,SearchEnginePreconnector,SearchEnginePreconnect2,PreconnectToSearch',
    '--disable-client-side-phishing-detection',
    '--disable-domain-reliability',
    '--disable-breakpad',
    '--metrics-recording-only',
    '--no-service-autorun',
    '--disable-field-trial-config',
    '--safebrowsing-disable-auto-update',
    // What the flags above cannot stop (sign-in and component-update pings) is pointed at a
    // closed loopback port: the browser's own services, never the extension's requests.
    '--gaia-url=http://127.0.0.1:9',
    '--google-apis-url=http://127.0.0.1:9',
    '--lso-url=http://127.0.0.1:9',
    '--component-updater=url-source=http://127.0.0.1:9/',
    // Chromium 150 also preconnects to the default search engine (the Search… features above), asks
    // www.google.com whether AI Mode is offered and checks in with GCM (docs/INTERNALS.md).
    '--google-base-url=http://127.0.0.1:9',
    '--gcm-checkin-url=http://127.0.0.1:9/checkin',
    '--gcm-registration-url=http://127.0.0.1:9/register',
    '--gcm-mcs-endpoint=http://127.0.0.1:9',
    // The optimization guide insists on https URLs (an http one crashes the browser).
    '--optimization-guide-service-get-hints-url=https://127.0.0.1:9/',
    '--optimization-guide-service-get-models-url=https://127.0.0.1:9/',
    '--optimization-guide-service-model-execution-url=https://127.0.0.1:9/',
    '--password-store=basic',
    '--autoplay-policy=no-user-gesture-required',
    '--enable-unsafe-extension-debugging',
    '--window-size=1280,800',
  ];
  if (extensionDir) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  if (options.headless) args.push('--headless');
  if (options.fakeMicWav || options.videoFile) {
    // Not --use-fake-ui-for-media-stream: it makes tab capture fail (DESIGN.md §6).
    args.push('--use-fake-device-for-media-stream', '--auto-accept-camera-and-microphone-capture');
    if (options.fakeMicWav) args.push(`--use-file-for-fake-audio-capture=${resolve(options.fakeMicWav)}${options.fakeMicLoop ? '' : '%noloop'}`);
    if (options.videoFile) args.push(`--use-file-for-fake-video-capture=${resolve(options.videoFile)}`);
  }
  if (options.proxyUrl) args.push(`--proxy-server=${options.proxyUrl}`);
  args.push('about:blank');

  const child = spawn(CHROMIUM_PATH, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  let closing = false;
  child.once('exit', (code, signal) => {
    if (!closing) console.error(`Chromium exited unexpectedly (${code ?? signal}):\n${stderr}`);
  });
  const port = await waitForDevToolsPort(userDataDir, child, () => stderr);
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0]!;
  const cdp = await browser.newBrowserCDPSession();
  const extensionId = extensionDir ? await waitForExtensionId(cdp) : '';
  return {
    browser,
    context,
    cdp,
    pid: child.pid!,
    devtoolsPort: port,
    extensionId,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    userDataDir,
    stderrTail: () => stderr,
    async kill() {
      closing = true;
      child.kill('SIGKILL');
      await new Promise((ok) => (child.exitCode !== null || child.signalCode !== null ? ok(null) : child.once('exit', ok)));
    },
    async close() {
      closing = true;
      await browser.close().catch(() => undefined);
      child.kill('SIGTERM');
      await new Promise((ok) => (child.exitCode !== null ? ok(null) : child.once('exit', ok)));
      // Helper processes can still be writing to the profile for a moment after the browser exits.
      if (ownProfile) removeProfile(userDataDir);
    },
  };
}

/**
 * Deletes a browser profile folder. Helper processes can still be writing to it for a moment
 * after the browser exits: a folder that will not go is reported, never a failed suite.
 */
export function removeProfile(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (error) {
    console.warn(`could not remove ${dir}: ${String(error)}`);
  }
}

async function waitForDevToolsPort(userDataDir: string, child: ChildProcess, stderr: () => string): Promise<number> {
  const file = join(userDataDir, 'DevToolsActivePort');
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`Chromium exited (${child.exitCode}): ${stderr()}`);
    if (existsSync(file)) {
      const port = Number(readFileSync(file, 'utf8').split('\n')[0]);
      if (port > 0) return port;
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`Chromium did not open its debugging port: ${stderr()}`);
}

async function waitForExtensionId(cdp: CDPSession): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (worker) return new URL(worker.url).hostname;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('the extension’s service worker did not start');
}

/** Clicks the toolbar button on a tab, as the clinician would (grants activeTab and tab capture). */
export async function clickToolbarButton(b: AttuneBrowser, pageUrl: string): Promise<void> {
  const { targetInfos } = await b.cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never);
  const target = targetInfos.find((t) => t.type === 'tab' && t.url === pageUrl);
  if (!target) throw new Error(`no tab at ${pageUrl}`);
  await b.cdp.send('Extensions.triggerAction' as never, { id: b.extensionId, targetId: target.targetId } as never);
}

/** Stops every service worker, as Chrome does to an idle extension worker at any moment. */
export async function stopServiceWorkers(b: AttuneBrowser): Promise<void> {
  const page = b.context.pages()[0] ?? (await b.context.newPage());
  const session = await b.context.newCDPSession(page);
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  await session.detach();
}
