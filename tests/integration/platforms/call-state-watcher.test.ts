import { afterEach, describe, expect, it } from 'vitest';
import type { Window } from 'happy-dom';
import { ADAPTERS, adapterFor, watchCallState, type PlatformAdapter } from '../../../src/adapters/platforms';
import type { CallState } from '../../../src/core/protocol/messages';
import { openFixture, showFixture } from './fixture-page';

// Short timings keep the test quick; production uses the watcher's defaults.
const FAST = { throttleMs: 5, pollMs: 40, confirmEndMs: 80 };
const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

const windows: Window[] = [];
const aborts: AbortController[] = [];
afterEach(async () => {
  for (const a of aborts.splice(0)) a.abort();
  await Promise.all(windows.splice(0).map((win) => win.happyDOM.close()));
});

function watch(site: string, state: 'pre-call' | 'in-call' | 'post-call' | 'redesigned', url: string, adapter: PlatformAdapter) {
  const win = openFixture(site, state, url);
  windows.push(win);
  const abort = new AbortController();
  aborts.push(abort);
  const changes: CallState[] = [];
  const initial = watchCallState(win as unknown as globalThis.Window, adapter, (s) => changes.push(s), abort.signal, FAST);
  return { win, abort, changes, initial };
}

describe('call-state watcher', () => {
  it('ends the call when a single-page app pushes a URL that no longer names the meeting (Meet → landing)', async () => {
    const { win, changes, initial } = watch('meet', 'in-call', 'https://meet.google.com/abc-defg-hij', ADAPTERS.meet);
    expect(initial).toBe('live');
    win.history.pushState({}, '', '/landing');
    win.document.body.innerHTML = '<main><h1>Video calls and meetings for everyone</h1><button>New meeting</button></main>';
    await settle();
    // Reported at once, without waiting for the flicker check: a URL change is no flicker.
    expect(changes).toEqual(['ended']);
  });

  it('sees a URL-only change that no DOM mutation announces, through its poll, even on unrecognised markup', async () => {
    const { win, changes } = watch('jitsi', 'in-call', 'https://meet.jit.si/DrSmithClinic', ADAPTERS.jitsi);
    showFixture(win, 'jitsi', 'redesigned'); // a page we cannot read: the call is unconfirmed, not ended
    await settle();
    expect(changes).toEqual(['unknown']);
    win.history.replaceState({}, '', '/'); // no mutation follows
    await settle(FAST.pollMs * 3);
    expect(changes).toEqual(['unknown', 'ended']);
  });

  it('re-evaluates on popstate (back to a different meeting ends the first)', async () => {
    const { win, changes } = watch('meet', 'in-call', 'https://meet.google.com/abc-defg-hij', { ...ADAPTERS.meet });
    win.history.pushState({}, '', '/xyz-abcd-efg');
    win.dispatchEvent(new win.PopStateEvent('popstate'));
    await settle(15);
    expect(changes[0]).toBe('ended');
  });

  it('reports the hang-up when the page swaps to the post-call screen, after confirming it', async () => {
    const { win, changes } = watch('teams', 'in-call', 'https://teams.microsoft.com/v2/', ADAPTERS.teams);
    showFixture(win, 'teams', 'post-call');
    await settle(FAST.confirmEndMs / 2);
    expect(changes).toEqual([]); // not yet: an end must hold for confirmEndMs
    await settle(FAST.confirmEndMs * 2);
    expect(changes).toEqual(['ended']);
  });

  it('ignores a re-render that drops the hang-up button for less than the confirmation time', async () => {
    const { win, changes } = watch('doxy', 'in-call', 'https://doxy.me/drsmith', ADAPTERS.doxy);
    showFixture(win, 'doxy', 'pre-call');
    await settle(20);
    showFixture(win, 'doxy', 'in-call');
    await settle(FAST.confirmEndMs * 2);
    expect(changes).toEqual([]);
  });

  it('records no mutations while a check is due, and that check still sees the last of them', async () => {
    const win = openFixture('teams', 'in-call', 'https://teams.microsoft.com/v2/');
    windows.push(win);
    const abort = new AbortController();
    aborts.push(abort);
    // Count what the observer is handed: the page's DOM mutations it had to record.
    let recorded = 0;
    const Native = win.MutationObserver;
    (win as unknown as { MutationObserver: unknown }).MutationObserver = class extends Native {
      constructor(callback: MutationCallback) {
        super((records, observer) => {
          recorded += records.length;
          (callback as (records: unknown, observer: unknown) => void)(records, observer);
        });
      }
    };
    const changes: CallState[] = [];
    const slow = { ...FAST, throttleMs: 60 };
    watchCallState(win as unknown as globalThis.Window, ADAPTERS.teams, (s) => changes.push(s), abort.signal, slow);
    const meter = win.document.createElement('div');
    win.document.body.append(meter);
    // An audio meter's attribute every 2 ms, as busy call pages do, over one throttle window…
    for (let i = 0; i < 20; i++) {
      meter.setAttribute('style', `width: ${i}%`);
      await settle(2);
    }
    // …and, still inside it, the hang-up.
    showFixture(win, 'teams', 'post-call');
    await settle(slow.throttleMs + slow.confirmEndMs * 2);
    expect(changes).toEqual(['ended']);
    // The first append is recorded; the meter's 20 changes and the swap to the post-call screen are not.
    expect(recorded).toBeLessThan(5);
  });

  it('reads "unknown" from an adapter that throws, and never throws into the page', async () => {
    const broken: PlatformAdapter = {
      readPhase: () => {
        throw new TypeError('selector broke');
      },
      meetingKey: () => {
        throw new Error('bad url');
      },
      callControls: () => [],
    };
    const { win, changes, initial } = watch('meet', 'in-call', 'https://meet.google.com/abc-defg-hij', broken);
    expect(initial).toBe('unknown');
    win.document.body.append(win.document.createElement('div'));
    await settle();
    expect(changes).toEqual([]);
  });

  it('keeps watching when the receiver throws', async () => {
    const win = openFixture('zoom', 'pre-call', 'https://app.zoom.us/wc/81234567890/join');
    windows.push(win);
    const abort = new AbortController();
    aborts.push(abort);
    const seen: CallState[] = [];
    watchCallState(win as unknown as globalThis.Window, ADAPTERS.zoom, (s) => {
      seen.push(s);
      throw new Error('receiver failed');
    }, abort.signal, FAST);
    showFixture(win, 'zoom', 'in-call');
    await settle();
    showFixture(win, 'zoom', 'post-call');
    await settle(FAST.confirmEndMs * 2);
    expect(seen).toEqual(['live', 'ended']);
  });

  it('stops reading the page once its signal aborts', async () => {
    const { win, abort, changes } = watch('whereby', 'pre-call', 'https://whereby.com/drsmith', ADAPTERS.whereby);
    abort.abort();
    showFixture(win, 'whereby', 'in-call');
    win.history.pushState({}, '', '/elsewhere');
    await settle(FAST.pollMs * 3);
    expect(changes).toEqual([]);
  });

  it('on any other site recognises a self-hosted Jitsi by its markup', () => {
    const win = openFixture('jitsi', 'in-call', 'https://video.example-clinic.org/Room42');
    windows.push(win);
    const abort = new AbortController();
    aborts.push(abort);
    expect(watchCallState(win as unknown as globalThis.Window, adapterFor('other'), () => {}, abort.signal, FAST)).toBe('live');
  });

  it('on any other site without known markup says unknown', () => {
    const win = openFixture('meet', 'in-call', 'https://example.org/call');
    windows.push(win);
    const abort = new AbortController();
    aborts.push(abort);
    expect(watchCallState(win as unknown as globalThis.Window, adapterFor('other'), () => {}, abort.signal, FAST)).toBe('unknown');
  });
});

describe('dialogs over the call', () => {
  it('a modal that aria-hides the call UI behind it does not end or unconfirm the call (Meet settings dialog)', async () => {
    const win = openFixture('meet', 'in-call', 'https://meet.google.com/abc-defg-hij');
    windows.push(win);
    const abort = new AbortController();
    aborts.push(abort);
    const changes: CallState[] = [];
    watchCallState(win as unknown as globalThis.Window, ADAPTERS.meet, (s) => changes.push(s), abort.signal, FAST);
    win.document.querySelector('[role="main"]')?.setAttribute('aria-hidden', 'true');
    win.document.body.insertAdjacentHTML('beforeend', '<div role="dialog"><h2>Settings</h2><button>Close</button></div>');
    await settle(FAST.confirmEndMs * 2);
    expect(changes).toEqual([]);
  });
});
