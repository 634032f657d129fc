/**
 * Talk-time evaluation: runs every visit of the evaluation set through the CLI's own code path
 * (`attune analyze --mic … --remote … --json`, called in-process) and scores it against the
 * synthesizer's exact truth.
 *
 *   npm run eval:talk [-- --set DIR] [-- --quiet]
 *
 * Prints per visit the clinician-share error in percentage points and the frame-level F1 of
 * each speaker (10 ms frames, 0.1 s collar around each true boundary), then mean and worst.
 * Exits 1 when a target fails: share error mean ≤ 1.0 pt and worst ≤ 2.5 pt, F1 ≥ 0.97 per
 * speaker (over the pooled frames of the set, and reported per visit).
 * Builds the set first (scripts/talk/make-eval-set.sh) when it is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runAnalyze, type AnalyzeReport } from '../../src/cli/analyze';
import { computeTalkMetrics } from '../../src/core/talk/metrics';
import { countFrames, f1, listVisits, shareErrorPoints, type Counts } from './score';

const TARGET = { meanShareErr: 1.0, worstShareErr: 2.5, f1: 0.97 };

const { values } = parseArgs({ options: { set: { type: 'string', default: '.eval/talk' }, quiet: { type: 'boolean', default: false } } });
const setDir = values.set!;
if (!existsSync(setDir) || listVisits(setDir).length === 0) {
  if (setDir !== '.eval/talk') throw new Error(`no visits in ${setDir}`);
  execFileSync('bash', ['scripts/talk/make-eval-set.sh', setDir], { stdio: 'inherit' });
}
const visits = listVisits(setDir);

const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(`${'visit'.padEnd(12)} ${pad('dur s', 6)} ${pad('true %', 7)} ${pad('pred %', 7)} ${pad('err pt', 7)} ${pad('F1 clin', 8)} ${pad('F1 pat', 8)} ${pad('s', 5)}`);
const metricRows: string[] = [];
const rows: Array<{ name: string; err: number; f1c: number; f1p: number }> = [];
const pooled: Record<'clinician' | 'patient', Counts> = { clinician: { tp: 0, fp: 0, fn: 0 }, patient: { tp: 0, fp: 0, fn: 0 } };
for (const v of visits) {
  const t0 = performance.now();
  let out = '';
  await runAnalyze(['--mic', join(v.dir, 'mic.wav'), '--remote', join(v.dir, 'remote.wav'), '--json'], (s) => (out += s));
  const report = JSON.parse(out) as AnalyzeReport;
  const secs = (performance.now() - t0) / 1000;
  const cc = countFrames(v.truth.clinician, report.segments.clinician, v.truth.duration_s);
  const cp = countFrames(v.truth.patient, report.segments.patient, v.truth.duration_s);
  for (const [k, c] of [['clinician', cc], ['patient', cp]] as const) {
    pooled[k].tp += c.tp;
    pooled[k].fp += c.fp;
    pooled[k].fn += c.fn;
  }
  {
    const tm = computeTalkMetrics({ clinician: v.truth.clinician, patient: v.truth.patient }, v.truth.duration_s);
    const bc = { clinician: 0, patient: 0 };
    for (const t of v.truth.turns) if (t.backchannel) bc[t.speaker as 'clinician' | 'patient']++;
    const f = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(2));
    metricRows.push(
      `${v.name.padEnd(12)} ${pad(`${report.turns}/${tm.turns}`, 8)} ${pad(`${report.interruptions.clinician}/${tm.interruptions.clinician}`, 7)} ${pad(`${report.backchannels.clinician + report.backchannels.patient}/${tm.backchannels.clinician + tm.backchannels.patient}/${bc.clinician + bc.patient}`, 10)} ${pad(`${f(report.clinician_response_latency_s)}/${f(tm.clinicianResponseLatencyS)}`, 10)} ${pad(`${f(report.longest_monologue_s.clinician)}/${f(tm.longestMonologueS.clinician)}`, 12)} ${pad(`${f(report.opening_statement?.duration_s)}/${f(tm.opening?.durationS)}`, 12)}`,
    );
  }
  const err = shareErrorPoints(v.truth, report.clinician_s, report.patient_s);
  const trueShare = v.truth.clinician_share ?? 0;
  rows.push({ name: v.name, err, f1c: f1(cc), f1p: f1(cp) });
  console.log(
    `${v.name.padEnd(12)} ${pad(v.truth.duration_s.toFixed(0), 6)} ${pad((trueShare * 100).toFixed(1), 7)} ${pad(((report.clinician_share ?? 0) * 100).toFixed(1), 7)} ${pad(err.toFixed(2), 7)} ${pad(f1(cc).toFixed(4), 8)} ${pad(f1(cp).toFixed(4), 8)} ${pad(secs.toFixed(1), 5)}` +
      (values.quiet ? '' : `   c fp ${cc.fp} fn ${cc.fn} | p fp ${cp.fp} fn ${cp.fn}`),
  );
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const meanErr = mean(rows.map((r) => r.err));
const worstErr = Math.max(...rows.map((r) => r.err));
const f1c = f1(pooled.clinician);
const f1p = f1(pooled.patient);
console.log('-'.repeat(70));
console.log(`${'mean'.padEnd(12)} ${pad('', 6)} ${pad('', 7)} ${pad('', 7)} ${pad(meanErr.toFixed(2), 7)} ${pad(mean(rows.map((r) => r.f1c)).toFixed(4), 8)} ${pad(mean(rows.map((r) => r.f1p)).toFixed(4), 8)}`);
console.log(`${'worst'.padEnd(12)} ${pad('', 6)} ${pad('', 7)} ${pad('', 7)} ${pad(worstErr.toFixed(2), 7)} ${pad(Math.min(...rows.map((r) => r.f1c)).toFixed(4), 8)} ${pad(Math.min(...rows.map((r) => r.f1p)).toFixed(4), 8)}`);
console.log(`${'pooled F1'.padEnd(12)} ${pad('', 6)} ${pad('', 7)} ${pad('', 7)} ${pad('', 7)} ${pad(f1c.toFixed(4), 8)} ${pad(f1p.toFixed(4), 8)}`);
if (!values.quiet) {
  console.log('\nmetrics, measured/on true intervals (backchannels: measured/true intervals/synthesized)');
  console.log(`${'visit'.padEnd(12)} ${pad('turns', 8)} ${pad('c int', 7)} ${pad('backch', 10)} ${pad('c lat s', 10)} ${pad('c longest s', 12)} ${pad('opening s', 12)}`);
  for (const r of metricRows) console.log(r);
}
const failures = [
  meanErr > TARGET.meanShareErr && `mean share error ${meanErr.toFixed(2)} > ${TARGET.meanShareErr} pt`,
  worstErr > TARGET.worstShareErr && `worst share error ${worstErr.toFixed(2)} > ${TARGET.worstShareErr} pt`,
  f1c < TARGET.f1 && `clinician F1 ${f1c.toFixed(4)} < ${TARGET.f1}`,
  f1p < TARGET.f1 && `patient F1 ${f1p.toFixed(4)} < ${TARGET.f1}`,
].filter(Boolean);
console.log(failures.length ? `FAIL: ${failures.join('; ')}` : `PASS: ${visits.length} visits meet the targets`);
process.exitCode = failures.length ? 1 : 0;
