import type { CallState } from '../../core/protocol/messages';
import { createCallTracker, type CallObservation } from '../../core/platforms/call-tracker';
import type { PlatformAdapter } from './types';

export interface WatchOptions {
  /** DOM mutations are coalesced: at most one read per this window, ms. */
  throttleMs?: number;
  /** A re-read at this interval catches changes no mutation announces (URL-only navigation), ms. */
  pollMs?: number;
  /** An "ended" must still hold after this long before it is reported: one re-render that drops the toolbar must not end a visit, ms. */
  confirmEndMs?: number;
}

const DEFAULTS: Required<WatchOptions> = { throttleMs: 250, pollMs: 2000, confirmEndMs: 1200 };

/**
 * Reads the call state from the page with the site's adapter and reports each change.
 * Re-reads on DOM mutations (throttled), on history navigation (popstate, hashchange, the
 * Navigation API where the browser has it) and on a slow poll, so a single-page app that
 * moves away from the meeting URL ends the call. Never throws into the page: an adapter that
 * throws reads as "unrecognised", a failing listener is ignored. Everything is released when
 * the signal aborts. Returns the state at the start.
 */
export function watchCallState(
  win: Window,
  adapter: PlatformAdapter,
  onChange: (state: CallState) => void,
  signal: AbortSignal,
  options: WatchOptions = {},
): CallState {
  const { throttleMs, pollMs, confirmEndMs } = { ...DEFAULTS, ...options };
  const tracker = createCallTracker();

  const observe = (): CallObservation => {
    let phase: CallObservation['phase'] = 'unrecognised';
    let meetingKey: string | null = null;
    try {
      phase = adapter.readPhase(win.document);
    } catch {
      // A site redesign broke a query: say nothing about the call.
    }
    try {
      meetingKey = adapter.meetingKey(new URL(win.location.href));
    } catch {
      // An unparsable URL names no meeting.
    }
    return { phase, meetingKey };
  };

  const first = observe();
  let lastMeetingKey = first.meetingKey;
  let reported = tracker.next(first);
  if (signal.aborted) return reported;

  const timers = new Set<number>();
  const later = (fn: () => void, ms: number) => {
    const id = win.setTimeout(() => {
      timers.delete(id);
      if (!signal.aborted) fn();
    }, ms);
    timers.add(id);
  };

  const report = (state: CallState) => {
    if (state === reported) return;
    reported = state;
    try {
      onChange(state);
    } catch {
      // The receiver's failure is its own; the watcher keeps watching.
    }
  };

  let confirming = false;
  const check = () => {
    const observation = observe();
    const navigated = observation.meetingKey !== lastMeetingKey;
    lastMeetingKey = observation.meetingKey;
    const next = tracker.next(observation);
    // Leaving the meeting's URL is no flicker: report at once (a new meeting may follow).
    if (next !== 'ended' || reported === 'ended' || navigated) return report(next);
    if (confirming) return;
    confirming = true;
    later(() => {
      confirming = false;
      // The tracker holds "ended" until a call is live again, so a re-read that still says
      // "ended" confirms it, and one that says "live" was a flicker.
      const observation = observe();
      lastMeetingKey = observation.meetingKey;
      report(tracker.next(observation));
    }, confirmEndMs);
  };

  // The window's own constructor: the watcher may watch a window other than the global one (tests).
  const Observer = (win as Window & { MutationObserver?: typeof MutationObserver }).MutationObserver ?? MutationObserver;
  const root = win.document.documentElement;
  const watchDom = () => {
    if (root) observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  };

  let scheduled = false;
  const scheduleCheck = () => {
    if (scheduled) return;
    scheduled = true;
    // Call pages mutate many times a second (timers, audio meters, captions): while a check is
    // already due, the page's DOM changes need not be recorded, since that check reads the DOM as
    // it is by then. Watching again in the same task as that read misses nothing.
    observer.disconnect();
    later(() => {
      scheduled = false;
      watchDom();
      check();
    }, throttleMs);
  };
  const observer = new Observer(scheduleCheck);
  watchDom();
  win.addEventListener('popstate', scheduleCheck, { signal });
  win.addEventListener('hashchange', scheduleCheck, { signal });
  // Chromium's Navigation API also announces history.pushState from the page's own world.
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener?.('currententrychange', scheduleCheck, { signal });
  const poll = win.setInterval(check, pollMs);

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      win.clearInterval(poll);
      for (const id of timers) win.clearTimeout(id);
      timers.clear();
    },
    { once: true },
  );
  return reported;
}
