/**
 * Development aid: grouped-CV comparison of 4-class variants: bagged ensembles and character
 * n-grams of the question clause, class weights, leaving annotator 3's question labels out
 * of training. Prints open / closed / reflection F1 per condition for each named variant.
 *   npx tsx scripts/questions/experiment-base.ts <annomi.jsonl> base noann3q chars ...
 * Environment: SEED=n another partition into folds (repeated CV).
 * Findings: docs/QUESTIONS.md ("Second attempt").
 */
import { scoreFeatures } from '../../src/core/questions/classify';
import { extractFeatures } from '../../src/core/questions/features';
import { UTTERANCE_LABELS, type UtteranceLabel } from '../../src/core/questions/labels';
import type { QuestionModel } from '../../src/core/questions/model';
import { groupedFolds, loadExamples, underCondition, type Condition, type Example } from './data';
import { charGrams, questionF1s } from './experiment-util';
import { train, type TrainOptions } from './trainer';

const [path, ...names] = process.argv.slice(2);
const examples = loadExamples(path as string);
const K = 5;
// SEED > 0: another deterministic partition into folds (repeated CV)
const folds = groupedFolds(examples, K, Number(process.env.SEED ?? 0));
const CONDS: Condition[] = ['punctuated', 'unpunctuated'];


interface V {
  bag: number;
  opts: Partial<TrainOptions>;
  aug?: (t: string, f: Map<string, number>) => void;
  keep?: (e: Example) => boolean;
  /** replace a training row by several (e.g. one per label: a soft target under cross-entropy) */
  expand?: (e: Example) => Example[];
}
const isQuestion = (e: Example): boolean => e.label === 'open_question' || e.label === 'closed_question';
const VARIANTS: Record<string, V> = {
  base: { bag: 1, opts: {} },
  bag4: { bag: 4, opts: {} },
  chars: { bag: 1, opts: { augment: charGrams }, aug: charGrams },
  cw15: { bag: 1, opts: { classWeights: [1.3, 1.5, 1, 0.75] } },
  noann3q: { bag: 1, opts: {}, keep: (e) => !(e.annotator === '3' && (e.label === 'open_question' || e.label === 'closed_question')) },
  noann3: { bag: 1, opts: {}, keep: (e) => e.annotator !== '3' },
  noann3q_noterms: { bag: 1, opts: { annotatorCross: null }, keep: (e) => !(e.annotator === '3' && (e.label === 'open_question' || e.label === 'closed_question')) },
  // annotator 3's questions as 50/50 open/closed (label smoothing towards "unknown subtype")
  ann3soft: {
    bag: 1,
    opts: {},
    expand: (e) => (e.annotator === '3' && isQuestion(e) ? [{ ...e, label: 'open_question' }, { ...e, label: 'closed_question' }] : [e]),
  },
  ow16: { bag: 1, opts: { classWeights: [1.6, 2.2, 1, 0.75] } },
};


for (const name of names) {
  const v = VARIANTS[name] as V;
  const gold: UtteranceLabel[] = [];
  const pred: Record<string, UtteranceLabel[]> = { punctuated: [], unpunctuated: [] };
  for (let f = 0; f < K; f++) {
    const tr = examples.filter((e, i) => folds[i] !== f && (v.keep?.(e) ?? true)).flatMap((e) => v.expand?.(e) ?? [e]);
    const te = examples.filter((_, i) => folds[i] === f);
    const models: QuestionModel[] = [];
    if (v.bag === 1) models.push(train(tr, v.opts));
    else {
      const ids = [...new Set(tr.map((e) => e.transcriptId))].sort((a, b) => a - b);
      for (let b = 0; b < v.bag; b++) {
        const keep = new Set(ids.filter((_, j) => j % v.bag !== b));
        models.push(train(tr.filter((e) => keep.has(e.transcriptId)), v.opts));
      }
    }
    for (const e of te) {
      gold.push(e.label);
      for (const c of CONDS) {
        const u = underCondition(e, c);
        const fv = extractFeatures({ text: u.text, prevText: u.prevText });
        v.aug?.(u.text, fv);
        const avg = new Array<number>(UTTERANCE_LABELS.length).fill(0);
        for (const m of models) scoreFeatures(fv, m).forEach((x, j) => (avg[j] = (avg[j] as number) + x));
        const best = avg.reduce((bi, x, j) => (x > (avg[bi] as number) ? j : bi), 0);
        pred[c]!.push(UTTERANCE_LABELS[best] as UtteranceLabel);
      }
    }
  }
  console.log(name, '|', CONDS.map((c) => `${c} ${questionF1s(gold, pred[c]!)}`).join(' | '));
}
