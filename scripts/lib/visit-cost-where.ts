import { changesByName, mappingChanges } from './smaps';
import { threadCpuDifferenceS } from './thread-cpu';
import type { VisitCostRun } from './visit-cost-run';

/** Two finer looks at where bench:visit's extra goes, printed after the main figures. */

const f = (x: number, digits = 1) => x.toFixed(digits);

/** The browser process's extra CPU by thread (extension's browser − baseline): message routing, storage, capture… */
export function printBrowserThreads(run: VisitCostRun, wallS: number): void {
  const diff = threadCpuDifferenceS(run.browserThreadsS.ext, run.browserThreadsS.base).filter(([, s]) => Math.abs(s) / wallS >= 0.001);
  if (diff.length === 0) return;
  console.log(`  browser process by thread, extension's − baseline's (% of one core): ${diff.slice(0, 10).map(([name, s]) => `${name} ${f((100 * s) / wallS)}`).join(', ')}`);
}

/**
 * What the extension renderer's mappings gained between the two collections (2 min → end), by
 * kind and the largest single ones: memory outside memory-infra's allocators (a WebAssembly
 * memory growing shows as one anonymous mapping whose size grows) is found here.
 */
export function printMappingGrowth(run: VisitCostRun): void {
  const at2 = run.retainedExtraMb.rendererMappingsAt2Min;
  const end = run.retainedExtraMb.rendererMappingsEnd;
  if (!at2 || at2.length === 0 || end.length === 0) return;
  const changes = mappingChanges(at2, end);
  const mb = (kb: number) => f(kb / 1024);
  const byName = changesByName(changes).filter(([, kb]) => Math.abs(kb) >= 256);
  console.log(`  extension renderer's mappings after the collection, Pss change 2 min → end, MB: ${byName.slice(0, 8).map(([name, kb]) => `${name} ${kb > 0 ? '+' : ''}${mb(kb)}`).join('; ')}`);
  for (const c of changes.slice(0, 6))
    console.log(`    ${c.start} ${c.name || '(anonymous)'}: size ${mb(c.sizeKb[0])} → ${mb(c.sizeKb[1])} MB, Pss ${mb(c.pssKb[0])} → ${mb(c.pssKb[1])} MB`);
}
