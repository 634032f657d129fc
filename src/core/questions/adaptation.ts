/**
 * The clinician's own adaptation layer: a per-class bias added to the classifier's class
 * log-probabilities, fitted on the device from the clinician's label corrections.
 *
 *   adapted P(c) ∝ P_model(c) · exp(bias[c])
 *
 * Why a bias and nothing bigger: a clinician corrects a handful of labels per visit, and what
 * differs between coders is mostly a habit of one class over another (AnnoMI's annotator 3 codes
 * nearly every question open); 4 numbers are what a few dozen corrections can pin down. It works
 * on any model's probabilities (nothing here knows the weights), and it stores no text: its
 * training examples are the model's 4 log-probabilities of an utterance and the clinician's label.
 *
 * Shipped scope: only open against closed moves (one number). The open/closed habit is where
 * coders differ most, and in the simulation (scripts/questions/eval-adaptation.ts,
 * docs/QUESTIONS.md) letting every class move was no better and hurt R:Q.
 *
 * Fitting: multinomial log-likelihood of the corrections plus an L2 pull to 0. Convex; at most a
 * fixed number of Newton steps makes it deterministic. Pure TypeScript.
 */
import * as v from 'valibot';
import type { ClassifyResult } from './classify';
import { UTTERANCE_LABELS, type UtteranceLabel } from './labels';

/** Bump when the stored shape changes; a record of another version reads as "no adaptation" (adaptation-profile.ts). */
export const ADAPTATION_VERSION = 1;
const K = UTTERANCE_LABELS.length;
/** No bias beyond this (a factor of e^4 ≈ 55 between two classes): a bound on what corrections may do. */
export const MAX_BIAS = 4;
/** Log-probabilities are stored clipped to this floor (and rounded); e^-20 is "impossible" for a softmax. */
export const MIN_LOG_PROB = -20;

const biasValue = v.pipe(v.number(), v.finite(), v.minValue(-MAX_BIAS), v.maxValue(MAX_BIAS));

/** The fitted layer (stored inside the clinician's adaptation profile, adaptation-profile.ts). */
export const AdaptationLayerSchema = v.object({
  version: v.literal(ADAPTATION_VERSION),
  /** The label order of `bias`: the layer is refused if the classifier's labels ever change. */
  labels: v.pipe(
    v.array(v.string()),
    v.check((xs) => xs.length === K && xs.every((x, i) => x === UTTERANCE_LABELS[i]), 'labels differ from the classifier’s'),
  ),
  bias: v.pipe(v.array(biasValue), v.length(K)),
  /** How many corrections it was fitted on (shown on the options page). */
  corrections: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type AdaptationLayer = v.InferOutput<typeof AdaptationLayerSchema>;

export const IDENTITY_LAYER: AdaptationLayer = Object.freeze({
  version: ADAPTATION_VERSION,
  labels: [...UTTERANCE_LABELS],
  bias: new Array<number>(K).fill(0),
  corrections: 0,
}) as AdaptationLayer;

/** One training example: the model's log-probabilities (label order) and a target. */
export interface AdaptationExample {
  logProbs: readonly number[];
  /** A correction: the clinician's label. */
  target: UtteranceLabel;
}

export interface FitOptions {
  /** L2 pull of each bias towards 0, in units of corrections (bigger = slower to move). */
  l2: number;
  /**
   * Which biases may move: every class, or only open against closed (one number: the clinician's
   * open/closed habit; the reflection and other biases stay 0).
   */
  scope: 'all' | 'open-closed';
  /** Newton steps at most (the problem is convex and at most 4-dimensional: a dozen is plenty). */
  steps: number;
}

export const DEFAULT_FIT: FitOptions = { l2: 4, scope: 'open-closed', steps: 25 };

/** Directions the bias may move in (columns), per scope. */
const BASES: Record<FitOptions['scope'], number[][]> = {
  all: UTTERANCE_LABELS.map((_, i) => UTTERANCE_LABELS.map((__, j) => (i === j ? 1 : 0))),
  'open-closed': [UTTERANCE_LABELS.map((l) => (l === 'open_question' ? 0.5 : l === 'closed_question' ? -0.5 : 0))],
};

/** Softmax of log-probabilities plus a bias. */
export function adaptedProbabilities(logProbs: readonly number[], bias: readonly number[]): number[] {
  const z = logProbs.map((x, c) => x + (bias[c] ?? 0));
  const max = Math.max(...z);
  const e = z.map((x) => Math.exp(x - max));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/** Fits the bias to the clinician's corrections. No corrections: the identity, exactly. */
export function fitAdaptation(corrections: readonly AdaptationExample[], options: Partial<FitOptions> = {}): AdaptationLayer {
  const o = { ...DEFAULT_FIT, ...options };
  if (corrections.length === 0) return IDENTITY_LAYER;
  const rows = corrections.map((x) => ({ logProbs: x.logProbs, target: UTTERANCE_LABELS.map((l) => (l === x.target ? 1 : 0)) }));
  const basis = BASES[o.scope];
  const m = basis.length;
  const biasOf = (theta: readonly number[]) => UTTERANCE_LABELS.map((_, c) => basis.reduce((sum, dir, d) => sum + (dir[c] as number) * (theta[d] as number), 0));
  let theta = new Array<number>(m).fill(0);
  for (let step = 0; step < o.steps; step++) {
    const bias = biasOf(theta);
    // gradient and Hessian of the loss in bias space, then in the basis' coordinates
    const grad = new Array<number>(K).fill(0);
    const hess = UTTERANCE_LABELS.map(() => new Array<number>(K).fill(0));
    for (const r of rows) {
      const p = adaptedProbabilities(r.logProbs, bias);
      for (let i = 0; i < K; i++) {
        const pi = p[i] as number;
        grad[i] = (grad[i] as number) + (pi - (r.target[i] as number));
        const hi = hess[i] as number[];
        for (let j = 0; j < K; j++) hi[j] = (hi[j] as number) + (i === j ? pi : 0) - pi * (p[j] as number);
      }
    }
    const gT = basis.map((u, d) => dot(u, grad) + o.l2 * (theta[d] as number));
    const hT = basis.map((u, d) => basis.map((w, e) => dot(u, matVec(hess, w)) + (d === e ? o.l2 : 0)));
    const delta = solve(hT, gT);
    theta = theta.map((t, d) => t - (delta[d] as number));
    if (delta.every((x) => Math.abs(x) < 1e-9)) break;
  }
  const bias = biasOf(theta).map(clip);
  return { version: ADAPTATION_VERSION, labels: [...UTTERANCE_LABELS], bias: bias.map(round3), corrections: corrections.length };
}

/** The label and confidence after the layer, from the model's probabilities (label order). */
export function adaptLabel(probabilities: readonly number[], layer: AdaptationLayer): { label: UtteranceLabel; confidence: number; logProbs: number[] } {
  const logProbs = toLogProbs(probabilities);
  const p = adaptedProbabilities(logProbs, layer.bias);
  let best = 0;
  for (let c = 1; c < K; c++) if ((p[c] as number) > (p[best] as number)) best = c;
  return { label: UTTERANCE_LABELS[best] as UtteranceLabel, confidence: Math.round((p[best] as number) * 1000) / 1000, logProbs };
}

/**
 * A classifier result through the clinician's layer: its label and confidence after the layer,
 * and the model's own log-probabilities to keep beside it (what a later correction learns from).
 * A reflection type stays only while the label is still the model's reflection.
 */
export function adaptResult(result: ClassifyResult, layer: AdaptationLayer): ClassifyResult & { classLogProbs: number[] } {
  const adapted = adaptLabel(result.probabilities, layer);
  // No adaptation: exactly the classifier's result (the rounded log-probabilities could split a near-tie differently).
  if (isIdentity(layer)) return { ...result, classLogProbs: adapted.logProbs };
  const keepType = adapted.label === 'reflection' && result.label === 'reflection' && result.reflectionType !== undefined;
  return {
    label: adapted.label,
    confidence: adapted.confidence,
    probabilities: result.probabilities,
    classLogProbs: adapted.logProbs,
    ...(keepType && { reflectionType: result.reflectionType }),
  };
}

/** Log-probabilities as stored: clipped at MIN_LOG_PROB, 3 decimals. */
export function toLogProbs(probabilities: readonly number[]): number[] {
  return probabilities.map((p) => round3(Math.max(MIN_LOG_PROB, Math.log(Math.max(p, 0)))));
}

/** True when the layer changes nothing. */
export const isIdentity = (layer: AdaptationLayer): boolean => layer.bias.every((b) => b === 0);

const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((s, x, i) => s + x * (b[i] as number), 0);
const matVec = (a: readonly (readonly number[])[], x: readonly number[]): number[] => a.map((row) => dot(row, x));
const round3 = (x: number): number => Math.round(x * 1000) / 1000 || 0; // `|| 0`: no -0 in storage
const clip = (x: number): number => Math.max(-MAX_BIAS, Math.min(MAX_BIAS, x));

/** Solves A x = b by Gaussian elimination with partial pivoting (A is K×K, positive definite here). */
function solve(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs((m[r] as number[])[col] as number) > Math.abs((m[pivot] as number[])[col] as number)) pivot = r;
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const pr = m[col] as number[];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = m[r] as number[];
      const f = (row[col] as number) / (pr[col] as number);
      for (let c = col; c <= n; c++) row[c] = (row[c] as number) - f * (pr[c] as number);
    }
  }
  return m.map((row, i) => (row[n] as number) / (row[i] as number));
}
