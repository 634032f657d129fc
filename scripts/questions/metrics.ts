/**
 * Metrics of the classifier as the clinician meets it (issue 13): per-visit error of the
 * open-question share and of the reflection-to-question ratio, agreement with the majority
 * vote of several expert coders (with a bootstrap interval, since those utterances are few),
 * and the calibration of the label confidence (expected calibration error, reliability table).
 * Pure functions over plain data; the evaluation script feeds them cross-validated predictions.
 */
import { UTTERANCE_LABELS, type UtteranceLabel } from '../../src/core/questions/labels';
import { majority, type ClassScore, type Votes } from './agreement';

/** Per-visit counts of the four labels (possibly fractional: expected counts). */
export type LabelCounts = Record<UtteranceLabel, number>;

export const zeroCounts = (): LabelCounts => ({ open_question: 0, closed_question: 0, reflection: 0, other: 0 });

/** open / (open + closed), 0..1; null when the visit has no questions. */
export function openShare(c: LabelCounts): number | null {
  const q = c.open_question + c.closed_question;
  return q > 0 ? c.open_question / q : null;
}

/** reflections / (open + closed); null when the visit has no questions. */
export function reflectionToQuestion(c: LabelCounts): number | null {
  const q = c.open_question + c.closed_question;
  return q > 0 ? c.reflection / q : null;
}

export interface ScoredUtterance {
  visitId: number;
  gold: UtteranceLabel;
  /** Class probabilities in UTTERANCE_LABELS order. */
  probs: readonly number[];
}

export type CountMode = 'argmax' | 'expected';

/** The label with the highest probability (first one on ties). */
export function argmaxLabel(probs: readonly number[]): UtteranceLabel {
  let best = 0;
  for (let c = 1; c < probs.length; c++) if ((probs[c] as number) > (probs[best] as number)) best = c;
  return UTTERANCE_LABELS[best] as UtteranceLabel;
}

/**
 * Gold and predicted counts per visit. `argmax` counts one per utterance for its top label (what
 * a panel of integer counts shows); `expected` adds each utterance's probabilities (the expected
 * count under the model, which does not round every uncertain question towards its likelier kind).
 */
export function countsByVisit(rows: readonly ScoredUtterance[], mode: CountMode): Map<number, { gold: LabelCounts; predicted: LabelCounts }> {
  const out = new Map<number, { gold: LabelCounts; predicted: LabelCounts }>();
  for (const r of rows) {
    let v = out.get(r.visitId);
    if (v === undefined) out.set(r.visitId, (v = { gold: zeroCounts(), predicted: zeroCounts() }));
    v.gold[r.gold] += 1;
    if (mode === 'argmax') v.predicted[argmaxLabel(r.probs)] += 1;
    else UTTERANCE_LABELS.forEach((l, c) => ((v as { predicted: LabelCounts }).predicted[l] += r.probs[c] as number));
  }
  return out;
}

export interface VisitErrors {
  /** Visits scored (those with at least `minGoldQuestions` gold questions). */
  visits: number;
  /** |predicted − gold| open share per visit, in percentage points. */
  shareErrorPts: number[];
  /** |predicted − gold| R:Q per visit. */
  rqError: number[];
}

/**
 * Absolute errors per visit with at least `minGoldQuestions` gold questions. A visit where the
 * classifier finds no question at all gets a predicted share of 50 % (the panel shows no share;
 * an even split is the uninformed guess) and a predicted R:Q of its reflection count (as if one
 * question had been found), so such a visit still counts against the classifier.
 */
export function visitErrors(visits: Iterable<{ gold: LabelCounts; predicted: LabelCounts }>, minGoldQuestions = 4): VisitErrors {
  const shareErrorPts: number[] = [];
  const rqError: number[] = [];
  for (const { gold, predicted } of visits) {
    if (gold.open_question + gold.closed_question < minGoldQuestions) continue;
    const gs = openShare(gold) as number;
    const grq = reflectionToQuestion(gold) as number;
    const ps = openShare(predicted) ?? 0.5;
    const prq = reflectionToQuestion(predicted) ?? predicted.reflection;
    shareErrorPts.push(Math.abs(ps - gs) * 100);
    rqError.push(Math.abs(prq - grq));
  }
  return { visits: shareErrorPts.length, shareErrorPts, rqError };
}

/** Quantile by linear interpolation between order statistics (R type 7); NaN for no data. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return (s[lo] as number) + (h - lo) * ((s[hi] as number) - (s[lo] as number));
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

const f1Of = (t: Tally): ClassScore => {
  const precision = t.tp + t.fp > 0 ? t.tp / (t.tp + t.fp) : 0;
  const recall = t.tp + t.fn > 0 ? t.tp / (t.tp + t.fn) : 0;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
};

/**
 * Per-class scores of predictions against the majority vote of all coders (ties split evenly
 * between the tied labels, as in agreement.ts). Items without votes are skipped.
 */
export function consensusScores(items: readonly { votes: Votes; predicted: UtteranceLabel }[]): Record<UtteranceLabel, ClassScore> {
  const t = Object.fromEntries(UTTERANCE_LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0 }])) as Record<UtteranceLabel, Tally>;
  for (const { votes, predicted } of items) {
    for (const [ref, w] of majority(votes)) {
      if (ref === predicted) t[ref].tp += w;
      else {
        t[predicted].fp += w;
        t[ref].fn += w;
      }
    }
  }
  return Object.fromEntries(UTTERANCE_LABELS.map((l) => [l, f1Of(t[l])])) as Record<UtteranceLabel, ClassScore>;
}

/** Deterministic 32-bit PRNG (mulberry32) for the bootstrap. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Percentile bootstrap interval (resampling items with replacement, seeded) of each class's
 * consensus F1: how far a figure on a few dozen utterances could move with other utterances.
 */
export function consensusF1Interval(
  items: readonly { votes: Votes; predicted: UtteranceLabel }[],
  reps = 1000,
  level = 0.9,
  seed = 1,
): Record<UtteranceLabel, [number, number]> {
  const rand = mulberry32(seed);
  const samples = Object.fromEntries(UTTERANCE_LABELS.map((l) => [l, [] as number[]])) as Record<UtteranceLabel, number[]>;
  for (let r = 0; r < reps; r++) {
    const pick = items.map(() => items[Math.floor(rand() * items.length)] as (typeof items)[number]);
    const s = consensusScores(pick);
    for (const l of UTTERANCE_LABELS) samples[l].push(s[l].f1);
  }
  const a = (1 - level) / 2;
  return Object.fromEntries(UTTERANCE_LABELS.map((l) => [l, [quantile(samples[l], a), quantile(samples[l], 1 - a)]])) as Record<
    UtteranceLabel,
    [number, number]
  >;
}

export interface ReliabilityBin {
  lo: number;
  hi: number;
  n: number;
  meanConfidence: number;
  accuracy: number;
}

/**
 * Expected calibration error of label confidences: the n-weighted mean of |accuracy − mean
 * confidence| over equal-width confidence bins (a confidence of exactly `hi` of the last bin
 * falls in it), with the bins (empty ones left out) as a reliability table.
 */
export function calibration(items: readonly { confidence: number; correct: boolean }[], bins = 10): { ece: number; table: ReliabilityBin[] } {
  const acc = Array.from({ length: bins }, () => ({ n: 0, conf: 0, right: 0 }));
  for (const { confidence, correct } of items) {
    const b = acc[Math.min(bins - 1, Math.max(0, Math.floor(confidence * bins)))] as { n: number; conf: number; right: number };
    b.n += 1;
    b.conf += confidence;
    b.right += correct ? 1 : 0;
  }
  const table: ReliabilityBin[] = [];
  let ece = 0;
  acc.forEach((b, i) => {
    if (b.n === 0) return;
    const meanConfidence = b.conf / b.n;
    const accuracy = b.right / b.n;
    ece += (b.n / items.length) * Math.abs(accuracy - meanConfidence);
    table.push({ lo: i / bins, hi: (i + 1) / bins, n: b.n, meanConfidence, accuracy });
  });
  return { ece, table };
}

/**
 * Visit-level error of a single human coder against the coders' majority, on visits coded by
 * several: each simulated coder takes, for every utterance, the label of one vote drawn at
 * random (seeded), and is scored like the classifier (majority counts as gold, ties split).
 * Drawing each utterance independently ignores a coder's consistent habits, so the real human
 * figure is at least this large. Returns the mean absolute error per visit over `reps` coders.
 */
export function sampledCoderVisitErrors(visits: readonly (readonly Votes[])[], reps = 500, seed = 1): { sharePts: number; rq: number }[] {
  const rand = mulberry32(seed);
  return visits.map((utterances) => {
    const gold = zeroCounts();
    for (const v of utterances) for (const [l, w] of majority(v)) gold[l] += w;
    let share = 0;
    let rq = 0;
    for (let r = 0; r < reps; r++) {
      const coder = zeroCounts();
      for (const v of utterances) {
        const total = UTTERANCE_LABELS.reduce((s, l) => s + (v[l] ?? 0), 0);
        let pick = rand() * total;
        const label = UTTERANCE_LABELS.find((l) => (pick -= v[l] ?? 0) < 0) ?? 'other';
        coder[label] += 1;
      }
      const e = visitErrors([{ gold, predicted: coder }], 0);
      share += e.shareErrorPts[0] ?? 0;
      rq += e.rqError[0] ?? 0;
    }
    return { sharePts: share / reps, rq: rq / reps };
  });
}
