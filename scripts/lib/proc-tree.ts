import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time and memory of a Chromium browser and every process under it, read from /proc (Linux):
 * utime+stime of /proc/<pid>/stat (CPU time actually spent, robust on a busy machine where wall
 * time is not) and Pss of /proc/<pid>/smaps_rollup (shared pages split between the processes that
 * share them, so the sum over the tree is the tree's real footprint; RSS would count the shared
 * libraries once per process). Each process is named by its command line: Chromium marks the
 * extension's renderer with --extension-process and its services with --utility-sub-type.
 */
export const CLOCK_TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

export type ProcessKind = 'browser' | 'extension renderer' | 'tab renderer' | 'gpu' | 'audio service' | 'video capture' | 'network' | 'storage' | 'zygote' | 'tracing' | 'other';

/**
 * Chromium's processes that are left out of a tree's totals (and still reported): its tracing
 * service is the measurement's (a browser on the call without memory dumps never started it; in
 * the bench it starts in both browsers together in the first two minutes, by some step not yet
 * pinned down: docs/INTERNALS.md, seventh round), and its buffer swings between 40 and 540 MB in each,
 * out of phase (/proc beside two runs, 2026-12-06): 241 MB of one run's "extra peak" was that swing.
 * The extension runs no code in it; the report prints each browser's mean and the peak with it counted.
 */
export const UNCOUNTED_KINDS: readonly ProcessKind[] = ['tracing'];

export interface ProcessReading {
  pid: number;
  kind: ProcessKind;
  cpuTicks: number;
  pssKb: number;
}

export function kindOf(commandLine: string[], isRoot: boolean): ProcessKind {
  if (isRoot) return 'browser';
  const flag = (name: string) => commandLine.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? null;
  const type = flag('type');
  if (type === 'renderer') return commandLine.includes('--extension-process') ? 'extension renderer' : 'tab renderer';
  if (type === 'gpu-process') return 'gpu';
  if (type === 'zygote') return 'zygote';
  const service = flag('utility-sub-type') ?? '';
  if (service.startsWith('audio.')) return 'audio service';
  if (service.startsWith('video_capture.')) return 'video capture';
  if (service.startsWith('network.')) return 'network';
  if (service.startsWith('storage.')) return 'storage';
  if (service.startsWith('tracing.')) return 'tracing';
  return 'other';
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
function statFields(pid: number | string, task?: string): string[] | null {
  try {
    const text = readFileSync(task ? `/proc/${pid}/task/${task}/stat` : `/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // exited
  }
}

/** utime + stime (fields 14 and 15 of stat, 0-based 11 and 12 after the name). */
const ticksOf = (fields: string[]) => Number(fields[11]) + Number(fields[12]);

function pssKb(pid: number): number {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The root and all its descendants (Chromium's renderers hang under the zygote, not the browser). */
export function descendantsOf(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const fields = statFields(name);
    if (!fields) continue;
    const parent = Number(fields[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
  }
  const out: number[] = [];
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

const commandLines = new Map<number, string[]>();
function commandLineOf(pid: number): string[] {
  let known = commandLines.get(pid);
  if (!known) {
    try {
      // Chromium rewrites its children's argv into one space-separated string (its process titles).
      known = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    } catch {
      known = [];
    }
    commandLines.set(pid, known);
  }
  return known;
}

export function readProcessTree(rootPid: number): ProcessReading[] {
  const out: ProcessReading[] = [];
  for (const pid of descendantsOf(rootPid)) {
    const fields = statFields(pid);
    if (!fields) continue;
    out.push({ pid, kind: kindOf(commandLineOf(pid), pid === rootPid), cpuTicks: ticksOf(fields), pssKb: pssKb(pid) });
  }
  return out;
}

export interface ThreadReading {
  tid: number;
  /** Chromium names its threads (CrRendererMain, DedicatedWorker, AudioWorklet…), 15 characters at most. */
  name: string;
  cpuTicks: number;
}

/** CPU ticks of each thread of one process. */
export function readThreads(pid: number): ThreadReading[] {
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const out: ThreadReading[] = [];
  for (const tid of tasks) {
    const fields = statFields(pid, tid);
    if (!fields) continue;
    let name = '?';
    try {
      name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
    } catch {
      /* exited */
    }
    out.push({ tid: Number(tid), name, cpuTicks: ticksOf(fields) });
  }
  return out;
}
