/**
 * Precision and recall per behaviour with percentile-bootstrap 90% intervals. Items are resampled
 * in groups (an AnnoMI transcript, or each set item on its own), so utterances of one visit move together.
 */
import { BEHAVIOURS, type Behaviour } from '../../src/core/behaviours/labels';
import { mulberry32, quantile } from '../questions/metrics';

export interface Judged {
  group: string;
  gold: readonly Behaviour[];
  predicted: readonly Behaviour[];
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface BehaviourScore extends Tally {
  precision: number | null;
  recall: number | null;
  precisionCi: [number, number] | null;
  recallCi: [number, number] | null;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

function tally(rows: readonly Judged[], behaviour: Behaviour): Tally {
  const t = { tp: 0, fp: 0, fn: 0 };
  for (const r of rows) {
    const g = r.gold.includes(behaviour);
    const p = r.predicted.includes(behaviour);
    if (g && p) t.tp++;
    else if (p) t.fp++;
    else if (g) t.fn++;
  }
  return t;
}

function interval(values: number[]): [number, number] | null {
  return values.length === 0 ? null : [quantile(values, 0.05), quantile(values, 0.95)];
}

/** Scores of every behaviour; `reps` bootstrap resamples of the groups (seeded, deterministic). */
export function scoreBehaviours(rows: readonly Judged[], reps = 1000, seed = 1): Record<Behaviour, BehaviourScore> {
  const byGroup = new Map<string, Judged[]>();
  for (const r of rows) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r]);
  const groups = [...byGroup.values()];
  const random = mulberry32(seed);
  const samples = BEHAVIOURS.map(() => ({ p: [] as number[], r: [] as number[] }));
  for (let rep = 0; rep < reps && groups.length > 0; rep++) {
    const resampled = Array.from({ length: groups.length }, () => groups[Math.floor(random() * groups.length)]!).flat();
    BEHAVIOURS.forEach((b, i) => {
      const t = tally(resampled, b);
      const p = ratio(t.tp, t.tp + t.fp);
      const r = ratio(t.tp, t.tp + t.fn);
      if (p !== null) samples[i]!.p.push(p);
      if (r !== null) samples[i]!.r.push(r);
    });
  }
  return Object.fromEntries(
    BEHAVIOURS.map((b, i) => {
      const t = tally(rows, b);
      return [b, { ...t, precision: ratio(t.tp, t.tp + t.fp), recall: ratio(t.tp, t.tp + t.fn), precisionCi: interval(samples[i]!.p), recallCi: interval(samples[i]!.r) }];
    }),
  ) as Record<Behaviour, BehaviourScore>;
}

const pct = (x: number | null) => (x === null ? '   –' : `${(100 * x).toFixed(0).padStart(3)}%`);
const ci = (c: [number, number] | null) => (c === null ? '          ' : `[${pct(c[0]).trim()}–${pct(c[1]).trim()}]`.padEnd(12));

/** A table: behaviour, TP/FP/FN, precision and recall with their 90% intervals. */
export function scoreTable(scores: Record<Behaviour, BehaviourScore>): string {
  const head = `${'behaviour'.padEnd(26)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)}  precision [90% CI]    recall [90% CI]`;
  const lines = BEHAVIOURS.map((b) => {
    const s = scores[b];
    return `${b.padEnd(26)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${pct(s.precision)} ${ci(s.precisionCi)}     ${pct(s.recall)} ${ci(s.recallCi)}`;
  });
  return [head, ...lines].join('\n');
}
