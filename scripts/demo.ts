/**
 * `npm run demo`: builds the extension and opens Chromium with it on the local demo visit.
 *   npm run demo                 a window; your microphone is the clinician; close it to finish
 *   npm run demo -- --headless   no display needed (also with CI=true or no $DISPLAY): a recorded
 *                                clinician plays as the microphone, the ~2.5-minute visit runs and
 *                                ends, and the saved summary and screenshot paths are printed
 *   --no-build                   use the existing .output/chrome-mv3
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEV_BUILD_ENV } from './build/dev-build';
import { launchChromium } from './lib/chromium';
import { startDemoServer } from './lib/demo-server';
import { startNetworkGuard } from './lib/network-guard';
import { alignScriptWithMicrophone, grantMicrophone, hangUp, joinCall, openDemoVisit, panel, readPanel, savedVisits, startFromToolbar, waitForPatientScript } from './lib/visit-flow';

const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || process.env.CI === 'true' || !process.env.DISPLAY;
const EXTENSION_DIR = resolve('.output/chrome-mv3');
const OUT = resolve('.output/demo');

function build(): void {
  console.log('Building the extension…');
  // The dev/test build: the store build does not run on the local demo page (scripts/build/dev-build.ts).
  const result = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, [DEV_BUILD_ENV]: '1' } });
  if (result.status !== 0) throw new Error('the extension build failed');
}

async function runHeadless(): Promise<void> {
  const guard = await startNetworkGuard();
  const server = await startDemoServer();
  const b = await launchChromium({ extensionDir: EXTENSION_DIR, headless: true, fakeMicWav: 'demo/audio/clinician.wav', proxyUrl: guard.proxyUrl });
  try {
    mkdirSync(OUT, { recursive: true });
    await grantMicrophone(b);
    const page = await openDemoVisit(b, server.url);
    console.log(`Demo visit at ${server.url}; starting coaching from the toolbar…`);
    await startFromToolbar(b, page);
    await alignScriptWithMicrophone(page);
    await joinCall(page);
    const started = Date.now();
    const progress = setInterval(async () => {
      const r = await readPanel(page).catch(() => null);
      if (r) console.log(`  ${Math.round((Date.now() - started) / 1000)} s: you ${r.youS} s, patient ${r.patientS} s`);
    }, 15_000);
    await waitForPatientScript(page);
    clearInterval(progress);
    await page.waitForTimeout(1000);
    const panelShot = `${OUT}/panel.png`;
    await page.screenshot({ path: panelShot });
    await hangUp(page);
    await panel(page).getByText(/Visit saved/).waitFor({ timeout: 15_000 });
    const summaryPage = await savedVisits(b);
    await summaryPage.getByText(/Talk time/).first().waitFor();
    const summaryShot = `${OUT}/summary.png`;
    await summaryPage.screenshot({ path: summaryShot, fullPage: true });
    const reply = (await summaryPage.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'page:list-visits' }),
    )) as { visits: Array<Record<string, unknown>> };
    const visit = reply.visits[0];
    console.log('\nSaved summary:');
    console.log(JSON.stringify(visit, null, 2));
    console.log(`\nScreenshots:\n  panel:   ${panelShot}\n  summary: ${summaryShot}`);
    console.log(`Requests beyond this machine: ${guard.attempts.length}`);
    if (!visit) throw new Error('no visit was saved');
  } finally {
    await b.close();
    await server.close();
    await guard.close();
  }
}

async function runWithWindow(): Promise<void> {
  const server = await startDemoServer(0);
  const b = await launchChromium({ extensionDir: EXTENSION_DIR, headless: false });
  const setup = await b.context.newPage();
  await setup.goto(b.extensionUrl('options.html'));
  const page = await b.context.newPage();
  await page.goto(server.url);
  console.log(`Chromium is open with Attune on the demo visit (${server.url}).`);
  console.log('1. On the Attune setup tab, choose "Allow microphone".');
  console.log('2. On the demo tab, click the Attune toolbar button and "Start coaching" (or use the panel), then "Join call".');
  console.log('Close the browser window to finish.');
  await new Promise<void>((ok) => b.browser.on('disconnected', () => ok()));
  await server.close();
  await b.close();
}

async function main(): Promise<void> {
  if (!args.has('--no-build')) build();
  if (headless) await runHeadless();
  else await runWithWindow();
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
