/** Scoring helpers for the chain report: word error rate, ROC AUC, a grouped bootstrap, a tiny logistic fit. */
import { mulberry32 } from '../../questions/metrics';

/** Lower case, words only (apostrophes kept), so that punctuation and case are not counted as errors. */
export const normalizeWords = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean);

/** Word-level edit distance (substitutions, insertions, deletions). */
export function wordEdits(reference: readonly string[], hypothesis: readonly string[]): number {
  let previous = Array.from({ length: hypothesis.length + 1 }, (_, j) => j);
  for (let i = 1; i <= reference.length; i++) {
    const row = [i];
    for (let j = 1; j <= hypothesis.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (reference[i - 1] === hypothesis[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[hypothesis.length]!;
}

/** Area under the ROC curve: P(score of a random positive > a random negative), ties counting half. */
export function rocAuc(scores: readonly number[], positive: readonly boolean[]): number {
  const order = scores.map((s, i) => ({ s, p: positive[i]! })).sort((a, b) => a.s - b.s);
  let rankSumPositive = 0;
  let nPositive = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]!.s === order[i]!.s) j++;
    const midRank = (i + 1 + j) / 2; // ranks i+1 … j share their mean
    for (let k = i; k < j; k++) {
      if (!order[k]!.p) continue;
      rankSumPositive += midRank;
      nPositive++;
    }
    i = j;
  }
  const nNegative = order.length - nPositive;
  if (nPositive === 0 || nNegative === 0) return NaN;
  return (rankSumPositive - (nPositive * (nPositive + 1)) / 2) / (nPositive * nNegative);
}

/** 95% interval of a statistic over resamples of whole groups (transcripts), with replacement. */
export function groupBootstrap<T>(groups: readonly T[][], statistic: (rows: T[]) => number, resamples = 1000, seed = 13): [number, number] {
  const random = mulberry32(seed);
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const rows: T[] = [];
    for (let g = 0; g < groups.length; g++) rows.push(...groups[Math.floor(random() * groups.length)]!);
    const v = statistic(rows);
    if (Number.isFinite(v)) values.push(v);
  }
  values.sort((a, b) => a - b);
  return [values[Math.floor(0.025 * values.length)]!, values[Math.floor(0.975 * values.length)]!];
}

/** Logistic regression by full-batch gradient descent (few features, deterministic); returns weights, bias last. */
export function fitLogistic(x: readonly number[][], y: readonly boolean[], epochs = 2000, rate = 0.5, l2 = 1e-3): number[] {
  const d = x[0]?.length ?? 0;
  const w = new Array<number>(d + 1).fill(0);
  for (let e = 0; e < epochs; e++) {
    const grad = new Array<number>(d + 1).fill(0);
    for (let i = 0; i < x.length; i++) {
      const err = predictLogistic(w, x[i]!) - (y[i] ? 1 : 0);
      for (let k = 0; k < d; k++) grad[k]! += err * x[i]![k]!;
      grad[d]! += err;
    }
    for (let k = 0; k <= d; k++) w[k]! -= rate * (grad[k]! / x.length + (k < d ? l2 * w[k]! : 0));
  }
  return w;
}

export function predictLogistic(w: readonly number[], features: readonly number[]): number {
  let z = w[features.length]!;
  for (let k = 0; k < features.length; k++) z += w[k]! * features[k]!;
  return 1 / (1 + Math.exp(-z));
}
