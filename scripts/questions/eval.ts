/**
 * Evaluate the clinician-utterance classifier as the clinician meets it (issue 13).
 *
 *   npm run eval:questions -- ../shared/data/annomi-dev.jsonl [--chain <annomi-chain.jsonl>] [--k 5] [--inner-k 3] [--seed 0]
 *
 * Grouped k-fold cross-validation by transcript; in each training fold the calibration
 * (temperature and class offsets) is fitted on an inner grouped split of that fold only. Views:
 * `punctuated` (AnnoMI text with the patient's previous turn), `lower-case` (no punctuation, no
 * patient turn: what a plain ASR gives the live panel), and, when the speech-chain file exists
 * (`--chain`, default .cache/annomi-chain.jsonl; made by `npm run build:chain`), `speech`: the
 * same utterances spoken by espeak-ng and transcribed by the shipped Moonshine model, with the
 * final-pitch cue, and variants with and without the decoder's p(?) and the pitch cue.
 * Prints: visit-level open-share and R:Q errors (per transcript with ≥ 4 gold questions), per
 * counting and calibration choice; consensus F1 on the multi-coded utterances; single-annotator
 * F1; calibration (ECE, reliability table, and a temperature fitted on the speech-chain rows
 * for comparison); the review simulation (review-sim.ts). `--dump FILE` writes the held-out
 * probabilities and calibrations as JSON. `--seed n` picks another transcript-to-fold
 * partition (repeated CV: differences smaller than the spread over seeds are fold noise). The trained fold models are cached in .eval/
 * (keyed by the data and the training code), so a rerun with a longer chain file is quick.
 * Exit code 2 if the data file is missing, otherwise 0 (the figures are the result, not a gate).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyUtterance } from '../../src/core/questions/classify';
import { chainKey, loadChain, speechView, type ChainRow } from './chain';
import { CALIBRATION_KINDS, CALIBRATION_VIEWS, crossValidate, foldCalibrations, predictHeldOut, textView, type FoldModels, type View } from './cv';
import { loadExamples, type Example } from './data';
import type { ReviewPolicy } from './review-sim';
import { calibrationTable, consensusTable, humanVisitCeiling, reliabilityTable, reviewTable, scored, singleTable, visitHeader, visitRow, visitSummary } from './report';

/** What the product uses; the other choices are printed beside it for comparison. */
const SHIPPED = { kind: 'temperature', mode: 'expected' } as const;

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const FLAGS = ['--k', '--inner-k', '--chain', '--seed', '--dump'];
const valueAfter = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const path = args.find((a, i) => !a.startsWith('--') && !FLAGS.includes(args[i - 1] ?? ''));
if (path === undefined || !existsSync(path)) {
  console.error(`eval: data file not found: ${path ?? '(none given)'} (usage: npm run eval:questions -- <annomi.jsonl> [--chain <file>] [--k 5] [--inner-k 3] [--seed 0])`);
  process.exit(2);
}
const k = Number(valueAfter('--k') ?? 5);
const innerK = Number(valueAfter('--inner-k') ?? 3);
const seed = Number(valueAfter('--seed') ?? 0);
const examples = loadExamples(path);
console.log(`${examples.length} therapist utterances from ${path}; grouped ${k}-fold CV by transcript (partition seed ${seed}), calibration fitted on inner ${innerK}-fold splits of each training fold`);

/** Fold models, from the cache when data and training code are unchanged. */
function foldModels(): FoldModels {
  const code = ['trainer.ts', 'data.ts'].map((f) => readFileSync(resolve(here, f), 'utf8'));
  const core = ['features.ts', 'clauses.ts', 'input-cues.ts', 'normalize.ts', 'classify.ts'].map((f) => readFileSync(resolve(here, '../../src/core/questions', f), 'utf8'));
  const key = createHash('sha256')
    .update([readFileSync(path as string, 'utf8'), ...code, ...core, `${k}/${innerK}/${seed}/inner-models`].join('\0'))
    .digest('hex');
  const cacheFile = resolve(here, `../../.eval/questions-cv${seed === 0 ? '' : `-seed${seed}`}.json`);
  if (existsSync(cacheFile)) {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { key: string; cv: FoldModels };
    if (cached.key === key) {
      console.log(`fold models from ${cacheFile}`);
      return cached.cv;
    }
  }
  const t0 = performance.now();
  const cv = crossValidate(examples, k, innerK, seed, (m) => console.log(`  ${m} (${((performance.now() - t0) / 1000).toFixed(0)} s)`));
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, JSON.stringify({ key, cv }));
  return cv;
}

/** Text with its final punctuation replaced by `mark`. */
const withFinalMark = (text: string, mark: '?' | '.'): string => `${text.trimEnd().replace(/[.?!,;:]+$/, '')}${mark}`;

/**
 * The candidate use of the decoder's p(?): the classifier's probabilities with a final "?" and
 * with a final "." averaged with weights p(?) and 1 − p(?), instead of trusting the decoder's
 * top choice. Measured here; it moves into classify.ts only if it wins.
 */
function markProbView(name: string, row: (e: Example) => ChainRow | undefined): View {
  return {
    name,
    input: (e) => {
      const r = row(e);
      if (r === undefined) return null;
      const base = r.finalPitchRise !== null ? { finalPitchRise: r.finalPitchRise } : {};
      if (r.pQuestion === null) return { text: r.asrText, ...base };
      return { text: r.asrText, ...base, mix: { q: r.pQuestion, asQuestion: withFinalMark(r.asrText, '?'), asStatement: withFinalMark(r.asrText, '.') } };
    },
  };
}

function speechViews(chain: ReadonlyMap<string, ChainRow>): View[] {
  const row = (e: Example): ChainRow | undefined => chain.get(chainKey(e.transcriptId, e.utteranceId));
  return [
    speechView(chain, 'speech'),
    markProbView('speech + p(?)', row),
    speechView(chain, 'speech, text only', false),
  ];
}

const chainPath = valueAfter('--chain') ?? resolve(here, '../../.cache/annomi-chain.jsonl');
let views: View[] = [textView('punctuated', 'punctuated'), textView('lower-case', 'unpunctuated_no_context')];
let speechVisits: Set<number> | undefined;
if (existsSync(chainPath)) {
  const { rows, skipped } = loadChain(chainPath);
  views = views.concat(speechViews(rows));
  // a visit counts for the speech views only when every therapist utterance of it was spoken
  const ids = new Set(examples.map((e) => e.transcriptId));
  speechVisits = new Set([...ids].filter((id) => examples.every((e) => e.transcriptId !== id || rows.has(chainKey(id, e.utteranceId)))));
  console.log(`speech chain: ${rows.size} utterances from ${chainPath} (${skipped} lines skipped); ${speechVisits.size} of ${ids.size} visits complete`);
} else {
  console.log(`speech chain: no file at ${chainPath}, so the product condition is NOT measured (make it with npm run build:chain, or pass --chain <file>)`);
}

const cv = foldModels();
const heldOut = predictHeldOut(examples, cv, views);
// Calibrations per fold from its inner models: text ones on the text views, `speech` on the speech view's rows.
const speechCalibrationView = views.find((v) => v.name === 'speech');
const cals = foldCalibrations(examples, cv, CALIBRATION_VIEWS, speechCalibrationView);
const dumpPath = valueAfter('--dump');
if (dumpPath !== undefined) {
  writeFileSync(dumpPath, JSON.stringify({ heldOut: heldOut.map((h) => ({ t: h.example.transcriptId, u: h.example.utteranceId, gold: h.example.label, a: h.example.annotator, votes: h.example.votes, fold: h.fold, probs: h.probs })), cals }));
  console.log(`held-out probabilities and calibrations written to ${dumpPath}`);
}
const names = views.map((v) => v.name);
const textNames = names.slice(0, 2);
const speechNames = names.slice(2);

console.log('\nVISIT LEVEL (per transcript with ≥ 4 gold questions; |predicted − gold|; all visits):');
visitHeader();
for (const view of textNames) {
  for (const kind of CALIBRATION_KINDS) {
    for (const mode of ['argmax', 'expected'] as const) visitRow(view, kind, mode, visitSummary(scored(heldOut, view, kind, cals), mode));
  }
}
if (speechVisits !== undefined && speechVisits.size > 0) {
  console.log(`\nVISIT LEVEL on the ${speechVisits.size} visits the speech chain covers completely (text views on the same visits for comparison):`);
  visitHeader();
  for (const view of names) {
    for (const kind of ['none', SHIPPED.kind, ...(speechNames.includes(view) ? (['speech'] as const) : [])] as const) {
      for (const mode of ['argmax', 'expected'] as const) visitRow(view, kind, mode, visitSummary(scored(heldOut, view, kind, cals), mode, speechVisits));
    }
  }
}

console.log('\nVISIT LEVEL by coder: annotator 3 codes nearly every question open (docs/QUESTIONS.md); the others:');
visitHeader();
const annotatorOf = new Map(examples.map((e) => [e.transcriptId, e.annotator]));
for (const [who, keep] of [
  ['annotator 3', (a: string) => a === '3'],
  ['all others', (a: string) => a !== '3'],
] as const) {
  const visits = new Set([...annotatorOf].filter(([, a]) => keep(a)).map(([id]) => id));
  for (const view of textNames) visitRow(`${view}, ${who}`, SHIPPED.kind, SHIPPED.mode, visitSummary(scored(heldOut, view, SHIPPED.kind, cals), SHIPPED.mode, visits));
}

console.log('\nVISIT LEVEL on visits with at least 10 gold questions (one misjudged question moves the share of a 4-question visit by 25 points):');
visitHeader();
for (const view of textNames) {
  for (const mode of ['argmax', 'expected'] as const) {
    for (const kind of ['none', SHIPPED.kind] as const) visitRow(view, kind, mode, visitSummary(scored(heldOut, view, kind, cals), mode, undefined, 10));
  }
}

console.log('\nHUMAN CEILING AT VISIT LEVEL (visits coded by all ten; gold = their majority):');
humanVisitCeiling(heldOut, 'punctuated', SHIPPED.kind, SHIPPED.mode, cals);

console.log(`\nCONSENSUS (majority vote of the ten coders), calibration ${SHIPPED.kind}, label = most probable:`);
consensusTable(heldOut, names, SHIPPED.kind, cals);

console.log(`\nSINGLE ANNOTATOR (each transcript's one coder), calibration ${SHIPPED.kind} (and none, below):`);
singleTable(heldOut, names, SHIPPED.kind, cals);
singleTable(heldOut, textNames, 'none', cals);

console.log('\nCALIBRATION of the label confidence (probability of the chosen label; expected calibration error over 10 bins):');
calibrationTable(heldOut, names, [...CALIBRATION_KINDS, 'speech'], cals);
for (const view of [textNames[1] as string, ...speechNames.slice(0, 1)]) {
  console.log(`\nreliability, ${view}, calibration ${SHIPPED.kind}:`);
  reliabilityTable(scored(heldOut, view, SHIPPED.kind, cals));
}
cals.forEach((c, f) =>
  console.log(
    `fold ${f + 1} calibration: temperature scale ${c.temperature.scale.toFixed(3)}, speech scale ${c.speech.scale.toFixed(3)}; both: scale ${c.both.scale.toFixed(3)}, offsets ${c.both.offsets.map((x) => x.toFixed(2)).join(' ')}`,
  ),
);

console.log('\nREVIEW SIMULATION (the clinician reviews the offered labels after the visit and corrects the wrong ones; src/core/questions/review.ts):');
const REVIEW_POLICIES: ReviewPolicy[] = [...[0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9].map((below) => ({ below })), ...[3, 5, 8, 10].map((leastConfident) => ({ leastConfident })),
  { leastConfident: 8, below: 0.9 },
  // The review step's Confirm (src/ui/summary/ReviewLabels.tsx): the right labels then count in full too.
  ...[3, 5, 8].map((leastConfident) => ({ leastConfident, below: 0.9, confirm: true })),
];
// The product's calibration in every condition (the speech-fitted temperature loses at visit level: docs/QUESTIONS.md).
for (const view of [...speechNames.slice(0, 1), ...textNames]) {
  reviewTable(scored(heldOut, view, SHIPPED.kind, cals), `${view}, calibration ${SHIPPED.kind}`, SHIPPED.mode, REVIEW_POLICIES);
}

const t0 = performance.now();
for (const e of examples) classifyUtterance({ text: e.text });
console.log(`\nclassification time (shipped model): ${(((performance.now() - t0) * 1000) / examples.length).toFixed(0)} µs per utterance (mean over ${examples.length})`);
