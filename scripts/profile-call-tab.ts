/**
 * Where the call tab's extra CPU goes: the demo visit coached from the toolbar (gaze off), and
 * the same call in a browser without the extension, side by side. For `--seconds` of the joined
 * call it reads, in both call tabs: the renderer's threads from /proc, DevTools'
 * Performance.getMetrics (layouts, style recalcs, script and task time) and a V8 CPU profile
 * (the content script's isolated world runs on the same main thread as the page). Prints the
 * differences and the profile's top items, overall and for the extension's own frames.
 * Needs the dev/test build (`ATTUNE_DEV_BUILD=1 npx wxt build`). Run it alone, under the bench lock.
 *
 * `--meter-hz N` adds to both call pages what busy call sites have and the demo page lacks: an
 * audio-level meter whose style attribute and text change N times a second.
 *
 *   npx tsx scripts/profile-call-tab.ts [--seconds 60] [--interval-us 500] [--extension .output/chrome-mv3] [--top 15] [--meter-hz 0]
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium, type AttuneBrowser } from './lib/chromium';
import { summariseProfile, type CpuProfile } from './lib/cpu-profile';
import { startDemoServer } from './lib/demo-server';
import { makeLongVisitAudio } from './lib/long-visit-audio';
import { startNetworkGuard } from './lib/network-guard';
import { readProcessTree, readThreads } from './lib/proc-tree';
import { threadCpuS } from './lib/thread-cpu';
import { grantMicrophone, joinCall, openDemoVisit, startFromToolbar } from './lib/visit-flow';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '60' }, 'interval-us': { type: 'string', default: '500' }, extension: { type: 'string', default: '.output/chrome-mv3' }, top: { type: 'string', default: '15' }, 'meter-hz': { type: 'string', default: '0' } },
});
const EXTENSION_DIR = resolve(values.extension!);
const seconds = Number(values.seconds);
const top = Number(values.top);
if (!existsSync(join(EXTENSION_DIR, 'manifest.json')) || !(seconds > 0)) {
  console.error('usage: npx tsx scripts/profile-call-tab.ts [--seconds N] [--interval-us N] [--extension DIR (a dev build)] [--top N]');
  process.exit(2);
}

const METRICS = ['ProcessTime', 'ThreadTime', 'TaskDuration', 'ScriptDuration', 'LayoutCount', 'LayoutDuration', 'RecalcStyleCount', 'RecalcStyleDuration', 'Nodes', 'JSEventListeners'] as const;
type Metrics = Record<(typeof METRICS)[number], number>;

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return Object.fromEntries(METRICS.map((name) => [name, list.find((m) => m.name === name)?.value ?? 0])) as Metrics;
}

/** The call tab's renderer: the browser's busiest tab renderer (the only other one is an idle new-tab page, if any). */
function callTabRenderer(b: AttuneBrowser): number {
  const tabs = readProcessTree(b.pid).filter((p) => p.kind === 'tab renderer').sort((x, y) => y.cpuTicks - x.cpuTicks);
  if (!tabs[0]) throw new Error('no tab renderer');
  return tabs[0].pid;
}

interface TabReading {
  metrics: Metrics;
  threads: Map<string, number>;
  profile: CpuProfile;
}

/** Measures both tabs over the same `seconds`. */
async function measure(tabs: Array<{ page: Page; pid: number }>): Promise<TabReading[]> {
  const sessions = await Promise.all(tabs.map(async ({ page }) => page.context().newCDPSession(page)));
  for (const cdp of sessions) {
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: Number(values['interval-us']) });
  }
  const m0 = await Promise.all(sessions.map(metrics));
  const t0 = tabs.map(({ pid }) => readThreads(pid));
  await Promise.all(sessions.map((cdp) => cdp.send('Profiler.start')));
  await new Promise((ok) => setTimeout(ok, seconds * 1000));
  const profiles = await Promise.all(sessions.map(async (cdp) => ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile));
  const t1 = tabs.map(({ pid }) => readThreads(pid));
  const m1 = await Promise.all(sessions.map(metrics));
  return tabs.map((_, i) => ({
    metrics: Object.fromEntries(METRICS.map((k) => [k, m1[i]![k] - (k === 'Nodes' || k === 'JSEventListeners' ? 0 : m0[i]![k])])) as Metrics,
    threads: threadCpuS(t0[i]!, t1[i]!),
    profile: profiles[i]!,
  }));
}

function report(ext: TabReading, base: TabReading): void {
  const pct = (s: number) => ((100 * s) / seconds).toFixed(2);
  console.log(`\nrenderer threads, % of one core (extension / baseline / extra):`);
  const names = [...new Set([...ext.threads.keys(), ...base.threads.keys()])].sort((a, b) => (ext.threads.get(b) ?? 0) - (ext.threads.get(a) ?? 0));
  const total = (m: Map<string, number>) => [...m.values()].reduce((s, x) => s + x, 0);
  console.log(`  all threads: ${pct(total(ext.threads))} / ${pct(total(base.threads))} / ${pct(total(ext.threads) - total(base.threads))}`);
  for (const n of names.slice(0, 8)) console.log(`  ${n}: ${pct(ext.threads.get(n) ?? 0)} / ${pct(base.threads.get(n) ?? 0)} / ${pct((ext.threads.get(n) ?? 0) - (base.threads.get(n) ?? 0))}`);
  console.log(`\nPerformance.getMetrics over ${seconds} s (extension / baseline; durations and CPU times (ProcessTime: the renderer, ThreadTime: its main thread) in ms, Nodes and listeners at the end):`);
  for (const k of METRICS) {
    const f = (x: number) => (k.endsWith('Duration') || k.endsWith('Time') ? (x * 1000).toFixed(0) : x.toFixed(0));
    console.log(`  ${k}: ${f(ext.metrics[k])} / ${f(base.metrics[k])}`);
  }
  const e = summariseProfile(ext.profile);
  const b = summariseProfile(base.profile);
  const line = ([name, ms]: [string, number]) => `  ${ms.toFixed(0).padStart(6)} ms  ${name}`;
  console.log(`\nprofile, self time (extension tab, ${e.wallMs.toFixed(0)} ms wall):`);
  e.selfMs.slice(0, top).forEach((x) => console.log(line(x)));
  console.log(`\nprofile, self time (baseline tab):`);
  b.selfMs.slice(0, top).forEach((x) => console.log(line(x)));
  console.log(`\nsamples through the extension's scripts: ${e.extensionMs.toFixed(0)} ms (${((100 * e.extensionMs) / e.wallMs).toFixed(2)}% of the wall time); by entry point:`);
  e.extensionByEntryMs.slice(0, top).forEach((x) => console.log(line(x)));
  console.log(`by the extension frame nearest the leaf:`);
  e.extensionByLeafMs.slice(0, top).forEach((x) => console.log(line(x)));
}

/** A level meter like a call site's: its bar's style and its label change `hz` times a second (runs in the page). */
function addLevelMeter(hz: number): void {
  const meter = document.createElement('div');
  const bar = document.createElement('span');
  meter.append(bar, document.createElement('output'));
  document.body.append(meter);
  let level = 0;
  setInterval(() => {
    level = (level + 7) % 100;
    bar.setAttribute('style', `display: inline-block; height: 4px; width: ${level}px; background: green`);
    meter.lastElementChild!.textContent = `${level} dB`;
  }, 1000 / hz);
}

const tmp = mkdtempSync(join(tmpdir(), 'attune-profile-tab-'));
const guard = await startNetworkGuard();
const audio = makeLongVisitAudio(join(tmp, 'audio'), Math.ceil(seconds / 60) + 2);
const server = await startDemoServer(0, { audioDir: audio.dir });
const launch = (extensionDir: string | null) => launchChromium({ extensionDir, headless: true, fakeMicWav: audio.clinicianWav, proxyUrl: guard.proxyUrl });
const ext = await launch(EXTENSION_DIR);
const base = await launch(null);
try {
  console.log(`profile-call-tab: ${seconds} s, sampling every ${values['interval-us']} µs; load average at start ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  await grantMicrophone(ext);
  const extPage = await openDemoVisit(ext, server.url, 60_000);
  const basePage = await base.context.newPage();
  await basePage.goto(server.url);
  await startFromToolbar(ext, extPage, 60_000);
  await Promise.all([joinCall(extPage, 180_000), joinCall(basePage, 180_000)]);
  const meterHz = Number(values['meter-hz']);
  if (meterHz > 0) await Promise.all([extPage, basePage].map((p) => p.evaluate(addLevelMeter, meterHz)));
  // Let the first seconds' one-off work (the call state's change, the panel's first live views) pass.
  await new Promise((ok) => setTimeout(ok, 5000));
  const [e, b] = await measure([
    { page: extPage, pid: callTabRenderer(ext) },
    { page: basePage, pid: callTabRenderer(base) },
  ]);
  report(e!, b!);
  console.log(`\nload average at the end ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
} finally {
  await ext.close();
  await base.close();
  await server.close();
  await guard.close();
  rmSync(tmp, { recursive: true, force: true });
}
