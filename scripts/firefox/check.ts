/**
 * The built Firefox extension (MV2, .output/firefox-mv2) in Debian's Firefox ESR, driven over
 * WebDriver BiDi: install, the panel on the demo page, a coached visit through the page tap
 * (Firefox has no tab capture), "End visit", and the saved summary. Prints one line per step and
 * exits non-zero on the first failure; exits 0 with "SKIP" when firefox-esr is not installed.
 *
 *   npx wxt build -b firefox && node --experimental-websocket --import tsx scripts/firefox/check.ts
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startDemoServer } from '../lib/demo-server';
import { clickAt, evaluate, FIREFOX_BIN, firefoxAvailable, launchFirefox, waitFor, type Bidi } from './bidi';

const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
/** Long enough for the patient's opening lines and the clinician's first answer in the demo script. */
const VISIT_MS = Number(process.env.ATTUNE_FIREFOX_VISIT_MS ?? 25_000);

const PANEL_TEXT = `document.querySelector('attune-panel')?.shadowRoot?.querySelector('section.attune-panel')?.innerText ?? null`;

/** The centre of the panel's button whose text matches, in viewport pixels. */
const panelButton = (name: string) =>
  `(() => { const b = [...(document.querySelector('attune-panel')?.shadowRoot?.querySelectorAll('button') ?? [])].find((x) => ${name}.test(x.textContent ?? '')); if (!b) return null; const r = b.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()`;
const pageButton = (selector: string) =>
  `(() => { const b = document.querySelector(${JSON.stringify(selector)}); if (!b || b.disabled) return null; const r = b.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()`;

async function click(bidi: Bidi, context: string, locate: string, what: string): Promise<void> {
  const at = await waitFor<[number, number] | null>(bidi, context, locate, (p) => p !== null, 15_000, what);
  await clickAt(bidi, context, at![0], at![1]);
}

function step(text: string): void {
  console.info(`firefox: ${text}`);
}

async function main(): Promise<void> {
  if (!firefoxAvailable()) {
    console.info(`SKIP: ${FIREFOX_BIN} is not installed (apt-get install firefox-esr); the Firefox check did not run.`);
    return;
  }
  if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) throw new Error(`no Firefox build at ${EXTENSION_DIR}: run npx wxt build -b firefox first`);
  const server = await startDemoServer();
  const bidi = await launchFirefox();
  try {
    const installed = await bidi.send<{ extension: string }>('webExtension.install', { extensionData: { type: 'path', path: EXTENSION_DIR } });
    step(`installed ${installed.extension}`);
    await confirmPatientsInformed(bidi);
    step('setup: patients-informed confirmation given (no visit starts before it)');

    const tree = await bidi.send<{ contexts: Array<{ context: string; url: string }> }>('browsingContext.getTree', {});
    const context = (tree.contexts.find((c) => !c.url.startsWith('moz-extension://')) ?? tree.contexts[0]!).context;
    await bidi.send('browsingContext.setViewport', { context, viewport: { width: 1280, height: 800 } });
    await bidi.send('browsingContext.navigate', { context, url: server.url, wait: 'complete' });
    const idle = await waitFor<string | null>(bidi, context, PANEL_TEXT, (t) => !!t && /Start coaching/.test(t), 20_000, 'the panel on the demo page');
    step(`panel shown: ${JSON.stringify(idle!.replace(/\s+/g, ' ').slice(0, 80))}`);

    await click(bidi, context, panelButton('/Start coaching/'), 'Start coaching');
    await waitFor<string | null>(bidi, context, PANEL_TEXT, (t) => !!t && /End visit/.test(t), 30_000, 'coaching to start');
    step('coaching started from the panel');
    await click(bidi, context, pageButton('#join'), 'Join call');
    await waitFor<string>(bidi, context, 'document.body.dataset.callState', (s) => s === 'live', 15_000, 'the demo call to go live');
    await new Promise((r) => setTimeout(r, VISIT_MS));
    const live = (await evaluate<string | null>(bidi, context, PANEL_TEXT)) ?? '';
    step(`live panel: ${JSON.stringify(live.replace(/\s+/g, ' ').slice(0, 200))}`);
    const patient = /Patient\s+(\d+):(\d+)/.exec(live);
    if (!patient || Number(patient[1]) * 60 + Number(patient[2]) < 3) throw new Error('the page tap did not time the patient (under 3 s after the opening lines)');

    await click(bidi, context, panelButton('/End visit/'), 'End visit');
    await waitFor<string | null>(bidi, context, PANEL_TEXT, (t) => !!t && /Visit saved/.test(t), 30_000, '"Visit saved"');
    step('visit saved');
    await click(bidi, context, panelButton('/See summary/'), 'See summary');
    const summary = await waitForSummaryTab(bidi);
    const text = await waitFor<string>(bidi, summary, 'document.body.innerText', (t) => /Talk time/.test(t), 20_000, 'the saved summary');
    step(`summary: ${JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 160))}`);
    step('PASS');
  } catch (error) {
    // Firefox's own output (console messages of the page and the extension) says why.
    console.error(bidi.log.join('').split('\n').filter((l) => /attune|moz-extension|error|Error/i.test(l)).slice(-40).join('\n'));
    throw error;
  } finally {
    await bidi.close();
    await server.close();
  }
}

/** The setup page the extension opens on install (a moz-extension:// page BiDi cannot navigate to). */
async function waitForExtensionTab(bidi: Bidi, page: string, what: string): Promise<string> {
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    const tree = await bidi.send<{ contexts: Array<{ context: string; url: string }> }>('browsingContext.getTree', {});
    const tab = tree.contexts.find((c) => c.url.startsWith('moz-extension://') && c.url.includes(page));
    if (tab) return tab.context;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not open`);
}

/** The clinician's first setup step, as the Chrome harness does it (scripts/lib/visit-flow.ts grantMicrophone). */
async function confirmPatientsInformed(bidi: Bidi): Promise<void> {
  const setup = await waitForExtensionTab(bidi, 'options.html', 'the setup page');
  const box = `document.querySelector('.attune-firstrun__confirm input')`;
  await waitFor<boolean>(bidi, setup, `!!${box}`, (found) => found, 20_000, 'the patients-informed confirmation');
  await evaluate(bidi, setup, `(${box}.click(), true)`);
  const confirm = `[...document.querySelectorAll('.attune-firstrun button')].find((b) => !b.disabled)`;
  await waitFor<boolean>(bidi, setup, `!!${confirm}`, (ready) => ready, 5_000, 'the Confirm button');
  await evaluate(bidi, setup, `(${confirm}.click(), true)`);
  await waitFor<boolean>(bidi, setup, `!${box}`, (gone) => gone, 10_000, 'the confirmation to be saved');
}

/** The tab "See summary" opened (a moz-extension:// page). */
const waitForSummaryTab = (bidi: Bidi): Promise<string> => waitForExtensionTab(bidi, 'summary.html', 'the summary tab "See summary" opens');

main().catch((error: unknown) => {
  console.error(`firefox: FAIL ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
