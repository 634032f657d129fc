import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AttuneBrowser } from './chromium';
import { joinCall, openDemoVisit, panel, startFromToolbar } from './visit-flow';

/**
 * The visit before the measured one. Chromium keeps the optimised machine code of the
 * WebAssembly modules a profile has run (onnxruntime's, MediaPipe's) in its code cache, so a
 * clinician's later visits do not compile them again; a cost benchmark of such a visit needs one
 * visit before it.
 */
const wasmCodeCacheMb = (b: AttuneBrowser) => directoryMb(join(b.userDataDir, 'Default', 'Code Cache', 'wasm'));

function directoryMb(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((mb, e) => mb + (e.isDirectory() ? directoryMb(join(dir, e.name)) : statSync(join(dir, e.name)).size / 2 ** 20), 0);
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * At least `minS`, then until the code cache has not grown for 20 s (V8 writes it in steps as more
 * functions reach the optimising tier; on a busy machine that takes minutes), at most 5 × `minS`.
 */
async function untilCodeCacheSettles(ext: AttuneBrowser, minS: number): Promise<void> {
  const startMs = Date.now();
  let lastMb = -1;
  let lastGrowthMs = startMs;
  while (Date.now() - startMs < 5 * minS * 1000) {
    await sleep(2_000);
    const mb = wasmCodeCacheMb(ext);
    if (mb !== lastMb) [lastMb, lastGrowthMs] = [mb, Date.now()];
    if (Date.now() - startMs >= minS * 1000 && Date.now() - lastGrowthMs >= 20_000) return;
  }
}

/** A first coached visit (speech, and gaze when on), ended and saved, as a clinician's previous visit would have been. */
export async function warmUpVisit(ext: AttuneBrowser, url: string, o: { warmUpS: number; log(line: string): void }): Promise<void> {
  const startMs = Date.now();
  const page = await openDemoVisit(ext, url, 60_000);
  await startFromToolbar(ext, page, 60_000);
  await joinCall(page, 60_000);
  await untilCodeCacheSettles(ext, o.warmUpS);
  await panel(page).getByRole('button', { name: /end visit/i }).click();
  await panel(page).getByText(/Visit saved/).waitFor({ timeout: 60_000 });
  await page.close();
  o.log(`  warm-up visit done after ${((Date.now() - startMs) / 1000).toFixed(0)} s: the profile's WebAssembly code cache holds ${wasmCodeCacheMb(ext).toFixed(1)} MB`);
}

