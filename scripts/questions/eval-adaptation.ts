/**
 * Does correcting labels teach? A simulation of the clinician's adaptation layer
 * (src/core/questions/adaptation.ts) on AnnoMI, where each transcript was coded by one annotator:
 * an annotator plays a clinician whose visits are their transcripts, in transcript-id order.
 *
 *   npm run eval:adaptation -- ../shared/data/annomi-dev.jsonl [--probs cache.json]
 *
 * 1. Leave one clinician out: the classifier is retrained (scripts/questions/trainer.ts, the
 *    shipped settings) without any of that annotator's transcripts, so the base model has never
 *    seen this clinician; its class probabilities for the clinician's utterances are the input.
 * 2. Per clinician (annotators with ≥ 2 transcripts), adaptation-sim.ts: before each visit the
 *    layer is fitted on the corrections of the earlier visits; the clinician then reviews the
 *    k least-confident labels: corrects the wrong ones and confirms the right ones (the review
 *    step's Confirm; also without it, and with confirmations teaching the layer, for comparison).
 *    Scored as the summary shows it (expected counts, reviewed labels in full): every visit after
 *    the first with ≥ 4 gold questions, before its own review (the layer's effect), and after it.
 * 3. The layer's one setting (its L2) is chosen for each clinician on the other
 *    clinicians (nested), so the headline table is not tuned on what it scores; the grid is printed too.
 *
 * `--probs file` caches step 1 (written when missing, read when present; ~10 trainings otherwise).
 * Exit 2 when the data file is missing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { classifyWithModel } from '../../src/core/questions/classify';
import { DEFAULT_FIT, fitAdaptation, toLogProbs, type FitOptions } from '../../src/core/questions/adaptation';
import { loadExamples, underCondition, type Condition, type Example } from './data';
import { mean, quantile, simulateClinician, type ConfirmMode, type SimVisit, type SimVisitResult } from './adaptation-sim';
import { train } from './trainer';

/** Moonshine writes punctuated text and the extension never hears the patient: the product's text condition; and ASR-style text. */
const SIM_CONDITIONS: readonly Condition[] = ['punctuated_no_context', 'unpunctuated_no_context'];
const KS = [0, 3, 5] as const;
const GRID: readonly Partial<FitOptions>[] = [1, 4, 16].map((l2) => ({ l2 }));

type Clinicians = Record<string, Record<string, SimVisit[]>>; // annotator → condition → visits

function byTranscript(examples: readonly Example[]): Map<number, Example[]> {
  const m = new Map<number, Example[]>();
  for (const e of examples) m.set(e.transcriptId, [...(m.get(e.transcriptId) ?? []), e]);
  return new Map([...m.entries()].sort((a, b) => a[0] - b[0]));
}

function baseProbabilities(examples: readonly Example[]): Clinicians {
  const annotators = [...new Set(examples.map((e) => e.annotator))].filter(
    (a) => a !== 'majority' && new Set(examples.filter((e) => e.annotator === a).map((e) => e.transcriptId)).size >= 2,
  );
  const out: Clinicians = {};
  for (const a of annotators.sort()) {
    const t0 = performance.now();
    const model = train(examples.filter((e) => e.annotator !== a));
    out[a] = {};
    for (const c of SIM_CONDITIONS) {
      out[a][c] = [...byTranscript(examples.filter((e) => e.annotator === a)).values()].map((visit) =>
        visit.map((e) => {
          const x = underCondition(e, c);
          return { logProbs: toLogProbs(classifyWithModel({ text: x.text, prevText: x.prevText }, model).probabilities), gold: e.label };
        }),
      );
    }
    console.error(`  clinician ${a}: base model trained without them in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  return out;
}

type Results = Record<string, SimVisitResult[]>; // annotator → later visits
/** The product's review first ('counts'), then the two alternatives it is compared with. */
const MODES: readonly ConfirmMode[] = ['counts', 'none', 'teaches'];
const MODE_TEXT: Record<ConfirmMode, string> = {
  counts: 'right ones confirmed (shipped)',
  none: 'right ones left alone',
  teaches: 'right ones confirmed and teaching the layer',
};
const run = (clin: Clinicians, c: Condition, k: number, fit: Partial<FitOptions>, mode: ConfirmMode = 'counts'): Results =>
  Object.fromEntries(Object.entries(clin).map(([a, conds]) => [a, simulateClinician(conds[c] as SimVisit[], k, fit, mode)]));

/** Mean later-visit error over clinicians' visits (open share in points + 10 × R:Q: both matter, on comparable scales). */
const loss = (rs: readonly SimVisitResult[]): number => mean(rs.map((r) => r.adapted.openSharePts + 10 * r.adapted.rq));

/** For each clinician, the grid setting that does best at k on all the other clinicians; their later visits under it. */
function nested(clin: Clinicians, c: Condition, k: number, mode: ConfirmMode): { results: SimVisitResult[]; picks: string[] } {
  const grid = GRID.map((fit) => run(clin, c, k, fit, mode));
  const results: SimVisitResult[] = [];
  const picks: string[] = [];
  for (const a of Object.keys(clin)) {
    const others = (g: Results) => Object.entries(g).flatMap(([b, rs]) => (b === a ? [] : rs));
    let best = 0;
    grid.forEach((g, i) => {
      if (loss(others(g)) < loss(others(grid[best] as Results))) best = i;
    });
    results.push(...((grid[best] as Results)[a] as SimVisitResult[]));
    picks.push(`${a}:${JSON.stringify(GRID[best])}`);
  }
  return { results, picks };
}

const f1 = (x: number): string => x.toFixed(1);
const f2 = (x: number): string => x.toFixed(2);

function row(label: string, rs: readonly SimVisitResult[], base: readonly SimVisitResult[]): string {
  const o = rs.map((r) => r.adapted.openSharePts);
  const q = rs.map((r) => r.adapted.rq);
  const oo = rs.map((r) => r.afterOwnReview.openSharePts);
  const oq = rs.map((r) => r.afterOwnReview.rq);
  const fixed = (now: number[], before: number[]) => `${(100 * (1 - mean(now) / mean(before))).toFixed(0)} %`;
  const bo = base.map((r) => r.adapted.openSharePts);
  const bq = base.map((r) => r.adapted.rq);
  return `| ${label} | ${f1(quantile(o, 0.5))} / ${f1(quantile(o, 0.9))} | ${f2(quantile(q, 0.5))} / ${f2(quantile(q, 0.9))} | ${fixed(o, bo)} / ${fixed(q, bq)} | ${f1(quantile(oo, 0.5))} / ${f1(quantile(oo, 0.9))} | ${f2(quantile(oq, 0.5))} / ${f2(quantile(oq, 0.9))} | ${fixed(oo, bo)} / ${fixed(oq, bq)} |`;
}

function report(clin: Clinicians): void {
  for (const c of SIM_CONDITIONS) {
    const base = run(clin, c, 0, DEFAULT_FIT);
    const baseAll = Object.values(base).flat();
    console.log(`\n### ${c}: ${baseAll.length} later visits of ${Object.keys(clin).length} clinicians (annotators)`);
    console.log('Expected counts as the summary shows them. Open share error in points and R:Q error, median / p90 over later visits; "fixed" = share of the mean error removed vs k = 0.');
    console.log('| k labels reviewed per visit | layer only: open share | layer only: R:Q | layer only: fixed | + own review: open share | + own review: R:Q | + own review: fixed |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    const picksByK: string[] = [];
    for (const mode of MODES) {
      for (const k of mode === 'counts' ? KS : KS.filter((x) => x > 0)) {
        const { results, picks } = nested(clin, c, k, mode);
        console.log(row(`${k}, ${MODE_TEXT[mode]} (nested choice of setting)`, results, baseAll));
        if (k > 0) picksByK.push(`${mode} k=${k}: ${picks.join(' ')}`);
      }
    }
    console.log(`settings chosen on the other clinicians: ${picksByK.join('; ')}`);
    for (const mode of MODES) {
      for (const k of [3, 5]) console.log(row(`${k}, ${MODE_TEXT[mode]} (setting ${JSON.stringify(DEFAULT_FIT)})`, Object.values(run(clin, c, k, DEFAULT_FIT, mode)).flat(), baseAll));
    }
    console.log('\nGrid (every clinician under one setting; for reading, not for choosing):');
    console.log('| setting | k | layer only: open share | layer only: R:Q | fixed | + own review: open share | + own review: R:Q | fixed |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const fit of GRID) for (const k of [3, 5]) console.log(row(`${JSON.stringify(fit)} | ${k}`, Object.values(run(clin, c, k, fit)).flat(), baseAll));
    console.log('\nPer clinician, default setting, k = 5 (mean later-visit open-share error before its own review, points: k = 0 → 5 with corrections teaching → 5 with confirmations teaching too; visits):');
    const k5 = run(clin, c, 5, DEFAULT_FIT, 'counts');
    const k5t = run(clin, c, 5, DEFAULT_FIT, 'teaches');
    const meanOpen = (rs: readonly SimVisitResult[]) => f1(mean(rs.map((x) => x.adapted.openSharePts)));
    for (const a of Object.keys(clin)) {
      const b = base[a] as SimVisitResult[];
      if (b.length) console.log(`  ${a}: ${meanOpen(b)} → ${meanOpen(k5[a] as SimVisitResult[])} → ${meanOpen(k5t[a] as SimVisitResult[])} (${b.length})`);
    }
  }
}

function fitSpeed(clin: Clinicians): void {
  const all = Object.values(clin).flatMap((x) => (x[SIM_CONDITIONS[0] as string] as SimVisit[]).flat());
  const corrections = all.slice(0, 300).map((u) => ({ logProbs: u.logProbs, target: u.gold }));
  const t0 = performance.now();
  for (let i = 0; i < 10; i++) fitAdaptation(corrections);
  console.log(`\nfit time: ${((performance.now() - t0) / 10).toFixed(2)} ms for ${corrections.length} corrections (at most ${DEFAULT_FIT.steps} Newton steps)`);
}

const args = process.argv.slice(2);
const cacheAt = args.indexOf('--probs');
const cache = cacheAt >= 0 ? args[cacheAt + 1] : undefined;
const path = args.find((a, i) => !a.startsWith('--') && (cacheAt < 0 || i !== cacheAt + 1));
if (path === undefined || !existsSync(path)) {
  console.error(`eval:adaptation: data file not found: ${path ?? '(none given)'} (usage: npm run eval:adaptation -- <annomi.jsonl> [--probs cache.json])`);
  process.exit(2);
}
let clin: Clinicians;
if (cache !== undefined && existsSync(cache)) clin = JSON.parse(readFileSync(cache, 'utf8')) as Clinicians;
else {
  console.error('training one base model per clinician (leave that clinician out) …');
  clin = baseProbabilities(loadExamples(path));
  if (cache !== undefined) writeFileSync(cache, JSON.stringify(clin));
}
console.log(`## Corrections teach: simulated clinicians (${path}); default layer setting ${JSON.stringify(DEFAULT_FIT)}`);
report(clin);
fitSpeed(clin);
