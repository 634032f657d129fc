import { CLOCK_TICKS_PER_S, UNCOUNTED_KINDS, readProcessTree, type ProcessKind } from './proc-tree';

/**
 * Cumulative CPU seconds and current memory of one browser's process tree, sample by sample.
 * A process that exits keeps the CPU time it had used when last seen, so the total never goes
 * back (a renderer closed mid-visit still cost what it cost).
 */
export interface KindFigures {
  cpuS: number;
  pssMb: number;
  processes: number;
}

export interface TreeSample {
  atMs: number;
  cpuS: number;
  pssMb: number;
  byKind: Partial<Record<ProcessKind, KindFigures>>;
}

export function createTreeSampler(rootPid: number): { sample(atMs: number): TreeSample } {
  const seen = new Map<number, { kind: ProcessKind; ticks: number }>();
  return {
    sample(atMs) {
      const now = readProcessTree(rootPid);
      for (const p of now) seen.set(p.pid, { kind: p.kind, ticks: p.cpuTicks });
      const byKind: TreeSample['byKind'] = {};
      const entry = (kind: ProcessKind) => (byKind[kind] ??= { cpuS: 0, pssMb: 0, processes: 0 });
      for (const { kind, ticks } of seen.values()) entry(kind).cpuS += ticks / CLOCK_TICKS_PER_S;
      for (const p of now) {
        entry(p.kind).pssMb += p.pssKb / 1024;
        entry(p.kind).processes++;
      }
      return { atMs, ...treeTotals(byKind), byKind };
    },
  };
}

/** A tree's CPU and memory: every kind but UNCOUNTED_KINDS (which byKind still shows). */
export function treeTotals(byKind: TreeSample['byKind']): { cpuS: number; pssMb: number } {
  const counted = Object.entries(byKind)
    .filter(([kind]) => !UNCOUNTED_KINDS.includes(kind as ProcessKind))
    .map(([, figures]) => figures);
  return { cpuS: counted.reduce((s, k) => s + k.cpuS, 0), pssMb: counted.reduce((s, k) => s + k.pssMb, 0) };
}
