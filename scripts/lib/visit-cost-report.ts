import { cpuWindows, mean, memoryFigures, percentile } from './cost-stats';
import { demoDialogue } from './long-visit-audio';
import { ALLOCATORS_SHOWN } from './memory-infra';
import { UNCOUNTED_KINDS, type ProcessKind } from './proc-tree';
import type { CallHealth } from './call-health';
import { RETAINED_GAP_MS, type VisitCostRun } from './visit-cost-run';
import { printBrowserThreads, printMappingGrowth } from './visit-cost-where';

/**
 * The printed result of one bench:visit run and its verdicts against the issue's targets
 * (differences against the baseline browser, same run): gaze off ≤ 10% of one core mean and
 * ≤ 300 MB extra peak; gaze on ≤ 18%; end-of-visit memory within 10% of the 2-minute mark (both read
 * after a collection in both browsers, so that garbage awaiting one does not decide it); the
 * face worker ≤ 10 ms per camera frame.
 */
export const TARGETS = { cpuPctGazeOff: 10, cpuPctGazeOn: 18, extraPeakMb: 300, growth: 0.1, gazeMsPerFrame: 10 };

export interface Verdict {
  ok: boolean;
  text: string;
}

const f = (x: number | null | undefined, digits = 1) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits));

function printKinds(run: VisitCostRun, wallS: number): void {
  const kinds = new Set<ProcessKind>([...Object.keys(run.extLast.byKind), ...Object.keys(run.baseLast.byKind)] as ProcessKind[]);
  console.log(`  ${'process kind'.padEnd(20)} ${'CPU ext %'.padStart(10)} ${'base %'.padStart(8)} ${'Pss ext MB'.padStart(11)} ${'base MB'.padStart(8)}`);
  for (const kind of kinds) {
    const name = UNCOUNTED_KINDS.includes(kind) ? `(${kind}, not counted)` : kind;
    const cpu = (which: 'ext' | 'base') => {
      const [a, b] = which === 'ext' ? [run.extFirst, run.extLast] : [run.baseFirst, run.baseLast];
      return (100 * ((b.byKind[kind]?.cpuS ?? 0) - (a.byKind[kind]?.cpuS ?? 0))) / wallS;
    };
    console.log(`  ${name.padEnd(20)} ${f(cpu('ext')).padStart(10)} ${f(cpu('base')).padStart(8)} ${f(run.extLast.byKind[kind]?.pssMb, 0).padStart(11)} ${f(run.baseLast.byKind[kind]?.pssMb, 0).padStart(8)}`);
  }
  printUncounted(run);
  // Where the peak is: the extra memory per kind at the sample with the largest difference (often a transient while models load).
  const extra = run.samples.map((x) => x.ext.pssMb - x.base.pssMb);
  const peak = run.samples[extra.indexOf(Math.max(...extra))]!;
  const atPeak = [...kinds]
    .filter((kind) => !UNCOUNTED_KINDS.includes(kind))
    .map((kind) => [kind, (peak.ext.byKind[kind]?.pssMb ?? 0) - (peak.base.byKind[kind]?.pssMb ?? 0)] as const)
    .filter(([, mb]) => Math.abs(mb) >= 1);
  console.log(`  extra Pss at the peak (${f(peak.atMs / 1000, 0)} s) by kind, MB: ${atPeak.map(([kind, mb]) => `${kind} ${f(mb, 0)}`).join(', ')}`);
  const threads = [...run.extensionThreadsS].filter(([, s]) => s > 0.05).sort((a, b) => b[1] - a[1]);
  console.log(`  extension renderer by thread (% of one core): ${threads.map(([name, s]) => `${name} ${f((100 * s) / wallS)}`).join(', ')}`);
}

/**
 * The kinds left out of the totals: each browser's mean over the visit (is either one the
 * extension's?), and the extra peak as it would be with them counted, so that nothing is hidden.
 */
function printUncounted(run: VisitCostRun): void {
  const uncountedMb = (x: VisitCostRun['samples'][number]['ext']) => UNCOUNTED_KINDS.reduce((s, kind) => s + (x.byKind[kind]?.pssMb ?? 0), 0);
  if (!run.samples.some((x) => uncountedMb(x.ext) + uncountedMb(x.base) > 0)) return;
  const extMean = mean(run.samples.map((x) => uncountedMb(x.ext)));
  const baseMean = mean(run.samples.map((x) => uncountedMb(x.base)));
  const withThem = run.samples.map((x) => x.ext.pssMb + uncountedMb(x.ext) - x.base.pssMb - uncountedMb(x.base));
  const peakAt = withThem.indexOf(Math.max(...withThem));
  console.log(
    `  not counted (${UNCOUNTED_KINDS.join(', ')}): mean Pss over the visit, extension browser ${f(extMean, 0)} MB, baseline ${f(baseMean, 0)} MB; ` +
      `with it counted the extra peak would be ${f(withThem[peakAt], 0)} MB (at ${f(run.samples[peakAt]!.atMs / 1000, 0)} s)`,
  );
}

/** A long visit's extra memory every 10 minutes: flat, or creeping up? (One sample can sit on a transient; the series shows which.) */
function printMemorySeries(run: VisitCostRun, wallS: number): void {
  const marks = [2, ...Array.from({ length: Math.floor(wallS / 600) }, (_, k) => 10 * (k + 1))];
  const near = (min: number) => run.samples.reduce((best, x) => (Math.abs(x.atMs - min * 60_000) < Math.abs(best.atMs - min * 60_000) ? x : best));
  const cells = marks.map((min) => {
    const x = near(min);
    return `${min} min ${f(x.ext.pssMb - x.base.pssMb, 0)}`;
  });
  console.log(`  extra memory over the visit, MB: ${cells.join(', ')}`);
}

/**
 * The extension renderer by allocator as the collecting dumps counted it (after their collection),
 * 2 min → end: a heap that holds more here keeps something; a failed collection is named, since
 * its browser's figure is then raw.
 */
function printRetainedAllocators(run: VisitCostRun): void {
  const kept = run.retainedExtraMb;
  for (const failure of kept.failedCollections) console.log(`  (the forced collection failed, ${failure}: that browser's figure above is raw)`);
  const [at2, end] = [kept.rendererAllocatorsAt2Min, kept.rendererAllocatorsEnd];
  if (!at2 || at2.size === 0 || end.size === 0) return;
  const names = ALLOCATORS_SHOWN.filter((name) => (at2.get(name) ?? 0) >= 0.5 || (end.get(name) ?? 0) >= 0.5);
  console.log(`  extension renderer after the collection, MB, 2 min → end: ${names.map((n) => `${n} ${f(at2.get(n), 1)} → ${f(end.get(n), 1)}`).join('; ')}`);
}

/** The extension renderer by allocator over the visit: which of Chromium's allocators holds what the Pss shows. */
function printAllocators(run: VisitCostRun): void {
  const dumps = run.rendererAllocatorsMb;
  if (dumps.length === 0) return;
  const names = ALLOCATORS_SHOWN.filter((name) => dumps.some((d) => (d.mb.get(name) ?? 0) >= 0.5));
  console.log(`  extension renderer by allocator, MB (Chromium's memory-infra, garbage included) at ${dumps.map((d) => `${f(d.atMs / 60_000, 0)}`).join(' / ')} min:`);
  for (const name of names) console.log(`    ${name.padEnd(42)} ${dumps.map((d) => f(d.mb.get(name), 1).padStart(6)).join(' ')}`);
}

/** The call's own health in each browser: does it stutter with the extension beside it? */
function printCallHealth(run: VisitCostRun): void {
  const line = (h: CallHealth | null) =>
    h
      ? `audio concealed ${f(h.audioConcealedPct, 2)}%, stretched ${f(h.audioStretchedPct, 2)}%, synthesized at playout ${f(h.audioSynthesizedMs, 0)} ms (${f(h.audioSynthesizedEvents, 0)} times); video ${f(h.videoFramesEncoded, 0)} frames encoded, ${f(h.videoEncodeMsPerFrame)} ms each, held back for CPU ${f(h.videoCpuLimitedS, 0)} s, ${f(h.videoFramesDropped, 0)} dropped and ${f(h.videoFreezes, 0)} freezes at the receiver`
      : 'no statistics';
  console.log(`  the call itself (its WebRTC statistics over the visit): with the extension ${line(run.call.ext)}`);
  console.log(`    without it ${line(run.call.base)}`);
  const gaps = run.callGapsDuringCollections;
  console.log(`    of the playout's synthesized audio, during the bench's forced collections (every retained-memory mark): with the extension ${f(gaps.ext.ms, 0)} ms (${gaps.ext.events} times), without ${f(gaps.base.ms, 0)} ms (${gaps.base.events} times)`);
  const p = run.playback;
  if (p)
    console.log(
      `  what the clinician hears (Attune's playback of the captured tab, from the start of coaching): the output found nothing to play ${f(p.underrunMs, 0)} ms (${f(p.underrunEvents, 0)} times) in ${f(p.playedMs / 60_000)} min; output latency ${f(p.outputLatencyMs)} ms (max ${f(p.maxOutputLatencyMs)}); the capture left ${f(p.captureUndeliveredMs, 0)} ms undelivered, its latency ${f(p.captureLatencyMs)} ms`,
    );
}

/** Which destinations one browser's refused requests were for, most tried first. */
function printAttempts(browser: string, attempts: readonly string[]): void {
  const byDestination = new Map<string, number>();
  for (const a of attempts) byDestination.set(a, (byDestination.get(a) ?? 0) + 1);
  for (const [destination, n] of [...byDestination].sort((x, y) => y[1] - x[1])) console.log(`    refused, ${browser}: ${destination} ×${n}`);
}

export function printVisitCost(run: VisitCostRun, o: { gaze: boolean; minutes: number; loadAverage: [number, number] }): Verdict[] {
  const windows = cpuWindows(run.samples);
  const extra = windows.map((w) => w.extraPct);
  const mem = memoryFigures(run.samples);
  const wallS = run.samples[run.samples.length - 1]!.atMs / 1000;
  const lastHeap = run.heapsMb[run.heapsMb.length - 1];
  const firstHeap = run.heapsMb.find((h) => h.atMs >= 120_000) ?? run.heapsMb[0];
  const speech = run.speech;
  const label = speech?.labelLatencyMs ?? [];
  console.log(`gaze ${o.gaze ? 'on' : 'off'}, ${f(wallS / 60)} min sampled; load average (1 min) ${f(o.loadAverage[0], 2)} at start, ${f(o.loadAverage[1], 2)} at end`);
  console.log(`  CPU, % of one core over ${windows.length} windows of 10 s (none spans the bench's collections): extension browser mean ${f(mean(windows.map((w) => w.extPct)))}, baseline ${f(mean(windows.map((w) => w.basePct)))}; extra mean ${f(mean(extra))}, p95 ${f(percentile(extra, 0.95))}`);
  console.log(
    `  memory (Pss of all processes): extension browser peak ${f(mem.extPeakMb, 0)} MB, baseline ${f(mem.basePeakMb, 0)} MB; extra peak ${f(mem.peakExtraMb, 0)} MB (at ${f(mem.peakAtS, 0)} s), at 2 min ${f(mem.extraAt2MinMb, 0)} MB, at the end ${f(mem.endExtraMb, 0)} MB (growth ${mem.growth === null ? '—' : `${f(100 * mem.growth)}%`})`,
  );
  const kept = run.retainedExtraMb;
  const keptGrowth = kept.at2Min ? kept.end / kept.at2Min - 1 : null;
  console.log(
    `  memory after a collection in both browsers (garbage freed; the least of ${kept.readingsEnd.length} readings, ${RETAINED_GAP_MS / 1000} s apart): extra at 2 min ${f(kept.at2Min, 0)} MB, at the end ${f(kept.end, 0)} MB (growth ${keptGrowth === null ? '—' : `${f(100 * keptGrowth)}%`}); extension renderer ${f(kept.extensionRendererAt2Min, 0)} → ${f(kept.extensionRendererEnd, 0)} MB; every reading: ${(kept.readingsAt2Min ?? []).map((x) => f(x, 0)).join(' / ')} → ${kept.readingsEnd.map((x) => f(x, 0)).join(' / ')}`,
  );
  if (kept.curve.length > 2) console.log(`  after a collection, minute by minute (extra MB; extension renderer MB): ${kept.curve.map((m) => `${f(m.atMs / 60_000, 0)} min ${f(m.extraMb, 0)} (${f(m.extensionRendererMb, 0)})`).join(', ')}`);
  printRetainedAllocators(run);
  printMappingGrowth(run);
  if (wallS >= 30 * 60) printMemorySeries(run, wallS);
  if (firstHeap && lastHeap) console.log(`  JS heap MB (2 min → end): offscreen document ${f(firstHeap.offscreen)} → ${f(lastHeap.offscreen)}; call tab with extension ${f(firstHeap.extTab)} → ${f(lastHeap.extTab)}, without ${f(firstHeap.baseTab)} → ${f(lastHeap.baseTab)}`);
  printCallHealth(run);
  printKinds(run, wallS);
  printBrowserThreads(run, wallS);
  printAllocators(run);
  console.log(`  panel update latency (patient starts → panel shows it), ms: median ${f(percentile(run.panelLatencyMs, 0.5), 0)}, p95 ${f(percentile(run.panelLatencyMs, 0.95), 0)} over ${run.panelLatencyMs.length}, missed ${run.panelMissed}${run.panelLatencyWithinMin ? ` (the first ${run.panelLatencyWithinMin} min: the two loops drift apart after)` : ''}`);
  console.log(
    `  label latency (utterance ends → label in the engine; sent to the panel at once), ms: median ${f(percentile(label, 0.5), 0)}, p95 ${f(percentile(label, 0.95), 0)}, max ${f(Math.max(...label), 0)} over ${label.length}; transcription real-time factor ${speech ? f(speech.transcribeS / speech.audioS, 3) : '—'}`,
  );
  const g = run.gazeStats;
  // The face worker is the second dedicated worker the engine host starts; its thread's CPU time per frame holds on a busy machine, where wall time does not.
  const faceCpuMs = g && run.extensionThreadsS.has('DedicatedWorker 2') ? (1000 * run.extensionThreadsS.get('DedicatedWorker 2')!) / g.frames : null;
  if (o.gaze)
    console.log(
      `  face worker: ${g ? `CPU ${f(faceCpuMs)} ms per camera frame (its thread), wall ${f(g.workMsPerFrame)} ms, over ${g.frames} frames (${f(g.frames / wallS)} fps), landmarker on ${f((100 * g.landmarkedFrames) / g.frames, 0)}%` : 'no report (gaze did not run)'}`,
    );
  const dialogue = demoDialogue();
  const cycles = Math.max(1, Math.floor(wallS / dialogue.durationS));
  console.log(`  panel counts: open ${run.counts.open}, closed ${run.counts.closed}, reflections ${run.counts.reflections} (script: ${dialogue.open} / ${dialogue.closed} / ${dialogue.reflections} per ${Math.round(dialogue.durationS)} s cycle, ${cycles} full cycles); requests beyond this machine: extension's browser ${run.networkAttempts.ext.length}, baseline ${run.networkAttempts.base.length}`);
  printAttempts('extension browser', run.networkAttempts.ext);
  printAttempts('baseline browser', run.networkAttempts.base);

  const cpuTarget = o.gaze ? TARGETS.cpuPctGazeOn : TARGETS.cpuPctGazeOff;
  const mode = `gaze ${o.gaze ? 'on' : 'off'}`;
  const verdicts: Verdict[] = [
    { ok: mean(extra) <= cpuTarget, text: `${mode} extra CPU ${f(mean(extra))}% ≤ ${cpuTarget}%` },
    { ok: mem.peakExtraMb <= TARGETS.extraPeakMb, text: `${mode} extra peak ${f(mem.peakExtraMb, 0)} MB ≤ ${TARGETS.extraPeakMb} MB` },
  ];
  // Growth is judged on what is held after a collection: the garbage between collections comes and goes.
  if (keptGrowth !== null) verdicts.push({ ok: keptGrowth <= TARGETS.growth, text: `${mode} retained growth 2 min → end ${f(100 * keptGrowth)}% ≤ ${100 * TARGETS.growth}%` });
  if (o.gaze && faceCpuMs !== null) verdicts.push({ ok: faceCpuMs <= TARGETS.gazeMsPerFrame, text: `face worker ${f(faceCpuMs)} CPU ms/frame ≤ ${TARGETS.gazeMsPerFrame}` });
  return verdicts;
}
