/**
 * Development aid: grouped-CV comparison of the shipped 4-class model with two-stage variants
 * (the 4-class model decides question / reflection / other; a second model re-decides open vs
 * closed for utterances it calls questions). Prints open / closed / reflection F1 per condition
 * for the base model and each variant at P(open | question) thresholds 0.4 / 0.5 / 0.6.
 *   npx tsx scripts/questions/experiment-twostage.ts <annomi.jsonl> '[{"name":"s2","data":"all","opts":{},"dropAnn3":true}]'
 * Environment: SEED=n another partition into folds; FOLDS=k (default 5); CHARS=1 adds the
 * character n-grams of experiment-util.ts to both stages; DUMP=<file> writes the CV probabilities.
 * Findings: docs/QUESTIONS.md ("Second attempt").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { scoreFeatures } from '../../src/core/questions/classify';
import { extractFeatures } from '../../src/core/questions/features';
import { UTTERANCE_LABELS, type UtteranceLabel } from '../../src/core/questions/labels';
import type { QuestionModel } from '../../src/core/questions/model';
import { groupedFolds, loadExamples, underCondition, type Condition, type Example } from './data';
import { charGrams, questionF1s } from './experiment-util';
import { train, type TrainOptions } from './trainer';

const path = process.argv[2] as string;
const examples = loadExamples(path);
// question_subtype of every therapist utterance, in the same order as loadExamples
const subtypes: (string | null)[] = [];
for (const line of readFileSync(path, 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  const r = JSON.parse(line) as Record<string, unknown>;
  if (r.speaker !== 'therapist' || typeof r.label !== 'string' || typeof r.text !== 'string') continue;
  subtypes.push(typeof r.question_subtype === 'string' ? r.question_subtype : null);
}
const K = Number(process.env.FOLDS ?? 5);
const CHARS = process.env.CHARS === '1';
const aug = CHARS ? { augment: charGrams } : {};
// SEED > 0: another deterministic partition into folds (repeated CV)
const folds = groupedFolds(examples, K, Number(process.env.SEED ?? 0));
const CONDS: Condition[] = ['punctuated', 'unpunctuated'];
const O = UTTERANCE_LABELS.indexOf('open_question');
const C = UTTERANCE_LABELS.indexOf('closed_question');

interface Variant {
  name: string;
  /** training set for stage 2: 'main' = gold questions only, 'all' = every utterance with a question subtype */
  data: 'main' | 'all';
  opts: Partial<TrainOptions>;
  dropAnn3?: boolean;
}
const variants: Variant[] = JSON.parse(process.argv[3] ?? '[]') as Variant[];

const probs = (m: QuestionModel, e: Example, c: Condition): number[] => {
  const v = underCondition(e, c);
  const fv = extractFeatures({ text: v.text, prevText: v.prevText });
  if (CHARS) charGrams(v.text, fv);
  return scoreFeatures(fv, m);
};

// per condition: base probabilities and stage-2 P(open | question) for each variant
const base: Record<string, number[][]> = { punctuated: [], unpunctuated: [] };
const s2: Record<string, number[][]> = { punctuated: [], unpunctuated: [] };
const order: number[] = [];
for (let f = 0; f < K; f++) {
  const trIdx = examples.map((_, i) => i).filter((i) => folds[i] !== f);
  const teIdx = examples.map((_, i) => i).filter((i) => folds[i] === f);
  const tr = trIdx.map((i) => examples[i] as Example);
  const mb = train(tr, aug);
  const m2 = variants.map((v) => {
    const rows: Example[] = [];
    for (const i of trIdx) {
      const e = examples[i] as Example;
      if (v.dropAnn3 && e.annotator === '3') continue;
      const st = v.data === 'all' ? subtypes[i] : e.label === 'open_question' ? 'open' : e.label === 'closed_question' ? 'closed' : null;
      if (st === 'open' || st === 'closed') rows.push({ ...e, label: st === 'open' ? 'open_question' : 'closed_question' });
    }
    return train(rows, { classWeights: [1, 1, 1, 1], ...aug, ...v.opts });
  });
  for (const i of teIdx) {
    order.push(i);
    for (const c of CONDS) {
      const e = examples[i] as Example;
      base[c]!.push(probs(mb, e, c));
      s2[c]!.push(m2.map((m) => {
        const p = probs(m, e, c);
        return (p[O] as number) / ((p[O] as number) + (p[C] as number));
      }));
    }
  }
}

if (process.env.DUMP) writeFileSync(process.env.DUMP, JSON.stringify({ order, base, s2 }));
const gold = order.map((i) => (examples[i] as Example).label);
const argmax = (p: number[]): number => p.reduce((b, x, j) => (x > (p[b] as number) ? j : b), 0);
const line: string[] = [];
for (const c of CONDS) line.push(`${c} ${questionF1s(gold, base[c]!.map((p) => UTTERANCE_LABELS[argmax(p)] as UtteranceLabel))}`);
console.log('base |', line.join(' | '));
variants.forEach((v, vi) => {
  for (const thr of [0.4, 0.5, 0.6]) {
    const out: string[] = [];
    for (const c of CONDS) {
      const pred = base[c]!.map((p, i) => {
        const lab = UTTERANCE_LABELS[argmax(p)] as UtteranceLabel;
        if (lab !== 'open_question' && lab !== 'closed_question') return lab;
        return ((s2[c]![i] as number[])[vi] as number) >= thr ? 'open_question' : 'closed_question';
      });
      out.push(`${c} ${questionF1s(gold, pred as UtteranceLabel[])}`);
    }
    console.log(`${v.name} thr ${thr} |`, out.join(' | '));
  }
});
