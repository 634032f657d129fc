/**
 * Evaluate the listening-behaviour detector (issue 16).
 *
 *   npm run eval:behaviours -- [FILE ...] [--annomi ../shared/data/annomi-dev.jsonl]
 *                              [--second-pass data/behaviours/second-pass-labels.jsonl] [--reps 1000] [--seed 1]
 *
 * For each FILE in the behaviour-set format (docs/BEHAVIOURS.md): precision and recall per
 * behaviour with percentile-bootstrap 90% intervals, on `text` and, for the items that have it,
 * on `asr` (the utterance spoken by espeak-ng and transcribed by Moonshine). With --annomi:
 * how AnnoMI's own therapist_input_subtype (advice, information) maps onto the advice detection,
 * on the NON-reserved transcripts; with --second-pass too: precision/recall on the reserved
 * transcripts' second-pass labels (joined by transcript and utterance id; bootstrap by transcript).
 * Missing files are skipped with a message. Exit code 2 for unreadable input, otherwise 0.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { askedPermission, detectBehaviours } from '../../src/core/behaviours/detect';
import { BEHAVIOURS } from '../../src/core/behaviours/labels';
import { classifyUtterance } from '../../src/core/questions/classify';
import { quantile } from '../questions/metrics';
import { detectTranscripts, isReserved, key, loadAnnomiTherapist, type AnnomiTherapistUtterance } from './second-pass-join';
import { parseBehaviourSet, type BehaviourItem } from './behaviour-set';
import { scoreBehaviours, scoreTable, type Judged } from './score';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { annomi: { type: 'string' }, 'second-pass': { type: 'string' }, reps: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' } },
});
const reps = Number(values.reps);
const seed = Number(values.seed);

function fail(message: string): never {
  console.error(`eval:behaviours: ${message}`);
  process.exit(2);
}

function judgeSet(items: readonly BehaviourItem[], view: 'text' | 'asr'): Judged[] {
  return items
    .filter((item) => view === 'text' || item.asr !== undefined)
    .map((item) => ({ group: item.id, gold: item.behaviours, predicted: detectBehaviours(view === 'text' ? item.text : item.asr!, askedPermission(item.precedingClinician)).behaviours }));
}

function evaluateSet(path: string): void {
  if (!existsSync(path)) return console.log(`\n${path}: not found, skipped`);
  let items: BehaviourItem[];
  try {
    items = parseBehaviourSet(readFileSync(path, 'utf8'), path);
  } catch (error) {
    fail((error as Error).message);
  }
  const positives = BEHAVIOURS.map((b) => `${b} ${items.filter((i) => i.behaviours.includes(b)).length}+/${items.filter((i) => i.hardNegativeFor.includes(b) && !i.behaviours.includes(b)).length}−`);
  console.log(`\n${path}: ${items.length} items (positives/hard negatives: ${positives.join(', ')})`);
  for (const view of ['text', 'asr'] as const) {
    const judged = judgeSet(items, view);
    if (judged.length === 0) {
      console.log(`\n  ${view}: no item has it, skipped`);
      continue;
    }
    console.log(`\n  ${view} (${judged.length} items; 90% CI: bootstrap over items, ${reps} resamples)\n`);
    console.log(indent(scoreTable(scoreBehaviours(judged, reps, seed))));
  }
}

const indent = (text: string) => text.replace(/^/gm, '  ');

/** AnnoMI's advice / information subtypes against the detector's advice flag, non-reserved transcripts. */
function adviceMapping(utterances: readonly AnnomiTherapistUtterance[]): void {
  const open = utterances.filter((u) => !isReserved(u.transcriptId));
  const detected = detectTranscripts(open);
  console.log(`\nAnnoMI advice mapping (non-reserved transcripts: ${new Set(open.map((u) => u.transcriptId)).size}, ${open.length} therapist utterances)`);
  console.log(`  ${'AnnoMI therapist_input_subtype'.padEnd(32)} ${'n'.padStart(5)} ${'advice detected'.padStart(16)} ${'advice w/o permission'.padStart(22)}`);
  for (const subtype of ['advice', 'information', 'options', 'negotiation', null]) {
    const rows = open.filter((u) => u.inputSubtype === subtype);
    const advice = rows.filter((u) => detected.get(key(u.transcriptId, u.utteranceId))!.advice).length;
    const awp = rows.filter((u) => detected.get(key(u.transcriptId, u.utteranceId))!.behaviours.includes('advice_without_permission')).length;
    const share = (k: number) => `${k} (${rows.length === 0 ? '–' : Math.round((100 * k) / rows.length)}%)`;
    console.log(`  ${String(subtype ?? '(none)').padEnd(32)} ${String(rows.length).padStart(5)} ${share(advice).padStart(16)} ${share(awp).padStart(22)}`);
  }
  const flagged = open.filter((u) => detected.get(key(u.transcriptId, u.utteranceId))!.advice);
  const asInput = flagged.filter((u) => u.inputSubtype === 'advice' || u.inputSubtype === 'information').length;
  console.log(`  of ${flagged.length} utterances detected as advice, ${asInput} (${Math.round((100 * asInput) / Math.max(1, flagged.length))}%) are AnnoMI advice or information`);
}

/** Time per utterance of the detector, against the question classifier in the same run (the ≤ 1 ms target). */
function timing(utterances: readonly AnnomiTherapistUtterance[]): void {
  const texts = utterances.map((u) => u.text);
  const perCall = (f: (text: string) => unknown) => {
    for (const t of texts) f(t); // warm up
    return texts.map((t) => {
      const start = performance.now();
      for (let i = 0; i < 5; i++) f(t);
      return (performance.now() - start) / 5;
    });
  };
  const detector = perCall((t) => detectBehaviours(t, false));
  const classifier = perCall((t) => classifyUtterance({ text: t, prevText: null }));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(
    `\nSpeed on ${texts.length} AnnoMI therapist utterances: detector mean ${mean(detector).toFixed(3)} ms, p99 ${quantile(detector, 0.99).toFixed(3)} ms; ` +
      `question classifier (baseline, same run) mean ${mean(classifier).toFixed(3)} ms: ratio ${(mean(detector) / mean(classifier)).toFixed(2)}`,
  );
}

const SecondPassRow = v.object({ transcript_id: v.number(), utterance_id: v.number(), behaviours: v.array(v.picklist(BEHAVIOURS)) });

function secondPass(utterances: readonly AnnomiTherapistUtterance[], path: string): void {
  if (!existsSync(path)) return console.log(`\n${path}: not found, AnnoMI second pass skipped`);
  const rows = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const parsed = v.safeParse(SecondPassRow, JSON.parse(l));
      if (!parsed.success) fail(`${path}:${i + 1}: ${parsed.issues[0].message}`);
      return parsed.output;
    });
  const reserved = utterances.filter((u) => isReserved(u.transcriptId));
  const detected = detectTranscripts(reserved);
  const judged: Judged[] = [];
  let missing = 0;
  for (const r of rows) {
    const found = detected.get(key(r.transcript_id, r.utterance_id));
    if (!found) {
      missing++;
      continue;
    }
    judged.push({ group: String(r.transcript_id), gold: r.behaviours, predicted: found.behaviours });
  }
  console.log(`\nAnnoMI second pass (${path}): ${judged.length} utterances of ${new Set(judged.map((j) => j.group)).size} reserved transcripts${missing ? `, ${missing} not found in the AnnoMI file` : ''}; 90% CI: bootstrap over transcripts\n`);
  console.log(indent(scoreTable(scoreBehaviours(judged, reps, seed))));
}

if (positionals.length === 0 && values.annomi === undefined) fail('nothing to evaluate (usage: npm run eval:behaviours -- [FILE ...] [--annomi ANNOMI.jsonl [--second-pass FILE]])');
for (const path of positionals) evaluateSet(path);
if (values.annomi !== undefined) {
  if (!existsSync(values.annomi)) console.log(`\n${values.annomi}: not found, AnnoMI skipped`);
  else {
    const utterances = loadAnnomiTherapist(values.annomi);
    adviceMapping(utterances);
    timing(utterances);
    if (values['second-pass'] !== undefined) secondPass(utterances, values['second-pass']);
  }
}
