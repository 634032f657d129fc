/**
 * Hyper-parameter sweep by grouped cross-validation (development aid).
 *   npx tsx scripts/questions/tune.ts <annomi.jsonl> '<json array of partial TrainOptions>'
 */
import { classifyWithModel } from '../../src/core/questions/classify';
import { UTTERANCE_LABELS } from '../../src/core/questions/labels';
import { REPORT_CONDITIONS as CONDITIONS, groupedFolds, loadExamples, underCondition } from './data';
import { train, type TrainOptions } from './trainer';

const [path, grid] = process.argv.slice(2);
const examples = loadExamples(path as string);
const configs = JSON.parse(grid ?? '[{}]') as Partial<TrainOptions>[];
const k = 5;
const folds = groupedFolds(examples, k);
for (const cfg of configs) {
  const pairs: Record<string, [string, string][]> = Object.fromEntries(CONDITIONS.map((c) => [c, []]));
  for (let f = 0; f < k; f++) {
    const m = train(examples.filter((_, i) => folds[i] !== f), cfg);
    for (const e of examples.filter((_, i) => folds[i] === f)) {
      for (const c of CONDITIONS) {
        const v = underCondition(e, c);
        pairs[c]!.push([e.label, classifyWithModel({ text: v.text, prevText: v.prevText }, m).label]);
      }
    }
  }
  const out: string[] = [];
  for (const c of CONDITIONS) {
    const fs = UTTERANCE_LABELS.map((l) => {
      let tp = 0, fp = 0, fn = 0;
      for (const [g, p] of pairs[c]!) {
        if (g === l && p === l) tp++;
        else if (p === l) fp++;
        else if (g === l) fn++;
      }
      return (2 * tp) / (2 * tp + fp + fn);
    });
    out.push(`${c.replace('unpunctuated', 'unp').replace('punctuated', 'punct').replace('_no_context', '-ctx')} ${fs.map((x) => x.toFixed(3)).join(' ')}`);
  }
  console.log(JSON.stringify(cfg), '|', out.join(' | '));
}
