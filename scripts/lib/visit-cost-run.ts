import type { Page } from 'playwright-core';
import { callHealth, type CallHealth, type CallStatsReading } from './call-health';
import { attachToTarget, loggedReport, type TargetSession } from './cdp-target';
import { launchChromium, type AttuneBrowser } from './chromium';
import { forceCollection, readAllocatorsMb, type AllocatorMb } from './memory-infra';
import type { PairedSample } from './cost-stats';
import { startDemoServer } from './demo-server';
import type { LongVisitAudio } from './long-visit-audio';
import { startNetworkGuard } from './network-guard';
import { readProcessTree } from './proc-tree';
import { readSmaps, type Mapping } from './smaps';
import { threadCpuS, threadsOf } from './thread-cpu';
import { changeLatenciesMs, LOOPED_LATENCY_MIN, readSpeakingChanges, recordSpeakingChanges, timedTakeovers } from './speaker-latency';
import { createTreeSampler, type TreeSample } from './tree-sampler';
import type { PlaybackHealth } from '../../src/adapters/audio/playback-health';
import { warmUpVisit } from './visit-warm-up';
import { alignScriptWithMicrophone, grantMicrophone, hangUp, joinCall, openDemoVisit, panel, readQuestionCounts, startFromPanel, startFromToolbar } from './visit-flow';

/**
 * One coached demo visit in a browser with the extension and, at the same time, the same call
 * in a browser without it (the baseline): both process trees sampled together from /proc, the
 * JS heaps of the offscreen document and of each call tab from DevTools, and what the extension
 * itself reports at the end (speech label latency, the face worker's time per frame).
 */
export interface VisitCostOptions {
  extensionDir: string;
  audio: LongVisitAudio;
  /** The fake camera's clip (y4m); gaze is switched on in the options page when `gaze`. */
  cameraClip: string;
  gaze: boolean;
  minutes: number;
  sampleMs: number;
  /**
   * Seconds of a first, unmeasured coached visit in the extension's browser before the measured
   * one (0: none). Chromium keeps the optimised machine code of a WebAssembly module it has
   * compiled in the profile's code cache, so only a clinician's first visit after installing
   * (or updating) Attune compiles onnxruntime's and MediaPipe's code; this measures the others.
   */
  warmUpS: number;
  /** The call page opens the clinician's camera and microphone, as a real call does, in both browsers (default); false: the bare demo call. */
  callMedia: boolean;
  /**
   * How coaching starts: from the toolbar (tab capture of the call, played back to the clinician
   * by the offscreen document) or from the panel (the page's remote tracks tapped, no capture).
   */
  start: 'toolbar' | 'panel';
  log(line: string): void;
}

/** A paired sample with both trees' figures per process kind. */
export type KindedSample = PairedSample & { ext: TreeSample; base: TreeSample };

export interface VisitCostRun {
  samples: KindedSample[];
  extLast: TreeSample;
  baseLast: TreeSample;
  baseFirst: TreeSample;
  extFirst: TreeSample;
  heapsMb: Array<{ atMs: number; offscreen: number; extTab: number; baseTab: number }>;
  /**
   * Extra memory after every process of both browsers collected its garbage (a simulated critical
   * memory pressure, then a forced collection in every isolate), at the 2-minute mark and at the
   * end: what the extension holds, without the garbage V8 lets pile up between collections (it
   * collects its old generation, and frees ArrayBuffer contents, only when each passes a limit),
   * whose amount at any one sample is chance. Each mark is the least of three readings (leastRetained).
   */
  retainedExtraMb: {
    at2Min: number | null;
    end: number;
    extensionRendererAt2Min: number | null;
    extensionRendererEnd: number;
    /** The extension renderer's allocators in the collecting dump itself (after its collection). */
    rendererAllocatorsAt2Min: AllocatorMb | null;
    rendererAllocatorsEnd: AllocatorMb;
    /** The extension renderer's mappings (/proc smaps) after the collection: what grew outside the allocators. */
    rendererMappingsAt2Min: Mapping[] | null;
    rendererMappingsEnd: Mapping[];
    /** Every reading's extra (the figures above are the least of them: leastRetained). */
    readingsAt2Min: number[] | null;
    readingsEnd: number[];
    /**
     * Every mark (RETAINED_MARKS_MIN, then the end): whether the memory levels off once the
     * allocators have filled (within ~5 minutes, docs/INTERNALS.md) or keeps rising.
     */
    curve: Array<{ atMs: number; extraMb: number; extensionRendererMb: number; readings: number[] }>;
    /** Collections that failed (that browser's figure is then raw): until 2026-12-06 they were swallowed. */
    failedCollections: string[];
  };
  /** The extension renderer by allocator (Chromium's memory-infra) at 2 minutes, every 10 minutes, and at the end. */
  rendererAllocatorsMb: Array<{ atMs: number; mb: AllocatorMb }>;
  /** CPU seconds per thread name of the extension's renderer over the visit. */
  extensionThreadsS: Map<string, number>;
  /** CPU seconds per thread name of each browser's own process (the browser process routes the extension's messages and storage). */
  browserThreadsS: { ext: Map<string, number>; base: Map<string, number> };
  panelLatencyMs: number[];
  panelMissed: number;
  /** Minutes of the visit the panel latency covers when not all of it (a looped visit: LOOPED_LATENCY_MIN). */
  panelLatencyWithinMin: number | null;
  speech: { transcriptions: number; audioS: number; transcribeS: number; labelLatencyMs: number[] } | null;
  gazeStats: { frames: number; workMsPerFrame: number; landmarkedFrames: number } | null;
  counts: { open: number; closed: number; reflections: number };
  /** The call's own health over the measured visit in each browser (its WebRTC statistics); null where the page gave none. */
  call: { ext: CallHealth | null; base: CallHealth | null };
  /**
   * Of the call's playout gaps (CallHealth's synthesized audio), those that came while both browsers
   * ran the bench's forced collections and memory dumps (every retained-memory mark, the end's
   * included): gaps the bench made, not the extension.
   */
  callGapsDuringCollections: { ext: PlayoutGaps; base: PlayoutGaps };
  /** Under tab capture, what the clinician hears: Attune's playback of the tab, logged by the offscreen document at the end (null from the panel's start, or without the browser's counters). */
  playback: PlaybackHealth | null;
  /** Every request each browser tried to send beyond this machine ("CONNECT host:443", "GET url"), in order. */
  networkAttempts: { ext: string[]; base: string[] };
}

export interface PlayoutGaps {
  ms: number;
  events: number;
}

async function enableGaze(b: AttuneBrowser): Promise<void> {
  const page = await b.context.newPage();
  await page.goto(b.extensionUrl('options.html'));
  await page.getByRole('switch', { name: /gaze cues/i }).click();
  await page.getByRole('button', { name: /allow camera/i }).click();
  await page.getByRole('button', { name: /camera allowed/i }).waitFor();
  // No calibration: the tracker learns it from the visit's first seconds (as for a clinician who skipped it).
  await page.close();
}

const heapMb = async (send: (method: string) => Promise<unknown>) => ((await send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 2 ** 20;

const extensionRendererPid = (browserPid: number) => readProcessTree(browserPid).find((p) => p.kind === 'extension renderer')?.pid ?? null;

export async function runVisitCost(o: VisitCostOptions): Promise<VisitCostRun> {
  // One guard per browser, so that a refused request is known to be the extension's browser's or the baseline's.
  const guards = { ext: await startNetworkGuard(), base: await startNetworkGuard() };
  const server = await startDemoServer(0, { audioDir: o.audio.dir });
  const launch = (extensionDir: string | null, proxyUrl: string) =>
    launchChromium({ extensionDir, headless: true, fakeMicWav: o.audio.clinicianWav, fakeMicLoop: o.audio.looped, videoFile: o.cameraClip, proxyUrl });
  const ext = await launch(o.extensionDir, guards.ext.proxyUrl);
  const base = await launch(null, guards.base.proxyUrl);
  try {
    await grantMicrophone(ext);
    if (o.gaze) await enableGaze(ext);
    if (o.warmUpS > 0) await warmUpVisit(ext, server.url, o);
    const extPage = await openDemoVisit(ext, server.url, 60_000);
    const basePage = await base.context.newPage();
    await basePage.goto(server.url);
    await (o.start === 'panel' ? startFromPanel(extPage) : startFromToolbar(ext, extPage, 60_000));
    const offscreen = await attachToTarget(ext, (t) => t.url.endsWith('/offscreen.html'));
    const reports = listenForReports(offscreen);
    // On a busy machine the panel may take longer than that: the visit then runs unaligned (the costs are the same).
    await alignScriptWithMicrophone(extPage, undefined, undefined, 60_000).catch(() => o.log('  (the panel did not show the clinician speaking within 60 s: the patient starts unaligned)'));
    await extPage.evaluate('globalThis.__name ??= (f) => f'); // tsx keeps function names with a helper the page lacks
    await recordSpeakingChanges(extPage);
    const callPages = [extPage, basePage];
    if (o.audio.looped) await Promise.all(callPages.map((p) => p.evaluate(() => (document.body.dataset.patientLoop = 'true'))));
    if (o.callMedia) await Promise.all(callPages.map((p) => p.evaluate(() => (document.body.dataset.localMedia = 'true'))));
    // Joining decodes the patient's whole track (long for a long visit): slow on a busy machine.
    await Promise.all([joinCall(extPage, 180_000), joinCall(basePage, 180_000)]);
    const callAtStart = await Promise.all(callPages.map(readCallStats));
    const sampled = await sampleVisit(o, ext, base, [extPage, basePage], offscreen);
    const callAtEnd = await Promise.all(callPages.map(readCallStats));
    const health = (i: number) => {
      const [a, b] = [callAtStart[i], callAtEnd[i]];
      return a && b ? callHealth(a, b) : null;
    };
    const counts = await readQuestionCounts(extPage);
    const latency = await panelLatency(extPage, o);
    await panel(extPage).getByRole('button', { name: /end visit/i }).click();
    await panel(extPage).getByText(/Visit saved/).waitFor({ timeout: 30_000 });
    await hangUp(basePage);
    await reports.settled(o.gaze);
    return { ...sampled, ...latency, counts, call: { ext: health(0), base: health(1) }, playback: reports.playback, speech: reports.speech, gazeStats: reports.gaze, networkAttempts: { ext: [...guards.ext.attempts], base: [...guards.base.attempts] } };
  } finally {
    await ext.close();
    await base.close();
    await server.close();
    await guards.ext.close();
    await guards.base.close();
  }
}

/** The demo call's WebRTC statistics, both ends (demo/page/demo.js); null if the page has none. */
const readCallStats = (page: Page) => page.evaluate('globalThis.demoCallStats?.() ?? null').catch(() => null) as Promise<CallStatsReading | null>;

/** Retained-memory marks that also count the call's playout gaps while their collections run (VisitCostRun.callGapsDuringCollections). */
function watchingTheCall<T>(callPages: [Page, Page], mark: (atMs: number) => Promise<T>) {
  const callGapsDuringCollections = { ext: { ms: 0, events: 0 }, base: { ms: 0, events: 0 } };
  const retained = async (atMs: number): Promise<T> => {
    const before = await Promise.all(callPages.map(readCallStats));
    const result = await mark(atMs);
    const after = await Promise.all(callPages.map(readCallStats));
    addPlayoutGaps(callGapsDuringCollections.ext, before[0], after[0]);
    addPlayoutGaps(callGapsDuringCollections.base, before[1], after[1]);
    return result;
  };
  return { retained, callGapsDuringCollections };
}

function addPlayoutGaps(sum: PlayoutGaps, before: CallStatsReading | null | undefined, after: CallStatsReading | null | undefined): void {
  if (!before || !after) return;
  const h = callHealth(before, after);
  sum.ms += h.audioSynthesizedMs ?? 0;
  sum.events += h.audioSynthesizedEvents ?? 0;
}

/** The extension's own end-of-visit figures, logged by the offscreen document ([attune] speech / gaze / playback). */
function listenForReports(offscreen: TargetSession) {
  const found: { speech: VisitCostRun['speech']; gaze: VisitCostRun['gazeStats']; playback: PlaybackHealth | null } = { speech: null, gaze: null, playback: null };
  offscreen.onConsole((text) => {
    found.playback = loggedReport<PlaybackHealth>(text, 'playback') ?? found.playback;
    found.speech = loggedReport<VisitCostRun['speech']>(text, 'speech') ?? found.speech;
    found.gaze = loggedReport<VisitCostRun['gazeStats']>(text, 'gaze') ?? found.gaze;
  });
  return {
    get speech() {
      return found.speech;
    },
    get gaze() {
      return found.gaze;
    },
    get playback() {
      return found.playback;
    },
    async settled(gaze: boolean) {
      for (let i = 0; i < 100 && (!found.speech || (gaze && !found.gaze)); i++) await new Promise((ok) => setTimeout(ok, 100));
    },
  };
}

async function sampleVisit(o: VisitCostOptions, ext: AttuneBrowser, base: AttuneBrowser, callPages: [Page, Page], offscreen: TargetSession) {
  const [extPage, basePage] = callPages;
  const extTree = createTreeSampler(ext.pid);
  const baseTree = createTreeSampler(base.pid);
  const extTab = await extPage.context().newCDPSession(extPage);
  const baseTab = await basePage.context().newCDPSession(basePage);
  const t0 = Date.now();
  const samples: KindedSample[] = [];
  const heapsMb: VisitCostRun['heapsMb'] = [];
  const first = { ext: extTree.sample(0), base: baseTree.sample(0) };
  const rendererPid = extensionRendererPid(ext.pid);
  const threadsAtStart = { renderer: threadsOf(rendererPid), ext: threadsOf(ext.pid), base: threadsOf(base.pid) };
  let last = first;
  samples.push({ atMs: 0, ext: first.ext, base: first.base });
  let nextLogMin = 1;
  const allocators = allocatorDumps(ext, base, rendererPid);
  const pressure: SendCommand[] = [(m, p) => offscreen.send(m, p), (m, p) => baseTab.send(m as 'Memory.simulatePressureNotification', p as never)];
  const { retained, callGapsDuringCollections } = watchingTheCall(callPages, (atMs) => leastRetained(() => retainedAfterCollection(atMs, extTree, baseTree, pressure, [ext, base], rendererPid)));
  const marks: Array<Awaited<ReturnType<typeof retained>> & { atMs: number }> = [];
  // Heaps are read on the side: a busy offscreen document answers late, and /proc sampling must not wait for it.
  let heapInFlight = false;
  const readHeaps = (atMs: number) => {
    if (heapInFlight) return;
    heapInFlight = true;
    void Promise.all([heapMb((m) => offscreen.send(m)), heapMb((m) => extTab.send(m as 'Runtime.getHeapUsage')), heapMb((m) => baseTab.send(m as 'Runtime.getHeapUsage'))])
      .then(([offscreenMb, extTabMb, baseTabMb]) => heapsMb.push({ atMs, offscreen: offscreenMb, extTab: extTabMb, baseTab: baseTabMb }))
      .catch(() => undefined)
      .finally(() => (heapInFlight = false));
  };
  const crashes = watchForCrashes([
    { name: 'the call tab with the extension', page: extPage, browser: ext },
    { name: 'the baseline call tab', page: basePage, browser: base },
  ], t0);
  for (let atMs = 0; atMs < o.minutes * 60_000; ) {
    await new Promise((ok) => setTimeout(ok, Math.min(o.sampleMs - ((Date.now() - t0) % o.sampleMs), o.minutes * 60_000 - (Date.now() - t0))));
    crashes.throwIfAny();
    atMs = Date.now() - t0;
    last = { ext: extTree.sample(atMs), base: baseTree.sample(atMs) };
    samples.push({ atMs, ext: last.ext, base: last.base });
    readHeaps(atMs);
    const markMin = RETAINED_MARKS_MIN[marks.length];
    if (markMin !== undefined && atMs >= markMin * 60_000 && o.minutes * 60_000 - atMs > 60_000) {
      const mark = { ...(await retained(atMs)), atMs };
      marks.push(mark);
      o.log(markLine(`${markMin} min`, mark));
      atMs = Date.now() - t0;
      last = { ext: extTree.sample(atMs), base: baseTree.sample(atMs) };
      samples.push({ atMs, ext: last.ext, base: last.base, afterBenchWork: true });
    }
    allocators.maybeRead(atMs);
    if (atMs >= nextLogMin * 60_000) {
      o.log(`  ${nextLogMin} min: extension browser ${last.ext.pssMb.toFixed(0)} MB, baseline ${last.base.pssMb.toFixed(0)} MB; CPU so far ${(last.ext.cpuS - first.ext.cpuS).toFixed(0)} s vs ${(last.base.cpuS - first.base.cpuS).toFixed(0)} s`);
      nextLogMin++;
    }
  }
  crashes.throwIfAny();
  const extensionThreadsS = threadCpuS(threadsAtStart.renderer, threadsOf(rendererPid), true);
  const browserThreadsS = { ext: threadCpuS(threadsAtStart.ext, threadsOf(ext.pid)), base: threadCpuS(threadsAtStart.base, threadsOf(base.pid)) };
  // Retained memory first (after any dump still running): a memory dump leaves the tracing service busy for a while, more so in the extension's browser.
  await allocators.idle();
  const retainedAtEnd = await retained(last.ext.atMs);
  o.log(markLine('the end', retainedAtEnd));
  const rendererAllocatorsMb = await allocators.final(last.ext.atMs);
  const retainedAt2Min = marks[0] ?? null;
  const retainedExtraMb = {
    at2Min: retainedAt2Min?.extraMb ?? null,
    end: retainedAtEnd.extraMb,
    extensionRendererAt2Min: retainedAt2Min?.extensionRendererMb ?? null,
    extensionRendererEnd: retainedAtEnd.extensionRendererMb,
    rendererAllocatorsAt2Min: retainedAt2Min?.rendererMb ?? null,
    rendererAllocatorsEnd: retainedAtEnd.rendererMb,
    rendererMappingsAt2Min: retainedAt2Min?.rendererMappings ?? null,
    rendererMappingsEnd: retainedAtEnd.rendererMappings,
    readingsAt2Min: retainedAt2Min?.extrasMb ?? null,
    readingsEnd: retainedAtEnd.extrasMb,
    curve: [...marks, { ...retainedAtEnd, atMs: last.ext.atMs }].map((m) => ({ atMs: m.atMs, extraMb: m.extraMb, extensionRendererMb: m.extensionRendererMb, readings: m.extrasMb })),
    failedCollections: [...marks.flatMap((m) => m.failed.map((x) => `${Math.round(m.atMs / 60_000)} min, ${x}`)), ...retainedAtEnd.failed.map((x) => `end, ${x}`)],
  };
  return { samples, heapsMb, rendererAllocatorsMb, retainedExtraMb, callGapsDuringCollections, extensionThreadsS, browserThreadsS, extFirst: first.ext, baseFirst: first.base, extLast: last.ext, baseLast: last.base };
}

/**
 * A call tab whose renderer died ends the run at once, with what its browser wrote to stderr,
 * instead of sampling a dead tab to the end (its browser's figures would fall below the
 * baseline's) and failing there on the panel (2026-12-07: the extension browser's call tab
 * died during the 2-minute mark's collections).
 */
function watchForCrashes(pages: Array<{ name: string; page: Page; browser: AttuneBrowser }>, t0: number) {
  let crash: { name: string; atMs: number; browser: AttuneBrowser } | null = null;
  for (const { name, page, browser } of pages) page.on('crash', () => (crash ??= { name, atMs: Date.now() - t0, browser }));
  return {
    throwIfAny(): void {
      if (!crash) return;
      const { name, atMs, browser } = crash;
      throw new Error(`${name} crashed (its renderer died) at ${(atMs / 60_000).toFixed(1)} min of the visit; its browser's stderr ended with:\n${browser.stderrTail().slice(-2000)}`);
    },
  };
}

/** A retained-memory mark as it happens: its readings, and how long it and each collecting dump took. */
function markLine(when: string, mark: Pick<LeastRetained, 'extrasMb' | 'collectsS' | 'tookS'>): string {
  const collections = mark.collectsS.map(([e, b]) => `${e.toFixed(0)}/${b.toFixed(0)}`).join(', ');
  return `  retained at ${when}: extra ${mark.extrasMb.map((x) => x.toFixed(0)).join(' / ')} MB; took ${mark.tookS.toFixed(0)} s (collecting dumps, extension/baseline browser, s: ${collections})`;
}

type TreeSampler = ReturnType<typeof createTreeSampler>;
/** Memory after a forced collection: the extra Pss, the extension renderer's Pss and its allocators as the collecting dump counted them, and any browser whose collection failed (its figure is then raw). */
interface Retained {
  extraMb: number;
  extensionRendererMb: number;
  rendererMb: AllocatorMb;
  rendererMappings: Mapping[];
  failed: string[];
  /** Seconds each browser's collecting dump took (extension browser, baseline): where a mark's minutes go. */
  collectS: [number, number];
}
type SendCommand = (method: string, params?: object) => Promise<unknown>;
const COLLECTION_SETTLE_MS = 5000;

/**
 * The least of RETAINED_READINGS readings after a collection, RETAINED_GAP_MS apart, with every
 * reading's extra: a collection cannot free what work in flight still holds (the speech worker's
 * arrays while it transcribes: up to ~10 MB of ArrayBuffers in one reading, 3 MB in the next,
 * docs/INTERNALS.md), so one reading says as much about the moment as about what the extension
 * keeps. The least is what it held throughout; the same rule at 2 minutes and at the end.
 */
const RETAINED_READINGS = 3;
/**
 * Minutes at which the retained memory is read before the end (a mark less than a minute before
 * the end is skipped). The sampling waits for each mark, and no CPU window spans one.
 */
const RETAINED_MARKS_MIN = [2, 10, 30, 60, 90];
export const RETAINED_GAP_MS = 20_000;
/** A mark: the least reading, with every reading's extra and collection times, and the seconds the mark took. */
type LeastRetained = Retained & { extrasMb: number[]; collectsS: Array<[number, number]>; tookS: number };
async function leastRetained(read: () => Promise<Retained>): Promise<LeastRetained> {
  const startMs = Date.now();
  const readings: Retained[] = [];
  for (let i = 0; i < RETAINED_READINGS; i++) {
    if (i > 0) await new Promise((ok) => setTimeout(ok, RETAINED_GAP_MS));
    readings.push(await read());
  }
  const least = readings.reduce((a, b) => (b.extraMb < a.extraMb ? b : a));
  return { ...least, failed: readings.flatMap((r) => r.failed), extrasMb: readings.map((r) => r.extraMb), collectsS: readings.map((r) => r.collectS), tookS: (Date.now() - startMs) / 1000 };
}

/**
 * Both browsers collect their garbage, then their trees' Pss is read. The pressure notification
 * is what Chromium sends under real memory pressure (no measured effect here); a forced
 * collection (a memory dump that first collects in every isolate) is what empties V8's heaps.
 */
async function retainedAfterCollection(atMs: number, extTree: TreeSampler, baseTree: TreeSampler, pressure: SendCommand[], browsers: [AttuneBrowser, AttuneBrowser], rendererPid: number | null): Promise<Retained> {
  await Promise.all(pressure.map((send) => send('Memory.simulatePressureNotification', { level: 'critical' }).catch(() => undefined)));
  const failed: string[] = [];
  const collectS: [number, number] = [0, 0];
  const collect = (b: AttuneBrowser, pid: number, name: string, slot: 0 | 1) => {
    const startMs = Date.now();
    return forceCollection(b.cdp, pid)
      .catch((e: unknown) => {
        failed.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
        return new Map() as AllocatorMb;
      })
      .finally(() => (collectS[slot] = (Date.now() - startMs) / 1000));
  };
  const [rendererMb] = await Promise.all([collect(browsers[0], rendererPid ?? -1, 'extension browser', 0), collect(browsers[1], -1, 'baseline browser', 1)]);
  await new Promise((ok) => setTimeout(ok, COLLECTION_SETTLE_MS));
  const ext = extTree.sample(atMs);
  const base = baseTree.sample(atMs);
  const rendererMappings = rendererPid === null ? [] : readSmaps(rendererPid);
  return { extraMb: ext.pssMb - base.pssMb, extensionRendererMb: ext.byKind['extension renderer']?.pssMb ?? 0, rendererMb, rendererMappings, failed, collectS };
}

/**
 * Chromium's own accounting of the extension renderer's memory at 2 minutes, every 10 minutes and
 * at the end (a dump takes about a second of tracing; read on the side, like the heaps). The
 * baseline browser is asked for a dump at the same moments: the first starts Chromium's tracing
 * service (a utility process of ~50 MB that stays), which would otherwise count as the extension's.
 */
function allocatorDumps(b: AttuneBrowser, base: AttuneBrowser, rendererPid: number | null) {
  const read: VisitCostRun['rendererAllocatorsMb'] = [];
  let nextMin = 2;
  let inFlight: Promise<void> | null = null;
  const take = (atMs: number) => {
    if (rendererPid === null) return Promise.resolve();
    return Promise.all([readAllocatorsMb(b.cdp, rendererPid), readAllocatorsMb(base.cdp, -1)])
      .then(([mb]) => void read.push({ atMs, mb }))
      .catch(() => undefined);
  };
  return {
    maybeRead(atMs: number) {
      if (inFlight || atMs < nextMin * 60_000) return;
      nextMin = nextMin === 2 ? 10 : nextMin + 10;
      inFlight = take(atMs).finally(() => (inFlight = null));
    },
    idle: () => inFlight ?? Promise.resolve(),
    async final(atMs: number) {
      await inFlight;
      await take(atMs);
      return read;
    },
  };
}

async function panelLatency(page: Page, o: VisitCostOptions): Promise<Pick<VisitCostRun, 'panelLatencyMs' | 'panelMissed' | 'panelLatencyWithinMin'>> {
  const { changes, scriptStartMs } = await readSpeakingChanges(page);
  const onsets = timedTakeovers(o.audio.turns, (Date.now() - scriptStartMs) / 1000, o.audio.looped);
  const all = changeLatenciesMs(changes, scriptStartMs, onsets, (t) => /patient|both/i.test(t));
  return {
    panelLatencyMs: all.filter((x): x is number => typeof x === 'number'),
    panelMissed: all.filter((x) => x === 'missed').length,
    panelLatencyWithinMin: o.audio.looped && o.minutes > LOOPED_LATENCY_MIN ? LOOPED_LATENCY_MIN : null,
  };
}
