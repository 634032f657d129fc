/**
 * What the product condition does to questions (issue 13 §2), from the file build:chain writes:
 * how often a gold question keeps its "?" through espeak-ng → Moonshine, the decoder's p("?")
 * for questions and the rest, the word error rate against AnnoMI's text, and how well p("?"),
 * the presence of "?" and the final pitch rise separate questions from non-questions (AUC, with
 * 95% intervals from resampling whole transcripts; the combinations are fitted in 5-fold
 * cross-validation grouped by transcript, never on what they are scored on).
 *
 *   npm run report:chain -- ../shared/data/annomi-dev.jsonl [.cache/annomi-chain.jsonl]
 */
import { existsSync, readFileSync } from 'node:fs';
import { fitLogistic, groupBootstrap, normalizeWords, predictLogistic, rocAuc, wordEdits } from './chain/metrics';

const [annomiPath, chainPath = '.cache/annomi-chain.jsonl'] = process.argv.slice(2);
for (const path of [annomiPath, chainPath]) {
  if (!path || !existsSync(path)) {
    console.error(`usage: npm run report:chain -- <annomi.jsonl> [chain.jsonl]${path ? `\nno such file: ${path}` : ''}`);
    process.exit(2);
  }
}
const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);

interface Gold {
  transcript_id: number;
  utterance_id: number;
  speaker: string;
  text: string;
  label: string;
}
interface Heard {
  transcript_id: number;
  utterance_id: number;
  asr_text: string;
  p_question: number | null;
  final_pitch_rise: boolean | null;
  audio_ms: number;
}
const gold = new Map(readJsonl<Gold>(annomiPath!).map((g) => [`${g.transcript_id}/${g.utterance_id}`, g]));
const rows = readJsonl<Heard>(chainPath).map((h) => {
  const g = gold.get(`${h.transcript_id}/${h.utterance_id}`);
  if (!g || g.speaker !== 'therapist') throw new Error(`chain row ${h.transcript_id}/${h.utterance_id} is not a therapist utterance of ${annomiPath}`);
  const hasQ = h.asr_text.includes('?');
  return { ...h, gold: g, isQuestion: g.label === 'open_question' || g.label === 'closed_question', hasQ, pQ: h.p_question ?? 0 };
});
type Row = (typeof rows)[number];
const byTranscriptMap = new Map<number, Row[]>();
for (const r of rows) byTranscriptMap.set(r.transcript_id, [...(byTranscriptMap.get(r.transcript_id) ?? []), r]);
const byTranscript = [...byTranscriptMap.values()];

const share = (xs: Row[], test: (r: Row) => boolean) => (xs.length === 0 ? NaN : xs.filter(test).length / xs.length);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const questions = rows.filter((r) => r.isQuestion);
const others = rows.filter((r) => !r.isQuestion);

console.log(`${rows.length} therapist utterances of ${byTranscript.length} transcripts; ${questions.length} gold questions, ${others.length} other`);
const audioS = rows.reduce((s, r) => s + r.audio_ms, 0) / 1000;
console.log(`audio: ${(audioS / 60).toFixed(1)} min`);

// Word error rate, punctuation and case removed on both sides.
const werOf = (xs: Row[]) => {
  let e = 0;
  let n = 0;
  for (const r of xs) {
    const ref = normalizeWords(r.gold.text);
    e += wordEdits(ref, normalizeWords(r.asr_text));
    n += ref.length;
  }
  return e / n;
};
const refWords = rows.reduce((n, r) => n + normalizeWords(r.gold.text).length, 0);
const [werLo, werHi] = groupBootstrap(byTranscript, werOf, 200);
console.log(`word error rate (normalised): ${pct(werOf(rows))} [${pct(werLo)}, ${pct(werHi)}] over ${refWords} reference words`);

console.log('\n"?" through the chain');
console.log(`  gold questions with "?" in AnnoMI's text: ${pct(share(questions, (r) => r.gold.text.includes('?')))}`);
const goldQWithMark = questions.filter((r) => r.gold.text.includes('?'));
console.log(`  of those, "?" kept in Moonshine's output: ${pct(share(goldQWithMark, (r) => r.hasQ))} (${goldQWithMark.filter((r) => r.hasQ).length}/${goldQWithMark.length})`);
console.log(`  gold questions with "?" in Moonshine's output: ${pct(share(questions, (r) => r.hasQ))}`);
console.log(`  non-questions with "?" in AnnoMI's text: ${pct(share(others, (r) => r.gold.text.includes('?')))}; in Moonshine's: ${pct(share(others, (r) => r.hasQ))}`);
console.log(`  mean p("?") at the final punctuation step: gold questions ${mean(questions.map((r) => r.pQ)).toFixed(3)}, others ${mean(others.map((r) => r.pQ)).toFixed(3)}`);
for (const label of ['open_question', 'closed_question', 'simple_reflection', 'complex_reflection', 'input', 'other']) {
  const xs = rows.filter((r) => r.gold.label === label);
  console.log(`    ${label.padEnd(18)} n=${String(xs.length).padStart(4)}  "?" kept ${pct(share(xs, (r) => r.hasQ)).padStart(6)}  mean p("?") ${mean(xs.map((r) => r.pQ)).toFixed(3)}`);
}

// Separating questions from the rest.
const rise = (r: Row) => (r.final_pitch_rise === true ? 1 : r.final_pitch_rise === false ? -1 : 0);
const logit = (p: number) => Math.log(Math.max(p, 1e-6) / Math.max(1 - p, 1e-6));
const scorers: Record<string, (r: Row) => number> = {
  '"?" in the transcript': (r) => (r.hasQ ? 1 : 0),
  'p("?")': (r) => r.pQ,
  'final pitch rise (rise 1, unknown 0, fall -1)': rise,
};
const aucOf = (xs: Row[], score: (r: Row) => number) => rocAuc(xs.map(score), xs.map((r) => r.isQuestion));
console.log('\nquestion vs not (AUC, 95% interval over transcripts)');
const report = (name: string, xs: Row[], groups: Row[][], score: (r: Row) => number) => {
  const [lo, hi] = groupBootstrap(groups, (ys) => aucOf(ys, score), 500);
  console.log(`  ${name.padEnd(50)} ${aucOf(xs, score).toFixed(3)} [${lo.toFixed(3)}, ${hi.toFixed(3)}]`);
};
for (const [name, score] of Object.entries(scorers)) report(name, rows, byTranscript, score);
const [dLo, dHi] = groupBootstrap(byTranscript, (ys) => aucOf(ys, (r) => r.pQ) - aucOf(ys, (r) => (r.hasQ ? 1 : 0)), 500);
console.log(`  AUC(p("?")) − AUC("?" present): ${(aucOf(rows, (r) => r.pQ) - aucOf(rows, (r) => (r.hasQ ? 1 : 0))).toFixed(3)} [${dLo.toFixed(3)}, ${dHi.toFixed(3)}]`);

// Where the transcript lost the mark: does anything still tell the questions apart?
const noMark = rows.filter((r) => !r.hasQ);
const noMarkGroups = byTranscript.map((g) => g.filter((r) => !r.hasQ));
console.log(`\n  without "?" in the transcript (${noMark.length} utterances, ${pct(share(noMark, (r) => r.isQuestion))} gold questions):`);
report('p("?")', noMark, noMarkGroups, (r) => r.pQ);
report('final pitch rise', noMark, noMarkGroups, rise);
for (const v of [1, 0, -1]) {
  const xs = noMark.filter((r) => rise(r) === v);
  console.log(`    pitch ${v === 1 ? 'rise   ' : v === 0 ? 'unknown' : 'fall   '}: n=${xs.length}, gold questions ${pct(share(xs, (r) => r.isQuestion))}`);
}

// Combinations, fitted in 5 folds grouped by transcript and scored only on the held-out folds.
const combos: Record<string, (r: Row) => number[]> = {
  '"?" present': (r) => [r.hasQ ? 1 : 0],
  'logit p("?")': (r) => [logit(r.pQ) / 5],
  'logit p("?") + pitch rise': (r) => [logit(r.pQ) / 5, rise(r)],
  '"?" present + pitch rise': (r) => [r.hasQ ? 1 : 0, rise(r)],
  '"?" present + logit p("?") + pitch rise': (r) => [r.hasQ ? 1 : 0, logit(r.pQ) / 5, rise(r)],
};
const FOLDS = 5;
const foldOf = new Map(byTranscript.map((g, i) => [g[0]!.transcript_id, i % FOLDS]));
console.log('\n  combinations (logistic, 5-fold CV grouped by transcript): held-out AUC');
for (const [name, features] of Object.entries(combos)) {
  const heldOut = new Map<Row, number>();
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = rows.filter((r) => foldOf.get(r.transcript_id) !== fold);
    const w = fitLogistic(train.map(features), train.map((r) => r.isQuestion));
    // Scored without the intercept: folds' intercepts differ, and pooling their scores would mix rankings.
    const slopes = [...w.slice(0, -1), 0];
    for (const r of rows.filter((x) => foldOf.get(x.transcript_id) === fold)) heldOut.set(r, predictLogistic(slopes, features(r)));
  }
  report(name, rows, byTranscript, (r) => heldOut.get(r)!);
}
