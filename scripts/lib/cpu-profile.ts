/**
 * Reads a V8 CPU profile (DevTools `Profiler.stop`): self time per function, and the time of
 * samples whose stack runs through the extension's scripts (chrome-extension:// URLs), attributed
 * to the extension frame nearest the root (the entry point: an observer's callback, a timer, a
 * message listener) and to the one nearest the leaf (where the time went).
 */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  wallMs: number;
  /** Self time per `function url:line`, ms, largest first. */
  selfMs: Array<[string, number]>;
  /** Samples with an extension frame anywhere on the stack, ms. */
  extensionMs: number;
  extensionByEntryMs: Array<[string, number]>;
  extensionByLeafMs: Array<[string, number]>;
}

const isExtension = (url: string) => url.startsWith('chrome-extension://');

function frameName(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const file = frame.url ? ` ${frame.url.replace(/^chrome-extension:\/\/[a-z]+/, 'ext:').replace(/^https?:\/\/[^/]+/, '')}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'}${file}`;
}

const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
const add = (m: Map<string, number>, key: string, ms: number) => m.set(key, (m.get(key) ?? 0) + ms);

export function summariseProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const entry = new Map<string, number>();
  const leaf = new Map<string, number>();
  let extensionMs = 0;
  profile.samples.forEach((id, i) => {
    // A sample's time is the gap to the next sample (the last one gets none).
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    add(self, frameName(node.callFrame), ms);
    let nearestLeaf: string | null = null;
    let nearestRoot: string | null = null;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (!isExtension(frame.url)) continue;
      nearestLeaf ??= frameName(frame);
      nearestRoot = frameName(frame);
    }
    if (nearestLeaf === null || nearestRoot === null) return;
    extensionMs += ms;
    add(entry, nearestRoot, ms);
    add(leaf, nearestLeaf, ms);
  });
  return {
    wallMs: (profile.endTime - profile.startTime) / 1000,
    selfMs: sorted(self),
    extensionMs,
    extensionByEntryMs: sorted(entry),
    extensionByLeafMs: sorted(leaf),
  };
}
