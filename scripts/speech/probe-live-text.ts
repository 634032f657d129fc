/**
 * Diagnosis: what the live microphone path hears. Runs the demo visit in the built extension
 * with privacy-local mode off (so the clinician's words are kept with the saved visit), then
 * prints each labelled utterance next to the demo script's line at the same time. Needs
 * `ATTUNE_DEV_BUILD=1 npx wxt build` first; takes ~2.5 min.
 *
 *   npx tsx scripts/speech/probe-live-text.ts
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../src/core/settings/settings';
import { launchChromium } from '../lib/chromium';
import { startDemoServer } from '../lib/demo-server';
import { startNetworkGuard } from '../lib/network-guard';
import type { TruthTurn } from '../lib/speaker-latency';
import { alignScriptWithMicrophone, grantMicrophone, joinCall, listSavedVisits, openDemoVisit, panel, savedVisits, startFromPanel, waitForPatientScript } from '../lib/visit-flow';

/** A turn of demo/audio/truth.json, with its words and label. */
interface ScriptLine extends TruthTurn {
  text: string;
  label: string;
}
/** The extension's storage inside an extension page (the function given to `evaluate` runs there). */
interface ExtensionStorage {
  storage: { local: { set(items: object): Promise<void> } };
}

const script = (JSON.parse(readFileSync('demo/audio/truth.json', 'utf8')) as { turns: ScriptLine[] }).turns.filter((t) => t.speaker === 'clinician');

const guard = await startNetworkGuard();
const server = await startDemoServer();
const b = await launchChromium({ extensionDir: '.output/chrome-mv3', headless: true, fakeMicWav: 'demo/audio/clinician.wav', proxyUrl: guard.proxyUrl });
try {
  const settingsPage = await savedVisits(b);
  const value = { ...DEFAULT_SETTINGS, privacyLocal: false, patientsInformedConfirmed: true };
  await settingsPage.evaluate(async (stored) => (globalThis as unknown as { chrome: ExtensionStorage }).chrome.storage.local.set({ settings: stored }), { version: SETTINGS_VERSION, value });
  await grantMicrophone(b);
  const page = await openDemoVisit(b, server.url);
  await startFromPanel(page);
  await alignScriptWithMicrophone(page);
  await joinCall(page);
  await waitForPatientScript(page);
  await page.waitForTimeout(1500);
  await panel(page).getByRole('button', { name: /end visit/i }).click();
  await panel(page).getByText(/Visit saved/).waitFor({ timeout: 20_000 });
  const visits = await listSavedVisits(settingsPage);
  if (visits.length === 0) throw new Error('no visit was saved');
  const visit = visits[0]!;
  // The saved visit's times are from the start of the visit; the script's from the start of the file.
  const shiftS = (visit.utterances?.[0]?.startS ?? 0) - (script[0]?.start ?? 0);
  for (const u of visit.utterances ?? []) {
    const line = script.reduce((best, l) => (Math.abs(l.start + shiftS - u.startS) < Math.abs(best.start + shiftS - u.startS) ? l : best));
    const mark = line.label === u.label ? ' ' : '✗';
    console.log(`${mark} ${u.startS.toFixed(1).padStart(6)} s  ${u.label.padEnd(15)} (${line.label.padEnd(15)}) heard: ${u.text ?? '(no text)'}\n${' '.repeat(34)}said:  ${line.text}`);
  }
  console.log(`requests that tried to leave 127.0.0.1: ${guard.attempts.length}`);
} finally {
  await b.close();
  await server.close();
  await guard.close();
}
