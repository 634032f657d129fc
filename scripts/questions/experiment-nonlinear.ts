/**
 * Development aid: does a non-linear learner beat the logistic model? Grouped-CV comparison of
 *   base  the shipped trainer (multinomial logistic regression, trainer.ts), the reference;
 *   mlp   one hidden layer (tanh, or ReLU with ACT=relu) over the same sparse features, softmax output;
 *   wd    "wide & deep": the logistic model's logits plus the hidden layer's, trained jointly;
 *   wdr   the same, but the hidden layer is trained on top of the fitted wide part (kept fixed);
 *   lin   control: the wide part alone under the same optimiser and early stopping (should match base);
 *   avg   the mean of base's and mlp's class probabilities (no extra training).
 * Same data, features, vocabulary pruning (computed on the training fold), training views
 * (punctuated / unpunctuated, with and without the patient's turn), class weights and grouped
 * folds as trainer.ts and experiment-base.ts. The annotator terms of the trainer (training only,
 * dropped at inference) are kept as a linear part in every variant: in mlp they are the only
 * linear inputs besides the output bias, so the hidden layer never sees the annotator.
 * The deep part's L2 and its number of epochs are chosen per training fold by a nested split of
 * that fold's transcripts (weighted cross-entropy on the held-out quarter); the test fold is
 * used only for the reported F1. Deterministic: seeded PRNG for initialisation and shuffling.
 *   nice -n 19 npx tsx scripts/questions/experiment-nonlinear.ts <annomi.jsonl> [lin mlp wd wdr avg]
 * Environment: SEEDS=0,1,2 partitions into folds (default SEED or 0); HIDDEN=32 units; ACT=relu (default tanh).
 * Finding (SEEDS=0,1,2; 32 tanh and 64 ReLU units): no non-linear variant beats base. Mean Δ F1
 * open / closed, punctuated | unpunctuated: mlp −0.015 −0.021 | −0.017 −0.041 (tanh 32),
 * −0.011 −0.030 | −0.011 −0.041 (ReLU 64); wd, wdr and avg between −0.005 and +0.004 on
 * punctuated open / closed and −0.004 to −0.024 on unpunctuated; lin (control) within ±0.01 of base.
 */
import { scoreFeatures } from '../../src/core/questions/classify';
import { extractFeatures } from '../../src/core/questions/features';
import { UTTERANCE_LABELS, type UtteranceLabel } from '../../src/core/questions/labels';
import { groupedFolds, loadExamples, underCondition, type Condition, type Example } from './data';
import { questionF1Values, seededRandom } from './experiment-util';
import { DEFAULT_OPTIONS, selectVocab, toSparse, train, vectorise, type Sparse } from './trainer';

const [path, ...requested] = process.argv.slice(2);
const variants = requested.length > 0 ? requested : ['mlp', 'wd', 'avg'];
const examples = loadExamples(path as string);
const K_FOLDS = 5;
const K = UTTERANCE_LABELS.length;
const CONDS: Condition[] = ['punctuated', 'unpunctuated'];
const SEEDS = (process.env.SEEDS ?? process.env.SEED ?? '0').split(',').map(Number);
const HIDDEN = Number(process.env.HIDDEN ?? 32);
const RELU = process.env.ACT === 'relu';
const O = DEFAULT_OPTIONS;

/** Deep-part L2 values tried by the nested split (same units as the trainer's l2 = 90: penalty l2 / (2 N) |W|²). */
const DEEP_L2 = [30, 300, 1000, 3000, 10000];
const MAX_EPOCHS = 40;
const BATCH = 128;
const LR = 0.001;

interface Design {
  index: Map<string, number>;
  d: number;
  X: Sparse[];
  y: Int32Array;
  sw: Float64Array;
  /** 1 where the feature is an input of the hidden layer (every feature but the annotator terms). */
  deepIn: Uint8Array;
  /** 1 where the feature has a linear (wide) weight. */
  wideIn: Uint8Array;
  /** trainer-style per-feature L2 of the wide part and its prior means (d × K) */
  wideL2: Float64Array;
  widePrior: Float64Array;
}

/** The trainer's design matrix for these training examples (views, annotator terms, pruning). */
function design(tr: readonly Example[], wideAll: boolean): Design {
  const { rows, ex } = vectorise(tr, O);
  const vocab = selectVocab(rows, ex, O);
  if (!vocab.includes('bias')) vocab.push('bias');
  const index = new Map(vocab.map((k, i) => [k, i]));
  const d = vocab.length;
  const isAnn = (k: string): boolean => k.startsWith('ann:');
  const widePrior = new Float64Array(d * K);
  for (const [name, w0] of O.priors) {
    const j = index.get(name);
    if (j !== undefined) for (let c = 0; c < K; c++) widePrior[j * K + c] = w0[c] ?? 0;
  }
  const y = Int32Array.from(ex, (e) => UTTERANCE_LABELS.indexOf(e.label));
  return {
    index,
    d,
    X: toSparse(rows, index),
    y,
    sw: Float64Array.from(y, (c) => O.classWeights[c] ?? 1),
    deepIn: Uint8Array.from(vocab, (k) => (isAnn(k) ? 0 : 1)),
    wideIn: Uint8Array.from(vocab, (k) => (wideAll || isAnn(k) || k === 'bias' ? 1 : 0)),
    wideL2: Float64Array.from(vocab, (k) => (k === 'bias' ? 0 : isAnn(k) ? O.l2 * O.annotatorL2 : O.l2)),
    widePrior,
  };
}

/** A test utterance as the model sees it at inference: no annotator terms. */
function featurise(e: Example, index: Map<string, number>): Sparse {
  return toSparse([extractFeatures({ text: e.text, prevText: e.prevText })], index)[0] as Sparse;
}

interface Net {
  d: number;
  H: number;
  wide: Float64Array; // d × K
  w1: Float64Array; // d × H (rows of non-deep features stay 0)
  w2: Float64Array; // H × K
}

function logits(net: Net, x: Sparse, deepIn: Uint8Array, wideIn: Uint8Array, h: Float64Array, z: Float64Array): void {
  const { H } = net;
  h.fill(0);
  z.fill(0);
  for (let a = 0; a < x.idx.length; a++) {
    const j = x.idx[a] as number;
    const v = x.val[a] as number;
    if (deepIn[j] === 1) for (let u = 0; u < H; u++) h[u] = (h[u] as number) + v * (net.w1[j * H + u] as number);
    if (wideIn[j] === 1) for (let c = 0; c < K; c++) z[c] = (z[c] as number) + v * (net.wide[j * K + c] as number);
  }
  if (H === 0) return;
  for (let u = 0; u < H; u++) h[u] = RELU ? Math.max(0, h[u] as number) : Math.tanh(h[u] as number);
  for (let u = 0; u < H; u++) {
    const hu = h[u] as number;
    for (let c = 0; c < K; c++) z[c] = (z[c] as number) + hu * (net.w2[u * K + c] as number);
  }
}

function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (const x of z) if (x > max) max = x;
  let s = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp((z[c] as number) - max);
    s += z[c] as number;
  }
  for (let c = 0; c < z.length; c++) z[c] = (z[c] as number) / s;
}

interface FitResult {
  net: Net;
  /** validation loss after each epoch (empty without a validation set) */
  valLoss: number[];
}

/**
 * Mini-batch Adam on class-weighted softmax cross-entropy. Wide part: the trainer's L2 and
 * prior; deep part (w1 without the bias row, w2): deepL2. Both in the trainer's units.
 */
interface Validation {
  X: Sparse[];
  y: Int32Array;
  sw: Float64Array;
}

function validationLoss(net: Net, D: Design, val: Validation): number {
  const h = new Float64Array(net.H);
  const z = new Float64Array(K);
  let loss = 0;
  let tw = 0;
  val.X.forEach((x, i) => {
    logits(net, x, D.deepIn, D.wideIn, h, z);
    softmaxInPlace(z);
    loss -= (val.sw[i] as number) * Math.log(Math.max(z[val.y[i] as number] as number, 1e-12));
    tw += val.sw[i] as number;
  });
  return loss / tw;
}

/**
 * `frozenWide`: start from these wide weights and keep them fixed, with the output layer at 0
 * (a residual hidden layer on top of a fitted linear model; epoch 0 = the linear model alone).
 */
function fit(D: Design, H: number, deepL2: number, epochs: number, seed: number, val: Validation | null, frozenWide: Float64Array | null = null): FitResult {
  const { d, X, y, sw, deepIn, wideIn } = D;
  const rnd = seededRandom(seed);
  const net: Net = { d, H, wide: Float64Array.from(frozenWide ?? D.widePrior), w1: new Float64Array(d * H), w2: new Float64Array(H * K) };
  // init: pre-activations of about unit variance for the average row (~57 active features)
  let nnz = 0;
  for (const x of X) nnz += x.idx.length;
  const s1 = Math.sqrt(3 / (nnz / X.length));
  for (let j = 0; j < d; j++) if (deepIn[j] === 1) for (let u = 0; u < H; u++) net.w1[j * H + u] = (2 * rnd() - 1) * s1;
  const s2 = Math.sqrt(6 / (H + K));
  if (frozenWide === null) for (let i = 0; i < H * K; i++) net.w2[i] = (2 * rnd() - 1) * s2;
  const params = [net.wide, net.w1, net.w2];
  const m = params.map((p) => new Float64Array(p.length));
  const v = params.map((p) => new Float64Array(p.length));
  const g = params.map((p) => new Float64Array(p.length));
  const biasRow = D.index.get('bias') as number;
  const invN = 1 / X.length;
  const h = new Float64Array(H);
  const z = new Float64Array(K);
  const dh = new Float64Array(H);
  const order = Array.from(X, (_, i) => i);
  // valLoss[e] = after e epochs; epoch 0 is a candidate only for a residual fit (the linear model alone)
  const valLoss: number[] = val !== null ? [frozenWide !== null ? validationLoss(net, D, val) : Infinity] : [];
  let step = 0;
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (let b0 = 0; b0 < order.length; b0 += BATCH) {
      const batch = order.slice(b0, b0 + BATCH);
      let bw = 0;
      for (const i of batch) bw += sw[i] as number;
      for (const gg of g) gg.fill(0);
      const [gWide, gW1, gW2] = g as [Float64Array, Float64Array, Float64Array];
      for (const i of batch) {
        const x = X[i] as Sparse;
        logits(net, x, deepIn, wideIn, h, z);
        softmaxInPlace(z);
        const r = (sw[i] as number) / bw;
        for (let c = 0; c < K; c++) z[c] = ((z[c] as number) - (c === y[i] ? 1 : 0)) * r;
        dh.fill(0);
        for (let u = 0; u < H; u++) {
          const hu = h[u] as number;
          let s = 0;
          for (let c = 0; c < K; c++) {
            gW2[u * K + c] = (gW2[u * K + c] as number) + hu * (z[c] as number);
            s += (net.w2[u * K + c] as number) * (z[c] as number);
          }
          dh[u] = RELU ? (hu > 0 ? s : 0) : s * (1 - hu * hu);
        }
        for (let a = 0; a < x.idx.length; a++) {
          const j = x.idx[a] as number;
          const xv = x.val[a] as number;
          if (deepIn[j] === 1) for (let u = 0; u < H; u++) gW1[j * H + u] = (gW1[j * H + u] as number) + xv * (dh[u] as number);
          if (wideIn[j] === 1) for (let c = 0; c < K; c++) gWide[j * K + c] = (gWide[j * K + c] as number) + xv * (z[c] as number);
        }
      }
      // L2 (objective: weighted mean loss + l2 / (2 N) |W - prior|², as in the trainer)
      for (let j = 0; j < d; j++) {
        if (wideIn[j] === 1) {
          const l = (D.wideL2[j] as number) * invN;
          for (let c = 0; c < K; c++) gWide[j * K + c] = (gWide[j * K + c] as number) + l * ((net.wide[j * K + c] as number) - (D.widePrior[j * K + c] as number));
        }
        if (deepIn[j] === 1 && j !== biasRow) for (let u = 0; u < H; u++) gW1[j * H + u] = (gW1[j * H + u] as number) + deepL2 * invN * (net.w1[j * H + u] as number);
      }
      for (let i = 0; i < H * K; i++) gW2[i] = (gW2[i] as number) + deepL2 * invN * (net.w2[i] as number);
      step++;
      const c1 = 1 - Math.pow(0.9, step);
      const c2 = 1 - Math.pow(0.999, step);
      params.forEach((p, pi) => {
        if (pi === 0 && frozenWide !== null) return;
        const gp = g[pi] as Float64Array;
        const mp = m[pi] as Float64Array;
        const vp = v[pi] as Float64Array;
        for (let i = 0; i < p.length; i++) {
          const gi = gp[i] as number;
          if (gi === 0) continue; // features outside this part (their rows stay at the start value)
          mp[i] = 0.9 * (mp[i] as number) + 0.1 * gi;
          vp[i] = 0.999 * (vp[i] as number) + 0.001 * gi * gi;
          p[i] = (p[i] as number) - (LR * ((mp[i] as number) / c1)) / (Math.sqrt((vp[i] as number) / c2) + 1e-8);
        }
      });
    }
    if (val !== null) valLoss.push(validationLoss(net, D, val));
  }
  return { net, valLoss };
}

function predictProbs(net: Net, D: Design, x: Sparse): number[] {
  const h = new Float64Array(net.H);
  const z = new Float64Array(K);
  logits(net, x, D.deepIn, D.wideIn, h, z);
  softmaxInPlace(z);
  return Array.from(z);
}

/** The epoch count (1..MAX_EPOCHS) with the lowest validation loss. */
const bestEpochs = (valLoss: readonly number[]): number => valLoss.reduce((bi, x, e) => (x < (valLoss[bi] as number) ? e : bi), 1);

/**
 * Deep L2 and epochs by a nested split (a quarter of the training fold's transcripts held out);
 * then a refit on the whole training fold. `residual`: first the wide part alone (its epochs
 * chosen the same way), then a hidden layer trained on top of it with the wide part frozen.
 */
function trainNet(tr: readonly Example[], wideAll: boolean, H: number, residual: boolean, seed: number): { net: Net; D: Design; choice: string } {
  const inner = groupedFolds(tr, 4, seed);
  const itr = tr.filter((_, i) => inner[i] !== 0);
  const iva = tr.filter((_, i) => inner[i] === 0);
  const Di = design(itr, wideAll);
  const vEx = iva.flatMap((e) => CONDS.map((c) => underCondition(e, c)));
  const vy = Int32Array.from(vEx, (e) => UTTERANCE_LABELS.indexOf(e.label));
  const val: Validation = { X: vEx.map((e) => featurise(e, Di.index)), y: vy, sw: Float64Array.from(vy, (c) => O.classWeights[c] ?? 1) };
  let wideEpochs = 0;
  let innerWide: Float64Array | null = null;
  if (residual) {
    wideEpochs = bestEpochs(fit(Di, 0, 0, MAX_EPOCHS, seed, val).valLoss);
    innerWide = fit(Di, 0, 0, wideEpochs, seed, null).net.wide;
  }
  let best = { l2: DEEP_L2[0] as number, epochs: 1, loss: Infinity };
  for (const l2 of H === 0 ? [0] : DEEP_L2) {
    const { valLoss } = fit(Di, H, l2, MAX_EPOCHS, seed * 7919 + l2, val, innerWide);
    valLoss.forEach((loss, e) => {
      if (loss < best.loss) best = { l2, epochs: e, loss };
    });
  }
  const D = design(tr, wideAll);
  const wide = residual ? fit(D, 0, 0, wideEpochs, seed, null).net.wide : null;
  const { net } = fit(D, H, best.l2, best.epochs, seed * 7919 + best.l2, null, wide);
  const pre = residual ? `wide epochs ${wideEpochs}, deep ` : '';
  return { net, D, choice: `${pre}l2 ${best.l2} epochs ${best.epochs} val ${best.loss.toFixed(3)}` };
}

const argmax = (p: readonly number[]): number => p.reduce((bi, x, j) => (x > (p[bi] as number) ? j : bi), 0);
const names = ['base', ...variants];
/** per seed, per variant: [open, closed, reflection] punctuated then unpunctuated */
const results: Record<string, number[][]> = Object.fromEntries(names.map((n) => [n, []]));

for (const seed of SEEDS) {
  const folds = groupedFolds(examples, K_FOLDS, seed);
  const gold: UtteranceLabel[] = [];
  const pred: Record<string, Record<string, UtteranceLabel[]>> = Object.fromEntries(names.map((n) => [n, { punctuated: [], unpunctuated: [] }]));
  const ms: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  for (let f = 0; f < K_FOLDS; f++) {
    const tr = examples.filter((_, i) => folds[i] !== f);
    const te = examples.filter((_, i) => folds[i] === f);
    let t0 = performance.now();
    const base = train(tr);
    ms.base = (ms.base as number) + performance.now() - t0;
    const nets: Record<string, { net: Net; D: Design }> = {};
    // lin: the wide part alone (H = 0) under this optimiser, a control that it reproduces base
    // wdr: a residual hidden layer on top of the fitted wide part (0 epochs = lin itself)
    const learners = [['lin', true, 0, false], ['mlp', false, HIDDEN, false], ['wd', true, HIDDEN, false], ['wdr', true, HIDDEN, true]] as const;
    for (const [name, wideAll, H, residual] of learners) {
      if (!variants.includes(name) && !(name === 'mlp' && variants.includes('avg'))) continue;
      t0 = performance.now();
      const r = trainNet(tr, wideAll, H, residual, seed * 100 + f + 1);
      ms[name] = (ms[name] ?? 0) + performance.now() - t0;
      nets[name] = r;
      console.log(`  seed ${seed} fold ${f} ${name}: ${r.choice} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    }
    for (const e of te) {
      gold.push(e.label);
      for (const c of CONDS) {
        const u = underCondition(e, c);
        const pBase = scoreFeatures(extractFeatures({ text: u.text, prevText: u.prevText }), base);
        const probs: Record<string, number[]> = { base: pBase };
        for (const [name, r] of Object.entries(nets)) probs[name] = predictProbs(r.net, r.D, featurise(u, r.D.index));
        if (probs.mlp !== undefined) probs.avg = pBase.map((p, j) => (p + (probs.mlp?.[j] as number)) / 2);
        for (const n of names) pred[n]![c]!.push(UTTERANCE_LABELS[argmax(probs[n] as number[])] as UtteranceLabel);
      }
    }
  }
  for (const n of names) {
    const row = CONDS.flatMap((c) => questionF1Values(gold, pred[n]![c]!));
    results[n]!.push(row);
    const base = results.base![results.base!.length - 1] as number[];
    const delta = row.map((x, j) => (x - (base[j] as number)).toFixed(3).replace(/^(?!-)/, '+'));
    const fmt = (r: readonly string[]): string => `${r.slice(0, 3).join(' ')} | ${r.slice(3).join(' ')}`;
    console.log(
      `seed ${seed} ${n.padEnd(4)} ${fmt(row.map((x) => x.toFixed(3)))}   Δ ${fmt(delta)}   train ${((ms[n] as number) / K_FOLDS / 1000).toFixed(1)} s/fold`,
    );
  }
}

if (SEEDS.length > 1) {
  console.log(`\nmean over seeds ${SEEDS.join(',')} (F1 open closed reflection, punctuated | unpunctuated); Δ vs base: mean [min, max]`);
  for (const n of names) {
    const rows = results[n] as number[][];
    const mean = (j: number): number => rows.reduce((s, r) => s + (r[j] as number), 0) / rows.length;
    const deltas = (j: number): number[] => rows.map((r, s) => (r[j] as number) - ((results.base![s] as number[])[j] as number));
    const cells = [0, 1, 2, 3, 4, 5].map((j) => {
      const ds = deltas(j);
      const dm = ds.reduce((a, b) => a + b, 0) / ds.length;
      return `${mean(j).toFixed(3)} (${dm >= 0 ? '+' : ''}${dm.toFixed(3)} [${Math.min(...ds).toFixed(3)}, ${Math.max(...ds).toFixed(3)}])`;
    });
    console.log(`${n.padEnd(4)} ${cells.slice(0, 3).join(' ')} | ${cells.slice(3).join(' ')}`);
  }
}
