/**
 * Evaluate the clinician-utterance classifier on AnnoMI-style JSONL.
 *
 *   npx tsx scripts/questions/eval.ts ../shared/data/annomi-dev.jsonl [--cv [k]]
 *
 * Prints per-class precision / recall / F1 for punctuated text and for lower-case text with
 * all punctuation removed, with the targets and PASS/FAIL, using the shipped weights
 * (fit on all of the file when trained on it). With --cv, also k-fold cross-validation
 * grouped by transcript_id (default k = 5): the model is retrained on each training fold.
 * Exit code 2 if the file is missing; 1 if a shipped-model target fails.
 */
import { existsSync } from 'node:fs';
import { classifyWithModel, type QuestionModel } from '../../src/core/questions/classify';
import { UTTERANCE_LABELS, type UtteranceLabel } from '../../src/core/questions/labels';
import { MODEL } from '../../src/core/questions/weights';
import { CONDITIONS, groupedFolds, loadExamples, underCondition, type Condition, type Example } from './data';
import { train } from './trainer';

const TARGETS: Record<Condition, Partial<Record<UtteranceLabel, number>>> = {
  punctuated: { open_question: 0.85, closed_question: 0.78, reflection: 0.7 },
  unpunctuated: { open_question: 0.78, closed_question: 0.7, reflection: 0.65 },
};

interface Pred {
  gold: Example;
  label: UtteranceLabel;
  reflectionType?: 'simple' | 'complex';
}

function predictAll(examples: readonly Example[], model: QuestionModel, c: Condition): Pred[] {
  return examples.map((e) => {
    const v = underCondition(e, c);
    const r = classifyWithModel({ text: v.text, prevText: v.prevText }, model);
    return { gold: e, label: r.label, reflectionType: r.reflectionType };
  });
}

function prf(preds: readonly Pred[], label: UtteranceLabel): { p: number; r: number; f: number; n: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const x of preds) {
    const g = x.gold.label === label;
    const s = x.label === label;
    if (g && s) tp++;
    else if (s) fp++;
    else if (g) fn++;
  }
  const p = tp + fp > 0 ? tp / (tp + fp) : 0;
  const r = tp + fn > 0 ? tp / (tp + fn) : 0;
  return { p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0, n: tp + fn };
}

const fmt = (x: number): string => x.toFixed(3);

function report(title: string, byCond: Record<Condition, Pred[]>, withVerdict: boolean): boolean {
  let ok = true;
  console.log(`\n${title}`);
  console.log('| condition | class | n | precision | recall | F1 | target | result |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const c of CONDITIONS) {
    const preds = byCond[c];
    for (const l of UTTERANCE_LABELS) {
      const m = prf(preds, l);
      const t = TARGETS[c][l];
      const pass = t === undefined ? '' : m.f >= t ? 'PASS' : 'FAIL';
      if (t !== undefined && m.f < t) ok = false;
      console.log(`| ${c} | ${l} | ${m.n} | ${fmt(m.p)} | ${fmt(m.r)} | ${fmt(m.f)} | ${t === undefined ? '' : fmt(t)} | ${withVerdict ? pass : pass && `(${pass})`} |`);
    }
    const acc = preds.filter((x) => x.label === x.gold.label).length / preds.length;
    const macro = UTTERANCE_LABELS.reduce((s, l) => s + prf(preds, l).f, 0) / UTTERANCE_LABELS.length;
    // subtype accuracy on gold reflections that were predicted as reflections with a type
    const typed = preds.filter((x) => x.gold.label === 'reflection' && x.label === 'reflection' && x.gold.reflectionType && x.reflectionType);
    const rtAcc = typed.length ? typed.filter((x) => x.reflectionType === x.gold.reflectionType).length / typed.length : 0;
    console.log(`| ${c} | accuracy ${fmt(acc)}, macro-F1 ${fmt(macro)}, simple/complex acc ${fmt(rtAcc)} (on ${typed.length} typed true reflections) | | | | | | |`);
  }
  return ok;
}

const args = process.argv.slice(2);
const path = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
if (path === undefined || !existsSync(path)) {
  console.error(`eval: data file not found: ${path ?? '(none given)'}`);
  process.exit(2);
}
const cvIdx = args.indexOf('--cv');
const k = cvIdx >= 0 && /^\d+$/.test(args[cvIdx + 1] ?? '') ? Number(args[cvIdx + 1]) : 5;
const examples = loadExamples(path);
console.log(`${examples.length} therapist utterances from ${path}`);
console.log(`model: ${Object.keys(MODEL.w).length} features; meta ${JSON.stringify(MODEL.meta)}`);

const shipped = {} as Record<Condition, Pred[]>;
let ms = 0;
for (const c of CONDITIONS) {
  const t0 = performance.now();
  shipped[c] = predictAll(examples, MODEL, c);
  ms += performance.now() - t0;
}
console.log(`time: ${((ms * 1000) / (2 * examples.length)).toFixed(0)} µs per utterance (features + scoring)`);
const ok = report('Shipped model (if trained on this file: fit-on-all, optimistic)', shipped, true);

if (cvIdx >= 0) {
  const folds = groupedFolds(examples, k);
  const cv = { punctuated: [], unpunctuated: [] } as Record<Condition, Pred[]>;
  for (let f = 0; f < k; f++) {
    const tr = examples.filter((_, i) => folds[i] !== f);
    const te = examples.filter((_, i) => folds[i] === f);
    const m = train(tr);
    for (const c of CONDITIONS) cv[c].push(...predictAll(te, m, c));
  }
  report(`${k}-fold cross-validation grouped by transcript_id (retrained per fold; honest estimate)`, cv, false);
}
console.log(`\nshipped model: ${ok ? 'PASS' : 'FAIL'}`);
process.exit(ok ? 0 : 1);
