/**
 * Tables of the issue-13 evaluation, printed as Markdown from cross-validated predictions
 * (cv.ts): visit-level share and R:Q errors, consensus F1 with a bootstrap interval,
 * single-annotator F1 beside the human coder-vs-coder figures, and calibration.
 */
import { UTTERANCE_LABELS, type UtteranceLabel } from '../../src/core/questions/labels';
import { againstGold, oneAgainstRest, type Votes } from './agreement';
import { applyCalibration, IDENTITY } from './calibrate';
import type { CalibrationKind, FittedCalibrations, HeldOut } from './cv';
import {
  argmaxLabel,
  calibration,
  consensusF1Interval,
  consensusScores,
  countsByVisit,
  quantile,
  sampledCoderVisitErrors,
  visitErrors,
  type CountMode,
  type ScoredUtterance,
} from './metrics';
import { simulateReview, type ReviewPolicy } from './review-sim';

export const TARGETS = { shareMedianPts: 7, shareP90Pts: 20, rqMedian: 0.15, consensusF1: 0.85 };

const fmt = (x: number, d = 3): string => (Number.isFinite(x) ? x.toFixed(d) : '–');

/** Held-out utterances of one view with (optionally calibrated) probabilities. */
export function scored(heldOut: readonly HeldOut[], view: string, kind: CalibrationKind, cals: readonly FittedCalibrations[]): ScoredUtterance[] {
  const out: ScoredUtterance[] = [];
  for (const h of heldOut) {
    const p = h.probs[view];
    if (p === undefined) continue;
    const cal = kind === 'none' ? IDENTITY(p.length) : (cals[h.fold] as FittedCalibrations)[kind];
    out.push({ visitId: h.example.transcriptId, gold: h.example.label, probs: applyCalibration(p, cal) });
  }
  return out;
}

export interface VisitSummary {
  visits: number;
  shareMedian: number;
  shareP90: number;
  rqMedian: number;
  rqP90: number;
}

export function visitSummary(rows: readonly ScoredUtterance[], mode: CountMode, onlyVisits?: ReadonlySet<number>, minGoldQuestions = 4): VisitSummary {
  const byVisit = countsByVisit(rows, mode);
  if (onlyVisits !== undefined) for (const id of [...byVisit.keys()]) if (!onlyVisits.has(id)) byVisit.delete(id);
  const e = visitErrors(byVisit.values(), minGoldQuestions);
  return {
    visits: e.visits,
    shareMedian: quantile(e.shareErrorPts, 0.5),
    shareP90: quantile(e.shareErrorPts, 0.9),
    rqMedian: quantile(e.rqError, 0.5),
    rqP90: quantile(e.rqError, 0.9),
  };
}

export function visitHeader(): void {
  console.log('| view | calibration | counts | visits | open share error median (pts) | p90 (pts) | R:Q error median | R:Q p90 | targets (7 / 20 / 0.15) |');
  console.log('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');
}

export function visitRow(view: string, kind: string, mode: CountMode, s: VisitSummary): void {
  const pass = [s.shareMedian <= TARGETS.shareMedianPts, s.shareP90 <= TARGETS.shareP90Pts, s.rqMedian <= TARGETS.rqMedian].map((b) => (b ? 'pass' : 'FAIL'));
  console.log(
    `| ${view} | ${kind} | ${mode} | ${s.visits} | ${fmt(s.shareMedian, 1)} | ${fmt(s.shareP90, 1)} | ${fmt(s.rqMedian, 2)} | ${fmt(s.rqP90, 2)} | ${pass.join(' / ')} |`,
  );
}

/** Consensus F1 (majority of all coders) with a 90 % bootstrap interval, and the single coder's figure against the others. */
export function consensusTable(heldOut: readonly HeldOut[], views: readonly string[], kind: CalibrationKind, cals: readonly FittedCalibrations[]): void {
  const multi = heldOut.filter((h) => h.example.votes !== undefined);
  if (multi.length === 0) {
    console.log('no multi-coded utterances in the data: consensus not measured');
    return;
  }
  const byMajority = Object.fromEntries(
    UTTERANCE_LABELS.map((l) => [l, multi.filter((h) => argmaxLabel(UTTERANCE_LABELS.map((x) => (h.example.votes as Votes)[x] ?? 0)) === l).length]),
  );
  console.log(`${multi.length} multi-coded therapist utterances; majority label counts ${JSON.stringify(byMajority)}. F1 [90 % bootstrap interval]:`);
  console.log(`| who | ${UTTERANCE_LABELS.join(' | ')} |`);
  console.log(`| --- |${UTTERANCE_LABELS.map(() => ' ---: |').join('')}`);
  const experts = oneAgainstRest(multi.map((h) => h.example.votes as Votes));
  console.log(`| one coder vs the majority of the others | ${UTTERANCE_LABELS.map((l) => fmt(experts[l].f1)).join(' | ')} |`);
  for (const view of views) {
    const withView = multi.filter((h) => h.probs[view] !== undefined);
    if (withView.length === 0) continue;
    const rows = scored(withView, view, kind, cals);
    const items = rows.map((r, i) => ({ votes: (withView[i] as HeldOut).example.votes as Votes, predicted: argmaxLabel(r.probs) }));
    const s = consensusScores(items);
    const ci = consensusF1Interval(items);
    const cell = (l: UtteranceLabel): string => `${fmt(s[l].f1)} [${fmt(ci[l][0], 2)}–${fmt(ci[l][1], 2)}]`;
    console.log(`| classifier, ${view} (${rows.length} utt.) | ${UTTERANCE_LABELS.map(cell).join(' | ')} |`);
  }
}

/** Per-class F1 against the single annotator of each transcript. */
export function singleTable(heldOut: readonly HeldOut[], views: readonly string[], kind: CalibrationKind, cals: readonly FittedCalibrations[]): void {
  console.log('| view | utterances | open F1 | closed F1 | reflection F1 | other F1 | accuracy |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const view of views) {
    const rows = scored(heldOut, view, kind, cals);
    const pairs = rows.map((r) => ({ gold: r.gold, predicted: argmaxLabel(r.probs) }));
    const s = againstGold(pairs);
    const acc = pairs.filter((p) => p.gold === p.predicted).length / Math.max(1, pairs.length);
    console.log(`| ${view} | ${rows.length} | ${UTTERANCE_LABELS.map((l) => fmt(s[l].f1)).join(' | ')} | ${fmt(acc)} |`);
  }
}

/** ECE of the label confidence (probability of the chosen label) per view and calibration. */
export function calibrationTable(heldOut: readonly HeldOut[], views: readonly string[], kinds: readonly CalibrationKind[], cals: readonly FittedCalibrations[]): void {
  console.log(`| view | ${kinds.map((k) => `ECE, ${k}`).join(' | ')} |`);
  console.log(`| --- |${kinds.map(() => ' ---: |').join('')}`);
  for (const view of views) {
    const cells = kinds.map((k) => {
      const rows = scored(heldOut, view, k, cals);
      return fmt(calibration(rows.map((r) => ({ confidence: Math.max(...r.probs), correct: argmaxLabel(r.probs) === r.gold }))).ece);
    });
    console.log(`| ${view} | ${cells.join(' | ')} |`);
  }
}

export function reliabilityTable(rows: readonly ScoredUtterance[]): void {
  const { table } = calibration(rows.map((r) => ({ confidence: Math.max(...r.probs), correct: argmaxLabel(r.probs) === r.gold })), 5);
  console.log('| confidence | utterances | mean confidence | share correct |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const b of table) console.log(`| ${fmt(b.lo, 1)}–${fmt(b.hi, 1)} | ${b.n} | ${fmt(b.meanConfidence)} | ${fmt(b.accuracy)} |`);
}

/**
 * The human ceiling at visit level on the visits coded by all coders: a single coder's error
 * against the majority (sampledCoderVisitErrors) beside the classifier's on the same visits.
 */
export function humanVisitCeiling(heldOut: readonly HeldOut[], view: string, kind: CalibrationKind, mode: CountMode, cals: readonly FittedCalibrations[]): void {
  const byVisit = new Map<number, HeldOut[]>();
  for (const h of heldOut) if (h.example.votes !== undefined) byVisit.set(h.example.transcriptId, [...(byVisit.get(h.example.transcriptId) ?? []), h]);
  if (byVisit.size === 0) return;
  const human = sampledCoderVisitErrors([...byVisit.values()].map((hs) => hs.map((h) => h.example.votes as Votes)));
  console.log(`| visit | gold questions | one coder vs majority: share error (pts) | R:Q error | classifier (${view}, ${kind}, ${mode}): share error | R:Q error |`);
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  [...byVisit.entries()].forEach(([id, hs], i) => {
    const c = visitErrors(countsByVisit(scored(hs, view, kind, cals), mode).values(), 0);
    const q = hs.filter((h) => h.example.label === 'open_question' || h.example.label === 'closed_question').length;
    const hu = human[i] as { sharePts: number; rq: number };
    console.log(`| ${id} | ${q} | ${fmt(hu.sharePts, 1)} | ${fmt(hu.rq, 2)} | ${fmt(c.shareErrorPts[0] ?? NaN, 1)} | ${fmt(c.rqError[0] ?? NaN, 2)} |`);
  });
}

/**
 * The review simulation (review-sim.ts) per view: visit-level error after reviewing the labels
 * under each cut-off or the k least confident, and how much mean error each reviewed label and
 * each correction removes against no review.
 */
export function reviewTable(rows: readonly ScoredUtterance[], view: string, mode: CountMode, policies: readonly ReviewPolicy[]): void {
  const base = simulateReview(rows, { leastConfident: 0 }, mode);
  console.log(`\n${view} (${base.visits} visits, ${mode} counts):`);
  console.log('| review | labels reviewed / visit | corrected / visit | share err median | mean | p90 | R:Q err median | mean | share pts fixed per reviewed label | per correction | R:Q fixed per reviewed label |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const policy of [{ leastConfident: 0 }, ...policies]) {
    const o = simulateReview(rows, policy, mode);
    const name =
      policy.leastConfident === 0
        ? 'none'
        : [
            policy.leastConfident !== undefined && `the ${policy.leastConfident} least confident`,
            policy.below !== undefined && `confidence < ${policy.below}`,
            policy.confirm && 'right ones confirmed',
          ]
            .filter(Boolean)
            .join(', ');
    const per = (gain: number, n: number, d = 2) => (n > 0 ? fmt(gain / n, d) : '–');
    console.log(
      `| ${name} | ${fmt(o.reviewedPerVisit, 1)} | ${fmt(o.correctedPerVisit, 1)} | ${fmt(o.shareMedianPts, 1)} | ${fmt(o.shareMeanPts, 1)} | ${fmt(o.shareP90Pts, 1)} | ${fmt(o.rqMedian, 2)} | ${fmt(o.rqMean, 2)} | ` +
        `${per(base.shareMeanPts - o.shareMeanPts, o.reviewedPerVisit)} | ${per(base.shareMeanPts - o.shareMeanPts, o.correctedPerVisit)} | ${per(base.rqMean - o.rqMean, o.reviewedPerVisit, 4)} |`,
    );
  }
}
