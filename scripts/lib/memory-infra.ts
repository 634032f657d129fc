import type { CDPSession } from 'playwright-core';
import { collectTrace } from './trace-events';

/**
 * One process's memory by allocator, from Chromium's own accounting (the `memory-infra` trace
 * category, as chrome://tracing shows it): what /proc's Pss cannot say, i.e. whether a renderer
 * grows in V8's heaps, in Blink's, in ArrayBuffer contents, in malloc or in shared memory.
 * A dump is taken without a forced collection, so garbage waiting for one is counted: that is the
 * memory the machine holds.
 */
export type AllocatorMb = Map<string, number>;

/** The allocators worth a line (Chromium's names); their sub-entries add nothing to the question. */
export const ALLOCATORS_SHOWN = [
  'v8',
  'blink_gc',
  'partition_alloc/partitions/array_buffer',
  'partition_alloc/partitions/buffer',
  'partition_alloc/partitions/fast_malloc',
  'partition_alloc/partitions/layout',
  'malloc',
  'shared_memory',
  'cc',
] as const;

interface TraceEvent {
  ph: string;
  pid: number;
  args?: { dumps?: { allocators?: Record<string, { attrs?: { size?: { value?: string } } }> } };
}

/** Sizes in MB of `pid`'s allocators named in ALLOCATORS_SHOWN (those it has), garbage included. */
export async function readAllocatorsMb(browserCdp: CDPSession, pid: number): Promise<AllocatorMb> {
  return allocatorsOf(await memoryDumpEvents(browserCdp, false), pid);
}

/**
 * Every isolate of every process of the browser collects its garbage (a "deterministic" memory
 * dump runs a full GC in each before counting). A simulated memory-pressure notification does
 * not: after one the extension renderer's V8 heaps held 28.7 MB, after this 19.1 (docs/INTERNALS.md).
 * Returns `pid`'s allocators as that dump counted them, after its collection (empty for -1).
 */
export async function forceCollection(browserCdp: CDPSession, pid = -1): Promise<AllocatorMb> {
  return allocatorsOf(await memoryDumpEvents(browserCdp, true), pid);
}

function memoryDumpEvents(browserCdp: CDPSession, deterministic: boolean): Promise<TraceEvent[]> {
  const config = { includedCategories: ['disabled-by-default-memory-infra'], memoryDumpConfig: { triggers: [] } };
  return collectTrace<TraceEvent>(browserCdp, config, () => browserCdp.send('Tracing.requestMemoryDump', { deterministic, levelOfDetail: 'detailed' }));
}

/** The named allocators' sizes in one process's dump events (sizes are hex byte counts). */
export function allocatorsOf(events: readonly TraceEvent[], pid: number): AllocatorMb {
  const out: AllocatorMb = new Map();
  for (const e of events) {
    if (e.ph !== 'v' || e.pid !== pid) continue;
    const allocators = e.args?.dumps?.allocators ?? {};
    for (const name of ALLOCATORS_SHOWN) {
      const hex = allocators[name]?.attrs?.size?.value;
      if (hex) out.set(name, parseInt(hex, 16) / 2 ** 20);
    }
  }
  return out;
}
