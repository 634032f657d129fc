/**
 * The clinician's own adaptation layer, fitted on the device from their label corrections: one
 * number, a shift θ of the classifier's open-vs-closed log-odds.
 *
 *   the classifier calls it a question (open or closed, its argmax)
 *     → open when  ln P(open) − ln P(closed) + θ ≥ 0,  else closed
 *   anything else (reflection, other) → unchanged
 *
 * Why this and nothing bigger: coders differ most in their open/closed convention (AnnoMI's
 * annotator 3 codes nearly every question open; others code "how often / how much" closed), and
 * a clinician corrects a handful of labels per visit: one number is what a few dozen corrections
 * can pin down. Keeping the question/not-question decision as the model made it means the layer
 * never changes R:Q. A per-class bias on all four logits was tried in the simulation
 * (scripts/questions/eval-adaptation.ts; docs/QUESTIONS.md) and was no better on open share and
 * worse on R:Q. Works on any model's probabilities (nothing here knows the weights); its training
 * examples are an utterance's 4 model log-probabilities and the clinician's label, never text.
 *
 * Fitting: the binary log-likelihood of the corrections whose label is a question (open vs
 * closed), plus an L2 pull to 0; convex, solved by at most a fixed number of Newton steps
 * (deterministic). Pure TypeScript.
 */
import type { ClassifyResult } from './classify';
import { UTTERANCE_LABELS, type UtteranceLabel } from './labels';

/** Bump when the stored shape changes; a record of another version reads as "no adaptation" (adaptation-profile.ts). */
export const ADAPTATION_VERSION = 1;
/** No shift beyond this (odds × e^4 ≈ 55): a bound on what corrections may do. */
export const MAX_LOG_ODDS = 4;
/** Log-probabilities are stored clipped to this floor (and rounded); e^-20 is "impossible" for a softmax. */
export const MIN_LOG_PROB = -20;

const OPEN = UTTERANCE_LABELS.indexOf('open_question');
const CLOSED = UTTERANCE_LABELS.indexOf('closed_question');

/**
 * The fitted layer (stored inside the clinician's adaptation profile; its valibot schema is
 * `AdaptationLayerSchema` in adaptation-profile.ts, so labelling pulls in no validation code).
 */
export interface AdaptationLayer {
  version: typeof ADAPTATION_VERSION;
  /** The label order of the stored log-probabilities: the layer is refused if the classifier's labels ever change. */
  labels: string[];
  /** θ: added to ln P(open) − ln P(closed); positive = more questions read as open. Within ±MAX_LOG_ODDS. */
  openLogOdds: number;
  /** How many corrections it was fitted on (shown on the options page). */
  corrections: number;
}

export const IDENTITY_LAYER: AdaptationLayer = Object.freeze({
  version: ADAPTATION_VERSION,
  labels: [...UTTERANCE_LABELS],
  openLogOdds: 0,
  corrections: 0,
}) as AdaptationLayer;

/** One correction: the model's log-probabilities (label order) and the clinician's label. */
export interface AdaptationExample {
  logProbs: readonly number[];
  target: UtteranceLabel;
}

export interface FitOptions {
  /** L2 pull of θ towards 0, in units of corrections (bigger = slower to move). */
  l2: number;
  /** Newton steps at most (1-dimensional and convex: a handful is plenty). */
  steps: number;
}

export const DEFAULT_FIT: FitOptions = { l2: 4, steps: 25 };

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * Fits θ to the clinician's corrections. Corrections to a reflection or other say nothing about
 * open vs closed and do not move it. No corrections: the identity, exactly.
 */
export function fitAdaptation(corrections: readonly AdaptationExample[], options: Partial<FitOptions> = {}): AdaptationLayer {
  const o = { ...DEFAULT_FIT, ...options };
  if (corrections.length === 0) return IDENTITY_LAYER;
  const questions = corrections
    .filter((x) => x.target === 'open_question' || x.target === 'closed_question')
    .map((x) => ({ d: (x.logProbs[OPEN] as number) - (x.logProbs[CLOSED] as number), open: x.target === 'open_question' ? 1 : 0 }));
  let theta = 0;
  for (let step = 0; step < o.steps; step++) {
    let grad = o.l2 * theta;
    let hess = o.l2;
    for (const q of questions) {
      const p = sigmoid(q.d + theta);
      grad += p - q.open;
      hess += p * (1 - p);
    }
    const delta = grad / hess;
    theta -= delta;
    if (Math.abs(delta) < 1e-9) break;
  }
  return { ...IDENTITY_LAYER, labels: [...UTTERANCE_LABELS], openLogOdds: round3(clip(theta)), corrections: corrections.length };
}

/**
 * The label and confidence after the layer, from the model's probabilities (label order), and
 * the log-probabilities to keep beside the label (what a later correction learns from).
 */
export function adaptLabel(probabilities: readonly number[], layer: AdaptationLayer): { label: UtteranceLabel; confidence: number; logProbs: number[] } {
  const logProbs = toLogProbs(probabilities);
  let best = 0;
  for (let c = 1; c < probabilities.length; c++) if ((probabilities[c] as number) > (probabilities[best] as number)) best = c;
  let confidence = probabilities[best] as number;
  if (best === OPEN || best === CLOSED) {
    // The question's share of the probability stays; only its split between open and closed moves.
    const q = (probabilities[OPEN] as number) + (probabilities[CLOSED] as number);
    const pOpen = q * sigmoid((logProbs[OPEN] as number) - (logProbs[CLOSED] as number) + layer.openLogOdds);
    best = pOpen >= q - pOpen ? OPEN : CLOSED;
    confidence = Math.max(pOpen, q - pOpen);
  }
  return { label: UTTERANCE_LABELS[best] as UtteranceLabel, confidence: Math.round(confidence * 1000) / 1000, logProbs };
}

/**
 * A classifier result through the clinician's layer, with the model's own log-probabilities.
 * Without adaptation it is exactly the classifier's result (rounded log-probabilities could split
 * a near-tie differently).
 */
export function adaptResult(result: ClassifyResult, layer: AdaptationLayer): ClassifyResult & { classLogProbs: number[] } {
  const adapted = adaptLabel(result.probabilities, layer);
  if (layer.openLogOdds === 0) return { ...result, classLogProbs: adapted.logProbs };
  return { ...result, label: adapted.label, confidence: adapted.confidence, classLogProbs: adapted.logProbs };
}

/** Log-probabilities as stored: clipped at MIN_LOG_PROB, 3 decimals. */
export function toLogProbs(probabilities: readonly number[]): number[] {
  return probabilities.map((p) => round3(Math.max(MIN_LOG_PROB, Math.log(Math.max(p, 0)))));
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000 || 0; // `|| 0`: no -0 in storage
const clip = (x: number): number => Math.max(-MAX_LOG_ODDS, Math.min(MAX_LOG_ODDS, x));
