/**
 * Deterministic training of the utterance classifier: multinomial logistic regression with
 * L2 regularisation, optimised by full-batch Adam (no randomness anywhere), over the
 * features of src/core/questions/features.ts. Each training utterance is used twice: as
 * punctuated text and as lower-case unpunctuated (ASR-like) text, so one model serves both.
 */
import { extractFeatures } from '../../src/core/questions/features';
import { UTTERANCE_LABELS } from '../../src/core/questions/labels';
import type { QuestionModel } from '../../src/core/questions/model';
import { underCondition, type Condition, type Example } from './data';

export interface TrainOptions {
  /** Minimum number of distinct transcripts a feature must occur in (prunes rare content words). */
  minTranscripts: number;
  /** Minimum number of (augmented) utterances a feature must occur in. */
  minCount: number;
  l2: number;
  iterations: number;
  learningRate: number;
  /** Per-class loss weights (label order). */
  classWeights: readonly number[];
  /** L2 for the complex-vs-simple model. */
  rtL2: number;
  /** Weights with |w| below this are dropped from the shipped model. */
  pruneBelow: number;
  /** Feature-name prefixes to leave out (ablation). */
  dropPrefixes: readonly string[];
  /** Which text conditions (views of each utterance) to train on. */
  conditions: readonly Condition[];
  /**
   * Annotator nuisance terms: in training only, each row also gets `ann:<annotator>` and
   * `ann:<annotator>|<feature>` for the features whose names start with one of these prefixes
   * (null = off). AnnoMI transcripts are each coded by one annotator, and annotators differ in
   * how they code the same forms (one codes nearly every question open); these terms absorb
   * such habits so the text weights learn the shared convention. They are dropped from the
   * shipped model, i.e. inference uses the average annotator.
   */
  annotatorCross: readonly string[] | null;
  /** L2 multiplier for the annotator terms. */
  annotatorL2: number;
  /**
   * Prior means for single features: their L2 penalty pulls towards these weights (one per
   * label) instead of towards 0. Used for `in:any`, the pooled therapist-input cue (advice,
   * instruction, information, structuring; src/core/questions/input-cues.ts): the MITI / AnnoMI
   * coding rules say such turns are not reflections, but MI clinicians seldom give advice, so
   * the training data has too few of them to learn that alone (an imperative opens about 6 of
   * 1,866 therapist turns). The data still moves the weight away from the prior where it
   * disagrees, and cross-validation measures the effect.
   */
  priors: readonly (readonly [string, readonly number[]])[];
}

export const DEFAULT_OPTIONS: TrainOptions = {
  minTranscripts: 5,
  minCount: 6,
  l2: 90,
  iterations: 400,
  learningRate: 0.05,
  classWeights: [1.3, 2.2, 1, 0.75],
  rtL2: 10,
  pruneBelow: 0.02,
  dropPrefixes: [],
  conditions: ['punctuated', 'unpunctuated', 'punctuated_no_context', 'unpunctuated_no_context'],
  annotatorCross: ['c:k:', 'c:none', 'c:w1:', 'p:end', 'f1:'],
  annotatorL2: 1,
  priors: [['in:any', [0, 0, -1, 1]]],
};

export interface Sparse {
  idx: Int32Array;
  val: Float64Array;
}

export function vectorise(examples: readonly Example[], o: TrainOptions): { rows: Map<string, number>[]; ex: Example[] } {
  const rows: Map<string, number>[] = [];
  const ex: Example[] = [];
  for (const e of examples) {
    for (const c of o.conditions) {
      const v = underCondition(e, c);
      const f = extractFeatures({ text: v.text, prevText: v.prevText });
      if (o.annotatorCross !== null) {
        const a = `ann:${e.annotator}`;
        const cross: string[] = [];
        for (const k of f.keys()) if (o.annotatorCross.some((p) => k.startsWith(p))) cross.push(k);
        f.set(a, 1);
        for (const k of cross) f.set(`${a}|${k}`, 1);
      }
      rows.push(f);
      ex.push(v);
    }
  }
  return { rows, ex };
}

export function selectVocab(rows: Map<string, number>[], ex: Example[], o: TrainOptions): string[] {
  const count = new Map<string, number>();
  const tids = new Map<string, Set<number>>();
  rows.forEach((r, i) => {
    const tid = (ex[i] as Example).transcriptId;
    for (const k of r.keys()) {
      count.set(k, (count.get(k) ?? 0) + 1);
      let s = tids.get(k);
      if (s === undefined) tids.set(k, (s = new Set()));
      s.add(tid);
    }
  });
  const vocab: string[] = [];
  for (const [k, c] of count) {
    if (o.dropPrefixes.some((p) => k.startsWith(p))) continue;
    // annotator terms are exempt from the transcript threshold (an annotator may have coded few)
    const minT = k.startsWith('ann:') ? 1 : o.minTranscripts;
    if (c >= o.minCount && (tids.get(k) as Set<number>).size >= minT) vocab.push(k);
  }
  return vocab.sort();
}

export function toSparse(rows: Map<string, number>[], index: Map<string, number>): Sparse[] {
  return rows.map((r) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [k, v] of r) {
      const j = index.get(k);
      if (j !== undefined) {
        idx.push(j);
        val.push(v);
      }
    }
    return { idx: Int32Array.from(idx), val: Float64Array.from(val) };
  });
}

/** Full-batch Adam on weighted softmax cross-entropy + L2 (bias unregularised). Returns W[j*K+c]. */
function fitSoftmax(
  X: Sparse[],
  y: number[],
  sampleW: number[],
  d: number,
  K: number,
  l2: Float64Array,
  iters: number,
  lr: number,
  prior: Float64Array | null = null,
): Float64Array {
  const W = new Float64Array(d * K);
  if (prior !== null) W.set(prior);
  const m = new Float64Array(d * K);
  const v = new Float64Array(d * K);
  const g = new Float64Array(d * K);
  const b1 = 0.9;
  const b2 = 0.999;
  const z = new Float64Array(K);
  let totalW = 0;
  for (const s of sampleW) totalW += s;
  for (let it = 1; it <= iters; it++) {
    g.fill(0);
    for (let i = 0; i < X.length; i++) {
      const { idx, val } = X[i] as Sparse;
      z.fill(0);
      for (let a = 0; a < idx.length; a++) {
        const base = (idx[a] as number) * K;
        const x = val[a] as number;
        for (let c = 0; c < K; c++) z[c] = (z[c] as number) + x * (W[base + c] as number);
      }
      let max = -Infinity;
      for (let c = 0; c < K; c++) if ((z[c] as number) > max) max = z[c] as number;
      let sum = 0;
      for (let c = 0; c < K; c++) {
        z[c] = Math.exp((z[c] as number) - max);
        sum += z[c] as number;
      }
      const sw = (sampleW[i] as number) / totalW;
      for (let c = 0; c < K; c++) z[c] = (((z[c] as number) / sum) - (c === y[i] ? 1 : 0)) * sw;
      for (let a = 0; a < idx.length; a++) {
        const base = (idx[a] as number) * K;
        const x = val[a] as number;
        for (let c = 0; c < K; c++) g[base + c] = (g[base + c] as number) + x * (z[c] as number);
      }
    }
    const invN = 1 / X.length;
    const c1 = 1 - Math.pow(b1, it);
    const c2 = 1 - Math.pow(b2, it);
    for (let j = 0; j < d * K; j++) {
      let gj = g[j] as number;
      gj += (l2[Math.floor(j / K)] as number) * invN * ((W[j] as number) - (prior === null ? 0 : (prior[j] as number)));
      const mj = b1 * (m[j] as number) + (1 - b1) * gj;
      const vj = b2 * (v[j] as number) + (1 - b2) * gj * gj;
      m[j] = mj;
      v[j] = vj;
      W[j] = (W[j] as number) - (lr * (mj / c1)) / (Math.sqrt(vj / c2) + 1e-8);
    }
  }
  return W;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export function train(examples: readonly Example[], opts: Partial<TrainOptions> = {}): QuestionModel {
  const o: TrainOptions = { ...DEFAULT_OPTIONS, ...opts };
  const K = UTTERANCE_LABELS.length;
  const { rows, ex } = vectorise(examples, o);
  const vocab = selectVocab(rows, ex, o);
  if (!vocab.includes('bias')) vocab.push('bias');
  const index = new Map(vocab.map((k, i) => [k, i]));
  const X = toSparse(rows, index);
  const y = ex.map((e) => UTTERANCE_LABELS.indexOf(e.label));
  const sw = y.map((c) => o.classWeights[c] ?? 1);
  // per-feature L2: none on the bias, annotatorL2 × l2 on the annotator terms
  const l2For = (base: number): Float64Array =>
    Float64Array.from(vocab, (k) => (k === 'bias' ? 0 : k.startsWith('ann:') ? base * o.annotatorL2 : base));
  const prior = new Float64Array(vocab.length * K);
  for (const [name, w0] of o.priors) {
    const j = index.get(name);
    if (j !== undefined) for (let c = 0; c < K; c++) prior[j * K + c] = w0[c] ?? 0;
  }
  const W = fitSoftmax(X, y, sw, vocab.length, K, l2For(o.l2), o.iterations, o.learningRate, prior);

  // complex vs simple reflection, on gold reflections with a subtype
  const rIdx: number[] = [];
  ex.forEach((e, i) => {
    if (e.label === 'reflection' && e.reflectionType !== null) rIdx.push(i);
  });
  const Wr = fitSoftmax(
    rIdx.map((i) => X[i] as Sparse),
    rIdx.map((i) => ((ex[i] as Example).reflectionType === 'complex' ? 1 : 0)),
    rIdx.map(() => 1),
    vocab.length,
    2,
    l2For(o.rtL2),
    o.iterations,
    o.learningRate,
  );

  const w: Record<string, number[]> = {};
  const rt: Record<string, number> = {};
  let rtBias = 0;
  vocab.forEach((k, j) => {
    if (k.startsWith('ann:')) return; // training-only nuisance terms
    const ws = [];
    let keep = false;
    for (let c = 0; c < K; c++) {
      const x = round(W[j * K + c] as number);
      ws.push(x);
      if (Math.abs(x) >= o.pruneBelow) keep = true;
    }
    if (keep) w[k] = ws;
    const r = round((Wr[j * 2 + 1] as number) - (Wr[j * 2] as number));
    if (k === 'bias') rtBias = r;
    else if (Math.abs(r) >= o.pruneBelow * 4) rt[k] = r;
  });
  return {
    version: 1,
    labels: [...UTTERANCE_LABELS],
    offsets: new Array<number>(K).fill(0),
    w,
    rt: { bias: rtBias, w: rt },
    meta: {
      trainedOn: `AnnoMI dev split (therapist utterances); views: ${o.conditions.join(', ')}`,
      annotatorTerms: o.annotatorCross === null ? 'none' : o.annotatorCross.join(' '),
      classWeights: o.classWeights.join(' '),
      examples: examples.length,
      features: Object.keys(w).length,
      l2: o.l2,
      minTranscripts: o.minTranscripts,
      minCount: o.minCount,
      priors: o.priors.map(([k, w0]) => `${k}=${w0.join(',')}`).join(' '),
      iterations: o.iterations,
    },
  };
}
