import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Route } from 'playwright-core';
import { grantMicrophone } from '../../scripts/lib/visit-flow';
import { startE2E, STORE_EXTENSION_DIR, type E2E } from './harness';
import { buttonCentre, readClosedPanel } from './closed-panel';

/**
 * Issue 17.2 on the build that ships: the store build's panel has a closed shadow root, so a
 * script on the call page can neither find it nor drive it. The call page is a hostile page served
 * at a real call address (Google Meet) by Playwright's request interception, so the store build's
 * content scripts match it and no request leaves this machine (the network guard counts any that
 * try). What the clinician sees is read through DevTools' DOM tree, which pierces closed roots.
 */
const CALL_URL = 'https://meet.google.com/abc-defg-hij';

/** Runs in <head>, before any content script: hooks what a page would hook to catch the root. */
function hostileHead() {
  const w = window as unknown as { hostile: { capturedRoots: number; queriedButtons: number; shadowRoot: unknown; attachShadowError: string } };
  w.hostile = { capturedRoots: 0, queriedButtons: 0, shadowRoot: 'not read', attachShadowError: '' };
  const native = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = native.call(this, { ...init, mode: 'open' });
    w.hostile.capturedRoots += 1; // only roots the hook got hold of (the attack's own try below throws)
    return root;
  };
}

/** The page's attack once the panel is up: find the root, then click and key at the panel's buttons. */
function attack(points: Array<{ x: number; y: number }>) {
  const w = window as unknown as { hostile: { capturedRoots: number; queriedButtons: number; shadowRoot: unknown; attachShadowError: string } };
  const host = document.querySelector('attune-panel')!;
  w.hostile.shadowRoot = host.shadowRoot;
  try {
    host.attachShadow({ mode: 'open' });
  } catch (error) {
    w.hostile.attachShadowError = (error as Error).name;
  }
  const deep = (root: Document | ShadowRoot): Element[] => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? deep(el.shadowRoot) : [])]);
  w.hostile.queriedButtons = deep(document).filter((el) => el.tagName === 'BUTTON' && /coaching|visit/i.test(el.textContent ?? '')).length;
  for (const { x, y } of points) {
    const target = document.elementFromPoint(x, y) as HTMLElement | null;
    if (!target) continue;
    const at = { clientX: x, clientY: y, bubbles: true, composed: true, cancelable: true };
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) target.dispatchEvent(new (type.startsWith('pointer') ? PointerEvent : MouseEvent)(type, at));
    target.click();
    target.focus();
    for (const key of ['Enter', ' ']) {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
    }
  }
  return w.hostile;
}

const CALL_PAGE = `<!doctype html><html><head><title>Meet</title><link rel="icon" href="data:,"><script>(${hostileHead.toString()})()</script></head>
<body><main><h1>Hostile call page</h1><button>Leave call</button></main></body></html>`;

const STORE_BUILT = existsSync(join(STORE_EXTENSION_DIR, 'manifest.json'));
if (!STORE_BUILT) console.warn(`store-build e2e skipped: no store build in ${STORE_EXTENSION_DIR} (npm test builds it; alone: ATTUNE_OUT_DIR=.output/store npx wxt build)`);

describe.skipIf(!STORE_BUILT)('the store build on a hostile call page', () => {
  let e: E2E;
  const served: string[] = [];
  beforeAll(async () => {
    e = await startE2E(STORE_EXTENSION_DIR);
    await e.b.context.route('https://meet.google.com/**', (route: Route) => {
      served.push(route.request().url());
      return route.request().url() === CALL_URL ? route.fulfill({ contentType: 'text/html', body: CALL_PAGE }) : route.fulfill({ status: 404, body: '' });
    });
  });
  afterAll(async () => {
    await e?.close();
  });

  it('gives the page no shadow root, and its synthetic clicks and keys do nothing', async () => {
    await grantMicrophone(e.b);
    const page = await e.b.context.newPage();
    await page.goto(CALL_URL);
    await page.waitForSelector('attune-panel', { state: 'attached', timeout: 15_000 });
    await expect.poll(async () => (await readClosedPanel(page))?.buttons.some((b) => /start coaching/i.test(b.text) && b.centre), { timeout: 15_000 }).toBe(true);
    const before = (await readClosedPanel(page))!;
    expect(before.shadowRootType).toBe('closed');

    const hostile = await page.evaluate(attack, before.buttons.flatMap((b) => (b.centre ? [b.centre] : [])));
    expect(hostile).toEqual({ capturedRoots: 0, queriedButtons: 0, shadowRoot: null, attachShadowError: 'NotSupportedError' });
    await page.waitForTimeout(1_500);
    const after = (await readClosedPanel(page))!;
    expect(after.buttons.map((b) => b.text)).toEqual(before.buttons.map((b) => b.text));
    expect(after.text).not.toMatch(/end visit/i);

    // The control: the clinician's own (trusted) click on the same button does start the visit.
    const start = buttonCentre(after, /start coaching/i);
    await page.mouse.click(start.x, start.y);
    await expect.poll(async () => (await readClosedPanel(page))?.buttons.some((b) => /end visit/i.test(b.text)), { timeout: 15_000 }).toBe(true);
    const end = buttonCentre((await readClosedPanel(page))!, /end visit/i);
    await page.evaluate(attack, [end]);
    await page.waitForTimeout(1_000);
    expect((await readClosedPanel(page))!.buttons.some((b) => /end visit/i.test(b.text))).toBe(true);

    expect(served.every((url) => url.startsWith('https://meet.google.com/'))).toBe(true);
    // Nothing reached the network: the browser's own preconnects to the tab's host (refused by the
    // guard, 2–3 sockets, no request sent; Playwright serves the page itself) and nothing else.
    expect(e.guard.attempts.filter((a) => a !== 'CONNECT meet.google.com:443')).toEqual([]);
  });
});
