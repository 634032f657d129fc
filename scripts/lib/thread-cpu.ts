import { CLOCK_TICKS_PER_S, readThreads, type ThreadReading } from './proc-tree';

/** The threads of one process now (none when there is no such process). */
export function threadsOf(pid: number | null): ThreadReading[] {
  return pid ? readThreads(pid) : [];
}

/**
 * CPU seconds per thread name between two readings of one process. Chromium gives every dedicated
 * worker the same name; with `numberWorkers` they are numbered in the order they started (thread
 * ids grow): in the extension renderer the engine host starts the speech worker, then the face worker.
 */
export function threadCpuS(start: ThreadReading[], end: ThreadReading[], numberWorkers = false): Map<string, number> {
  const before = new Map(start.map((t) => [t.tid, t.cpuTicks]));
  const out = new Map<string, number>();
  let worker = 0;
  for (const t of [...end].sort((a, b) => a.tid - b.tid)) {
    const name = numberWorkers && t.name === 'DedicatedWorker' ? `DedicatedWorker ${++worker}` : t.name;
    out.set(name, (out.get(name) ?? 0) + (t.cpuTicks - (before.get(t.tid) ?? 0)) / CLOCK_TICKS_PER_S);
  }
  return out;
}

/** Per thread name, what one process spent more than its peer (seconds; names either lacks count as 0). */
export function threadCpuDifferenceS(ext: Map<string, number>, base: Map<string, number>): Array<[string, number]> {
  const names = new Set([...ext.keys(), ...base.keys()]);
  return [...names].map((name) => [name, (ext.get(name) ?? 0) - (base.get(name) ?? 0)] as [string, number]).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
}
