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

/** A first coached visit (speech, and gaze when on), ended and saved, as a clinician's previous visit would have been. */
export async function warmUpVisit(ext: AttuneBrowser, url: string, o: { warmUpS: number; log(line: string): void }): Promise<void> {
  const page = await openDemoVisit(ext, url, 60_000);
  await startFromToolbar(ext, page, 60_000);
  await joinCall(page, 60_000);
  await new Promise((ok) => setTimeout(ok, o.warmUpS * 1000));
  await panel(page).getByRole('button', { name: /end visit/i }).click();
  await panel(page).getByText(/Visit saved/).waitFor({ timeout: 60_000 });
  await page.close();
  o.log(`  warm-up visit of ${o.warmUpS} s done: the profile's WebAssembly code cache holds ${wasmCodeCacheMb(ext).toFixed(1)} MB`);
}

