import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { TruthTurn } from '../../scripts/lib/speaker-latency';
import { launchChromium, type AttuneBrowser } from '../../scripts/lib/chromium';
import { startDemoServer, type DemoServer } from '../../scripts/lib/demo-server';
import { startNetworkGuard, type NetworkGuard } from '../../scripts/lib/network-guard';
import type { VisitSummary } from '../../src/core/session/schema';
import { cliShareAsHeardLive, type AlignedComparison } from '../../scripts/lib/live-alignment';
import { listSavedVisits } from '../../scripts/lib/visit-flow';

/** One browser with the built extension, the demo server and the network guard, torn down together. */
export interface E2E {
  b: AttuneBrowser;
  server: DemoServer;
  guard: NetworkGuard;
  close(): Promise<void>;
}

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
/** The store build (closed shadow root, no local-host matches): `ATTUNE_OUT_DIR=.output/store wxt build`, as `npm test` does. */
export const STORE_EXTENSION_DIR = resolve('.output/store/chrome-mv3');
export const ARTIFACTS = resolve('.e2e');
export const DEMO_TRUTH = JSON.parse(readFileSync('demo/audio/truth.json', 'utf8')) as {
  clinician_share: number;
  clinician_s: number;
  patient_s: number;
  duration_s: number;
  turns: TruthTurn[];
  clinician: Array<[number, number]>;
  patient: Array<[number, number]>;
};

/** `audioDir`: the demo page's audio folder (patient.wav, truth.json), demo/audio by default. */
export async function startE2E(extensionDir = EXTENSION_DIR, fakeMicWav = 'demo/audio/clinician.wav', audioDir?: string): Promise<E2E> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const guard = await startNetworkGuard();
  const server = await startDemoServer(0, { audioDir });
  const b = await launchChromium({ extensionDir, headless: true, fakeMicWav, proxyUrl: guard.proxyUrl });
  return {
    b,
    server,
    guard,
    async close() {
      await b.close();
      await server.close();
      await guard.close();
    },
  };
}

export async function waitForVisits(page: Page, count: number, timeoutMs = 20_000): Promise<VisitSummary[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const visits = await listSavedVisits(page);
    if (visits.length >= count || Date.now() > deadline) return visits;
    await page.waitForTimeout(250);
  }
}

/**
 * `attune analyze` on the demo's audio laid out as this live visit heard it (the fake microphone
 * and the scripted patient start at different moments; see scripts/lib/live-alignment.ts).
 */
export async function cliShareForVisit(visit: VisitSummary): Promise<AlignedComparison> {
  return cliShareAsHeardLive(
    { clinician: visit.segments.clinician, patient: visit.segments.patient, durationS: visit.durationS },
    { clinician: DEMO_TRUTH.clinician, patient: DEMO_TRUTH.patient, durationS: DEMO_TRUTH.duration_s },
    { clinician: 'demo/audio/clinician.wav', patient: 'demo/audio/patient.wav' },
  );
}
