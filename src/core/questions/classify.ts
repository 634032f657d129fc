/**
 * Deterministic clinician-utterance classifier: open question, closed question, reflection
 * (simple / complex) or other. A small multinomial logistic-regression model over lexical,
 * positional, punctuation and context (patient's previous turn) features; see
 * docs/QUESTIONS.md. Pure TypeScript, no browser or Node APIs, well under 1 ms per call.
 */
import { extractFeatures, type FeatureVector } from './features';
import { UTTERANCE_LABELS, type ReflectionType, type UtteranceLabel } from './labels';
import type { QuestionModel } from './model';
import { MODEL } from './weights';

export { UTTERANCE_LABELS, REFLECTION_TYPES } from './labels';
export type { UtteranceLabel, ReflectionType } from './labels';
export type { QuestionModel } from './model';

export interface ClassifyInput {
  /** The clinician's utterance (punctuated or raw lower-case ASR text). */
  text: string;
  /** The patient's previous turn, if any. */
  prevText?: string | null;
  /** From audio: the utterance ended with a rising pitch (declarative yes/no question). */
  finalPitchRise?: boolean;
  /**
   * From speech-to-text: the decoder's softmax probability (0..1) of "?" at the utterance's final
   * punctuation step (intonation the greedy transcript may have lost). Absent for typed text.
   * Not used in scoring yet: the evaluation measures what it adds (docs/QUESTIONS.md) first.
   */
  questionMarkProb?: number;
}

export interface ClassifyResult {
  label: UtteranceLabel;
  /** Only for reflections, when the subtype model is reasonably sure. */
  reflectionType?: ReflectionType;
  /** Probability of the chosen label, 0..1. */
  confidence: number;
  /** Every label's probability (`UTTERANCE_LABELS` order): what the clinician's adaptation layer works on. */
  probabilities: number[];
}

/** Extra closed-question logit for a final pitch rise (only when the text carries no '?'). */
const PITCH_RISE_CLOSED_BOOST = 1.5;
/** Minimum subtype probability before a reflection type is reported. */
const REFLECTION_TYPE_MIN_P = 0.7;

const IDX_OPEN = UTTERANCE_LABELS.indexOf('open_question');
const IDX_CLOSED = UTTERANCE_LABELS.indexOf('closed_question');

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Weight tables as Maps, built once per model: a Map lookup is several times faster than a
 * property lookup on an object with thousands of keys, and scoring is most of the time spent.
 */
interface CompiledModel {
  w: Map<string, readonly number[]>;
  rt: Map<string, number>;
}
const compiled = new WeakMap<QuestionModel, CompiledModel>();

function compile(model: QuestionModel): CompiledModel {
  let c = compiled.get(model);
  if (c === undefined) {
    c = { w: new Map(Object.entries(model.w)), rt: new Map(Object.entries(model.rt.w)) };
    compiled.set(model, c);
  }
  return c;
}

/** Class probabilities (in `model.labels` order) for a feature vector. */
export function scoreFeatures(f: FeatureVector, model: QuestionModel): number[] {
  const k = model.labels.length;
  const weights = compile(model).w;
  const z = model.offsets.slice(0, k);
  while (z.length < k) z.push(0);
  for (const [name, v] of f) {
    const w = weights.get(name);
    if (w === undefined) continue;
    for (let c = 0; c < k; c++) z[c] = (z[c] as number) + v * (w[c] as number);
  }
  let max = -Infinity;
  for (const x of z) if (x > max) max = x;
  let sum = 0;
  const p = z.map((x) => {
    const e = Math.exp(x - max);
    sum += e;
    return e;
  });
  return p.map((x) => x / sum);
}

/** Probability that a reflection is complex. */
export function complexProbability(f: FeatureVector, model: QuestionModel): number {
  const weights = compile(model).rt;
  let z = model.rt.bias;
  for (const [name, v] of f) {
    const w = weights.get(name);
    if (w !== undefined) z += v * w;
  }
  return sigmoid(z);
}

/**
 * Class probabilities (in `model.labels` order) for one utterance, the prosodic cue included:
 * what `classifyWithModel` decides from, and what visit-level expected counts add up.
 */
export function classProbabilities(input: ClassifyInput, model: QuestionModel): number[] {
  return scoreUtterance(input, model).p;
}

function scoreUtterance(input: ClassifyInput, model: QuestionModel): { p: number[]; f: FeatureVector } {
  const text = typeof input.text === 'string' ? input.text : '';
  const prevText = input.prevText ?? null;
  const rise = input.finalPitchRise;
  const hasQ = text.includes('?');
  // A final pitch rise is what a transcriber writes as '?': score the text as if it ended with
  // one, then add a fixed shift towards a yes/no question (prosody is not in the text-only
  // training data, so this part is a rule, not a learned weight). A clear fall (false) lowers
  // the question readings a little. With a '?' already present the cue adds nothing.
  const scored = rise === true && !hasQ && text.trim() !== '' ? `${text.trim()}?` : text;
  const f = extractFeatures({ text: scored, prevText });
  let p = scoreFeatures(f, model);
  if (rise !== undefined && !hasQ) {
    const logp = p.map((x) => Math.log(Math.max(x, 1e-12)));
    if (rise) logp[IDX_CLOSED] = (logp[IDX_CLOSED] as number) + PITCH_RISE_CLOSED_BOOST;
    else {
      logp[IDX_CLOSED] = (logp[IDX_CLOSED] as number) - 0.5;
      logp[IDX_OPEN] = (logp[IDX_OPEN] as number) - 0.25;
    }
    const max = Math.max(...logp);
    const e = logp.map((x) => Math.exp(x - max));
    const s = e.reduce((a, b) => a + b, 0);
    p = e.map((x) => x / s);
  }
  return { p, f };
}

/** Classify with an explicit model (used by training / evaluation). */
export function classifyWithModel(input: ClassifyInput, model: QuestionModel): ClassifyResult {
  const { p, f } = scoreUtterance(input, model);
  let best = 0;
  for (let c = 1; c < p.length; c++) if ((p[c] as number) > (p[best] as number)) best = c;
  const label = model.labels[best] as UtteranceLabel;
  const result: ClassifyResult = { label, confidence: Math.round((p[best] as number) * 1000) / 1000, probabilities: UTTERANCE_LABELS.map((l) => p[model.labels.indexOf(l)] ?? 0) };
  if (label === 'reflection') {
    const pc = complexProbability(f, model);
    if (pc >= REFLECTION_TYPE_MIN_P) result.reflectionType = 'complex';
    else if (1 - pc >= REFLECTION_TYPE_MIN_P) result.reflectionType = 'simple';
  }
  return result;
}

/** Classify one clinician utterance with the shipped model. Deterministic. */
export function classifyUtterance(input: ClassifyInput): ClassifyResult {
  return classifyWithModel(input, MODEL);
}
