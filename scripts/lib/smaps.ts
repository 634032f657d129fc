import { readFileSync } from 'node:fs';

/**
 * One process's memory mapping by mapping (/proc/<pid>/smaps): where memory no allocator that
 * Chromium's memory-infra counts went. A WebAssembly memory is one read-write mapping whose size is
 * the memory's current size (V8 reserves the rest inaccessible), so its growth shows as that
 * mapping's size and Pss at the same start address.
 */
export interface Mapping {
  /** Start address (hex), which names an anonymous mapping from one reading to the next. */
  start: string;
  sizeKb: number;
  pssKb: number;
  perms: string;
  /** The file or [heap]/[stack]/[anon:…] label; '' for an anonymous mapping. */
  name: string;
}

const HEADER = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/;

export function parseSmaps(text: string): Mapping[] {
  const out: Mapping[] = [];
  let current: Mapping | null = null;
  for (const line of text.split('\n')) {
    const header = HEADER.exec(line);
    if (header) {
      current = { start: header[1]!, sizeKb: 0, pssKb: 0, perms: header[3]!, name: header[4]!.trim() };
      out.push(current);
      continue;
    }
    const field = /^(Size|Pss):\s+(\d+) kB/.exec(line);
    if (field && current) current[field[1] === 'Size' ? 'sizeKb' : 'pssKb'] = Number(field[2]);
  }
  return out;
}

export function readSmaps(pid: number): Mapping[] {
  try {
    return parseSmaps(readFileSync(`/proc/${pid}/smaps`, 'utf8'));
  } catch {
    return []; // exited
  }
}

export interface MappingChange {
  start: string;
  name: string;
  sizeKb: [number, number];
  pssKb: [number, number];
}

/**
 * What changed between two readings: each mapping matched by start address and name, the ones
 * that grew or shrank the most first; mappings present in one reading only count from or to 0.
 */
export function mappingChanges(before: Mapping[], after: Mapping[]): MappingChange[] {
  const key = (m: Mapping) => `${m.start} ${m.name}`;
  const then = new Map(before.map((m) => [key(m), m]));
  const now = new Map(after.map((m) => [key(m), m]));
  const changes: MappingChange[] = [];
  for (const k of new Set([...then.keys(), ...now.keys()])) {
    const a = then.get(k);
    const b = now.get(k);
    const m = (b ?? a)!;
    changes.push({ start: m.start, name: m.name, sizeKb: [a?.sizeKb ?? 0, b?.sizeKb ?? 0], pssKb: [a?.pssKb ?? 0, b?.pssKb ?? 0] });
  }
  return changes.filter((c) => c.pssKb[0] !== c.pssKb[1]).sort((x, y) => Math.abs(y.pssKb[1] - y.pssKb[0]) - Math.abs(x.pssKb[1] - x.pssKb[0]));
}

/** The change summed by kind of mapping: named files and labels by name, anonymous ones as new, gone, or kept (present in both readings). */
export function changesByName(changes: MappingChange[]): Array<[string, number]> {
  const out = new Map<string, number>();
  for (const c of changes) {
    const name = c.name || (c.pssKb[0] === 0 && c.sizeKb[0] === 0 ? 'anonymous (new)' : c.sizeKb[1] === 0 ? 'anonymous (gone)' : 'anonymous (kept)');
    out.set(name, (out.get(name) ?? 0) + c.pssKb[1] - c.pssKb[0]);
  }
  return [...out].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
}
