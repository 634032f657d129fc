/**
 * Speech-to-text measured in the built extension (Chromium, the demo visit, fake microphone):
 * the offscreen document's speech statistics (label latency after the end of each utterance,
 * transcription time per second of audio), the memory of the extension's renderer process
 * (which hosts the offscreen document and its Moonshine worker) before and after the model
 * loads, and the counts on the panel. Needs `ATTUNE_DEV_BUILD=1 npx wxt build` first; takes ~2.5 min.
 *
 *   npx tsx scripts/speech/measure-extension.ts
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { loggedReport } from '../lib/cdp-target';
import { launchChromium } from '../lib/chromium';
import { startDemoServer } from '../lib/demo-server';
import { startNetworkGuard } from '../lib/network-guard';
import { grantMicrophone, joinCall, openDemoVisit, panel, readQuestionCounts, startFromPanel, waitForPatientScript } from '../lib/visit-flow';

const PANEL_PERIOD_MS = 250;
const guard = await startNetworkGuard();
const server = await startDemoServer();
const b = await launchChromium({ extensionDir: '.output/chrome-mv3', headless: true, fakeMicWav: 'demo/audio/clinician.wav', proxyUrl: guard.proxyUrl });

/** RSS of every renderer process, MB, by pid. */
async function rendererRss(): Promise<Map<number, number>> {
  const info = (await b.cdp.send('SystemInfo.getProcessInfo' as never)) as unknown as { processInfo: Array<{ type: string; id: number }> };
  const out = new Map<number, number>();
  for (const p of info.processInfo.filter((x) => x.type === 'renderer')) {
    try {
      out.set(p.id, Number(execFileSync('ps', ['-o', 'rss=', '-p', String(p.id)]).toString().trim()) / 1024);
    } catch {
      /* exited */
    }
  }
  return out;
}

/** Console messages of the offscreen document (attached through the browser session). */
async function listenToOffscreen(onText: (text: string) => void): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { targetInfos } = (await b.cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; url: string }> };
    const target = targetInfos.find((t) => t.url.endsWith('/offscreen.html'));
    if (target) {
      const { sessionId } = (await b.cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false } as never)) as unknown as { sessionId: string };
      b.cdp.on('Target.receivedMessageFromTarget' as never, ((event: { sessionId: string; message: string }) => {
        if (event.sessionId !== sessionId) return;
        const m = JSON.parse(event.message) as { method?: string; params?: { args?: Array<{ value?: unknown }> } };
        if (m.method === 'Runtime.consoleAPICalled') onText((m.params?.args ?? []).map((a) => String(a.value)).join(' '));
      }) as never);
      await b.cdp.send('Target.sendMessageToTarget' as never, { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.enable' }) } as never);
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no offscreen document');
}

try {
  console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  await grantMicrophone(b);
  const page = await openDemoVisit(b, server.url);
  const baseline = await rendererRss();
  type Stats = { transcriptions: number; audioS: number; transcribeS: number; labelLatencyMs: number[] };
  const found: { stats: Stats | null } = { stats: null };
  await startFromPanel(page);
  await listenToOffscreen((text) => {
    found.stats = loggedReport<Stats>(text, 'speech') ?? found.stats;
  });
  await joinCall(page);
  const peaks = new Map<number, number>();
  const sampler = setInterval(() => {
    void rendererRss().then((m) => m.forEach((rss, pid) => peaks.set(pid, Math.max(rss, peaks.get(pid) ?? 0))));
  }, 2000);
  await waitForPatientScript(page);
  await page.waitForTimeout(1500);
  const shown = await readQuestionCounts(page);
  const counts = `open ${shown.open}, closed ${shown.closed}, reflections ${shown.reflections}`;
  clearInterval(sampler);
  await panel(page).getByRole('button', { name: /end visit/i }).click();
  await panel(page).getByText(/Visit saved/).waitFor({ timeout: 20_000 });
  const grown = [...peaks].map(([pid, peak]) => ({ pid, before: baseline.get(pid) ?? 0, peak })).sort((a, b) => b.peak - b.before - (a.peak - a.before))[0];
  console.log(`panel counts: ${counts} (demo script: open 6, closed 5, reflections 3)`);
  if (grown) console.log(`renderer that grew most (the extension's, with the worker): ${grown.before.toFixed(0)} MB before the visit → peak ${grown.peak.toFixed(0)} MB`);
  await page.waitForTimeout(500);
  const s = found.stats;
  if (!s) throw new Error('no speech statistics from the offscreen document');
  const lat = [...s.labelLatencyMs].sort((a, b) => a - b);
  const median = lat[Math.floor((lat.length - 1) / 2)]!;
  console.log(
    `offscreen: ${s.transcriptions} transcriptions, real-time factor ${(s.transcribeS / s.audioS).toFixed(3)}; label latency after speech end median ${median.toFixed(0)} ms ` +
      `(max ${lat[lat.length - 1]!.toFixed(0)} ms); on the panel ≤ +${PANEL_PERIOD_MS} ms → median ≈ ${(median + PANEL_PERIOD_MS / 2).toFixed(0)} ms`,
  );
  console.log(`requests that tried to leave 127.0.0.1: ${guard.attempts.length}`);
} finally {
  await b.close();
  await server.close();
  await guard.close();
}
