/**
 * Grouped cross-validation with calibration fitted inside each training fold (never on what is
 * scored): for every outer fold, the model is trained on the other folds' transcripts, and the
 * calibration (calibrate.ts) is fitted on out-of-fold predictions of an inner grouped split of
 * those same training transcripts. Returns, per held-out utterance and view, the raw class
 * probabilities, and per fold the fitted calibrations, so the report can compare counting and
 * calibration choices on identical predictions.
 */
import { classProbabilities, type ClassifyInput, type QuestionModel } from '../../src/core/questions/classify';
import { UTTERANCE_LABELS } from '../../src/core/questions/labels';
import { fitCalibration, type Calibration } from './calibrate';
import { groupedFolds, underCondition, type Example } from './data';
import { train, type TrainOptions } from './trainer';

/**
 * The classifier's input under a view; `mix` asks for the mean of two readings of the text
 * (weights q and 1 − q), a candidate use of the transcriber's punctuation probability.
 */
export type ViewInput = ClassifyInput & { mix?: { q: number; asQuestion: string; asStatement: string } };

/** A way of presenting an utterance to the classifier (a text condition or the speech chain). */
export interface View {
  name: string;
  /** The input under this view, or null when the view has no data for the utterance. */
  input: (e: Example) => ViewInput | null;
}

export function viewProbabilities(input: ViewInput, model: QuestionModel): number[] {
  const { mix, ...plain } = input;
  if (mix === undefined) return classProbabilities(plain, model);
  const a = classProbabilities({ ...plain, text: mix.asQuestion }, model);
  const b = classProbabilities({ ...plain, text: mix.asStatement }, model);
  return a.map((x, c) => mix.q * x + (1 - mix.q) * (b[c] as number));
}

export const textView = (name: string, condition: 'punctuated' | 'unpunctuated_no_context'): View => ({
  name,
  input: (e) => {
    const v = underCondition(e, condition);
    return { text: v.text, prevText: v.prevText };
  },
});

/** The views the calibration is fitted on: the two text conditions the product can meet. */
const CALIBRATION_VIEWS: readonly View[] = [textView('punctuated', 'punctuated'), textView('lower-case', 'unpunctuated_no_context')];

export type CalibrationKind = 'none' | 'temperature' | 'prior' | 'both';
export const CALIBRATION_KINDS: readonly CalibrationKind[] = ['none', 'temperature', 'prior', 'both'];

export interface FittedCalibrations {
  temperature: Calibration;
  prior: Calibration;
  both: Calibration;
}

export interface HeldOut {
  example: Example;
  fold: number;
  /** Raw class probabilities per view name (views without data for this utterance are absent). */
  probs: Record<string, number[]>;
}

/** Rows {p, y} of a model's predictions on examples under the calibration views. */
function calibrationRows(model: QuestionModel, examples: readonly Example[]): { p: number[]; y: number }[] {
  const rows: { p: number[]; y: number }[] = [];
  for (const e of examples) {
    for (const v of CALIBRATION_VIEWS) rows.push({ p: classProbabilities(v.input(e) as ClassifyInput, model), y: UTTERANCE_LABELS.indexOf(e.label) });
  }
  return rows;
}

/** All three calibrations, fitted on inner out-of-fold predictions of `examples`. */
export function fitInner(examples: readonly Example[], innerK: number, opts: Partial<TrainOptions> = {}): FittedCalibrations {
  const folds = groupedFolds(examples, innerK);
  const rows: { p: number[]; y: number }[] = [];
  for (let f = 0; f < innerK; f++) {
    const model = train(
      examples.filter((_, i) => folds[i] !== f),
      opts,
    );
    rows.push(...calibrationRows(model, examples.filter((_, i) => folds[i] === f)));
  }
  const k = UTTERANCE_LABELS.length;
  return {
    temperature: fitCalibration(rows, k, { fitOffsets: false }),
    prior: fitCalibration(rows, k, { fitScale: false }),
    both: fitCalibration(rows, k),
  };
}

export interface FoldModels {
  k: number;
  /** Partition of transcripts into folds (`groupedFolds` seed; 0 = sorted ids round-robin). */
  seed: number;
  /** Per outer fold: the model trained on the other folds, and its inner-fitted calibrations. */
  models: QuestionModel[];
  calibrations: FittedCalibrations[];
}

/** Trains the outer-fold models and their calibrations (the expensive part: k × (1 + innerK) trainings). */
export function crossValidate(examples: readonly Example[], k: number, innerK: number, seed = 0, log: (msg: string) => void = () => {}): FoldModels {
  const folds = groupedFolds(examples, k, seed);
  const out: FoldModels = { k, seed, models: [], calibrations: [] };
  for (let f = 0; f < k; f++) {
    const tr = examples.filter((_, i) => folds[i] !== f);
    out.models.push(train(tr));
    out.calibrations.push(fitInner(tr, innerK));
    log(`fold ${f + 1}/${k} trained`);
  }
  return out;
}

/** Raw class probabilities of every utterance under every view, from the model that did not see its transcript. */
export function predictHeldOut(examples: readonly Example[], cv: FoldModels, views: readonly View[]): HeldOut[] {
  const folds = groupedFolds(examples, cv.k, cv.seed);
  return examples.map((e, i) => {
    const fold = folds[i] as number;
    const probs: Record<string, number[]> = {};
    for (const v of views) {
      const input = v.input(e);
      if (input !== null) probs[v.name] = viewProbabilities(input, cv.models[fold] as QuestionModel);
    }
    return { example: e, fold, probs };
  });
}
