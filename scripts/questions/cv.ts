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
import { fitCalibration, IDENTITY, type Calibration } from './calibrate';
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

/** The views the text calibration is fitted on: the two text conditions the product can meet. */
export const CALIBRATION_VIEWS: readonly View[] = [textView('punctuated', 'punctuated'), textView('lower-case', 'unpunctuated_no_context')];

/** `speech`: a temperature fitted on the speech chain's rows only (the product's Moonshine condition). */
export type CalibrationKind = 'none' | 'temperature' | 'prior' | 'both' | 'speech';
export const CALIBRATION_KINDS: readonly CalibrationKind[] = ['none', 'temperature', 'prior', 'both'];

export interface FittedCalibrations {
  temperature: Calibration;
  prior: Calibration;
  both: Calibration;
  /** Temperature fitted on speech-chain rows (identity when no speech view was given). */
  speech: Calibration;
}

export interface HeldOut {
  example: Example;
  fold: number;
  /** Raw class probabilities per view name (views without data for this utterance are absent). */
  probs: Record<string, number[]>;
}

/** The models of an inner grouped split: model i never saw the transcripts of inner fold i. */
export function innerModels(examples: readonly Example[], innerK: number, opts: Partial<TrainOptions> = {}): QuestionModel[] {
  const folds = groupedFolds(examples, innerK);
  return Array.from({ length: innerK }, (_, f) =>
    train(
      examples.filter((_, i) => folds[i] !== f),
      opts,
    ),
  );
}

/**
 * Out-of-fold rows {p, y} of the inner models on `examples` under views (inner fold by fold, then
 * utterance, then view; utterances a view has no data for are skipped).
 */
function innerRows(examples: readonly Example[], inner: readonly QuestionModel[], views: readonly View[]): { p: number[]; y: number }[] {
  const folds = groupedFolds(examples, inner.length);
  const rows: { p: number[]; y: number }[] = [];
  inner.forEach((model, f) => {
    examples.forEach((e, i) => {
      if (folds[i] !== f) return;
      for (const v of views) {
        const input = v.input(e);
        if (input !== null) rows.push({ p: viewProbabilities(input, model), y: UTTERANCE_LABELS.indexOf(e.label) });
      }
    });
  });
  return rows;
}

/**
 * Every calibration, fitted on inner out-of-fold predictions of `examples`: the text ones on the
 * text views, `speech` on the speech view's rows (when given).
 */
export function fitFromInner(examples: readonly Example[], inner: readonly QuestionModel[], textViews: readonly View[], speech?: View): FittedCalibrations {
  const rows = innerRows(examples, inner, textViews);
  const k = UTTERANCE_LABELS.length;
  const speechRows = speech === undefined ? [] : innerRows(examples, inner, [speech]);
  return {
    temperature: fitCalibration(rows, k, { fitOffsets: false }),
    prior: fitCalibration(rows, k, { fitScale: false }),
    both: fitCalibration(rows, k),
    speech: speechRows.length > 0 ? fitCalibration(speechRows, k, { fitOffsets: false }) : IDENTITY(k),
  };
}

/** All calibrations, fitted on inner out-of-fold predictions of `examples` (trains the inner models). */
export function fitInner(examples: readonly Example[], innerK: number, opts: Partial<TrainOptions> = {}, speech?: View): FittedCalibrations {
  return fitFromInner(examples, innerModels(examples, innerK, opts), CALIBRATION_VIEWS, speech);
}

export interface FoldModels {
  k: number;
  /** Partition of transcripts into folds (`groupedFolds` seed; 0 = sorted ids round-robin). */
  seed: number;
  /** Per outer fold: the model trained on the other folds. */
  models: QuestionModel[];
  /** Per outer fold: the models of the inner split of its training transcripts (what calibrations are fitted on). */
  inner: QuestionModel[][];
}

/** Trains the outer-fold models and their inner models (the expensive part: k × (1 + innerK) trainings). */
export function crossValidate(
  examples: readonly Example[],
  k: number,
  innerK: number,
  seed = 0,
  log: (msg: string) => void = () => {},
  opts: Partial<TrainOptions> = {},
): FoldModels {
  const folds = groupedFolds(examples, k, seed);
  const out: FoldModels = { k, seed, models: [], inner: [] };
  for (let f = 0; f < k; f++) {
    const tr = examples.filter((_, i) => folds[i] !== f);
    out.models.push(train(tr, opts));
    out.inner.push(innerModels(tr, innerK, opts));
    log(`fold ${f + 1}/${k} trained`);
  }
  return out;
}

/** Per outer fold, the calibrations fitted on its inner models' out-of-fold predictions (never on the held-out fold). */
export function foldCalibrations(examples: readonly Example[], cv: FoldModels, textViews: readonly View[], speech?: View): FittedCalibrations[] {
  const folds = groupedFolds(examples, cv.k, cv.seed);
  return cv.models.map((_, f) =>
    fitFromInner(
      examples.filter((_, i) => folds[i] !== f),
      cv.inner[f] as QuestionModel[],
      textViews,
      speech,
    ),
  );
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
