import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantMicrophone, joinCall, openDemoVisit, panel, readPanel, savedVisits, startFromPanel } from '../../scripts/lib/visit-flow';
import { startE2E, waitForVisits, type E2E } from './harness';

/**
 * Issue 17.1/17.2: a script on the call page tries to read the page tap's session, forge the
 * patient's side, switch the real tap off, take or plant a handoff port, and drive the panel with
 * synthetic clicks. None of it may change the visit. (This is the dev/test build, whose panel
 * shadow root is open for the automation; the store build's closed one is tested in store-build.test.ts.)
 */
function hostileScript() {
  const w = window as unknown as { hostile: { sessionIds: string[]; portsReceived: number; plantedPortTaken: boolean; messages: number } };
  const forgedIds = ['', 'x'];
  const seen = { sessionIds: [] as string[], portsReceived: 0, plantedPortTaken: false, messages: 0 };
  w.hostile = seen;
  window.addEventListener('message', (event) => {
    seen.messages += 1;
    const id = (event.data as { sessionId?: unknown } | null)?.sessionId;
    if (typeof id === 'string' && !forgedIds.includes(id) && !seen.sessionIds.includes(id)) seen.sessionIds.push(id);
    seen.portsReceived += event.ports.length;
  });
  const planted = new MessageChannel();
  window.addEventListener('attune-tap-offer', (event) => (seen.portsReceived += (event as MessageEvent).ports.filter((p) => p !== planted.port2).length));
  window.dispatchEvent(new Event('attune-tap-ready')); // ask the tap for a port
  seen.plantedPortTaken = !window.dispatchEvent(new MessageEvent('attune-tap-offer', { ports: [planted.port2], cancelable: true }));
  planted.port1.onmessage = () => (seen.portsReceived += 1);
  setInterval(() => {
    for (const sessionId of [...forgedIds, ...seen.sessionIds]) {
      window.postMessage({ source: 'attune-page-tap', type: 'frames', sessionId, energyDb: Array(400).fill(-10) }, location.origin);
      window.postMessage({ type: 'frames', energyDb: Array(400).fill(-10) }, location.origin);
    }
    window.postMessage({ source: 'attune-extension', type: 'stop' }, location.origin);
    planted.port1.postMessage({ type: 'frames', energyDb: Array(400).fill(-10) });
  }, 100);
}

const clickInPanel = (pattern: string) => {
  const root = document.querySelector('attune-panel')?.shadowRoot;
  const button = Array.from(root?.querySelectorAll('button') ?? []).find((b) => new RegExp(pattern, 'i').test(b.textContent ?? ''));
  button?.click();
  button?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  return Boolean(button);
};

describe('a hostile call page', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('cannot read, forge or stop the page tap, nor click the panel', async () => {
    await grantMicrophone(e.b);
    const page = await openDemoVisit(e.b, e.server.url);
    await page.evaluate(hostileScript);

    // Synthetic clicks on "Start coaching" start nothing (no microphone without the clinician's gesture).
    expect(await page.evaluate(clickInPanel, 'start coaching')).toBe(true);
    await page.waitForTimeout(1_500);
    await expect(panel(page).getByRole('button', { name: /start coaching/i }).isVisible()).resolves.toBe(true);

    await startFromPanel(page);
    // Nobody has joined: any patient time now could only be forged.
    await page.waitForTimeout(6_000);
    expect((await readPanel(page)).patientS).toBe(0);
    // Synthetic "End visit" does not end it.
    expect(await page.evaluate(clickInPanel, 'end visit')).toBe(true);
    await page.waitForTimeout(1_000);
    await expect(panel(page).getByRole('button', { name: /end visit/i }).isVisible()).resolves.toBe(true);
    // The real tap survives the page's "stop" spam: the patient is heard once the call is joined.
    await joinCall(page);
    const joinedAtMs = Date.now();
    await page.waitForTimeout(9_000); // the patient's opening starts 4 s into the script
    expect((await readPanel(page)).patientS).toBeGreaterThan(0);

    const hostile = await page.evaluate(() => (window as unknown as { hostile: object }).hostile);
    expect(hostile).toMatchObject({ sessionIds: [], portsReceived: 0, plantedPortTaken: false });
    await panel(page).getByRole('button', { name: /end visit/i }).click();
    const sinceJoinS = (Date.now() - joinedAtMs) / 1000;
    const summaryPage = await savedVisits(e.b);
    const [visit] = await waitForVisits(summaryPage, 1);
    expect(visit).toMatchObject({ remoteSource: 'page-tap', endReason: 'user' });
    // Patient time only from the joined part of the call (forged frames began long before joining).
    expect(visit!.patientS).toBeLessThan(sinceJoinS);
    expect(visit!.patientS).toBeGreaterThan(0);
    expect(e.guard.attempts).toEqual([]);
  });
});
