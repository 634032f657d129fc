import type { CallState } from '../protocol/messages';

/**
 * What a platform adapter recognises on its site's page:
 * - `pre-call`: the site's own page outside a call (pre-join lobby, waiting room, dashboard);
 * - `in-call`: the call's controls (a hang-up button with the call's toolbar or tiles);
 * - `post-call`: a screen that only follows a call ("You left the meeting", rating, "Rejoin");
 * - `unrecognised`: none of the adapter's markers match (another locale, a redesign).
 */
export type CallPhase = 'pre-call' | 'in-call' | 'post-call' | 'unrecognised';

/** One reading of the page: its phase and which meeting its URL names (null: no meeting in the URL). */
export interface CallObservation {
  phase: CallPhase;
  meetingKey: string | null;
}

export interface CallTracker {
  /** Feeds the latest reading; returns the call state to report. */
  next(observation: CallObservation): CallState;
}

/**
 * Turns a page's readings into the call state the coordinator acts on. It remembers the call
 * it saw go live, because "ended" is a transition, not a page: after a live call, the site's
 * own lobby or dashboard, or a URL that no longer names that meeting (single-page navigation),
 * means the clinician hung up. Never having seen the call live, a lobby says nothing ('unknown').
 * 'ended' then holds until a call is live again, so the panel keeps saying the call ended.
 */
export function createCallTracker(): CallTracker {
  let live: { meetingKey: string | null } | null = null;
  let ended = false;

  const endCall = (): CallState => {
    live = null;
    ended = true;
    return 'ended';
  };

  return {
    next({ phase, meetingKey }) {
      if (live && meetingKey !== live.meetingKey) return endCall();
      switch (phase) {
        case 'in-call':
          live = { meetingKey };
          ended = false;
          return 'live';
        case 'post-call':
          return endCall();
        case 'pre-call':
          return live ? endCall() : ended ? 'ended' : 'unknown';
        case 'unrecognised':
          // Markup we cannot read says nothing either way: a live call stays unconfirmed rather
          // than ended, so a redesign can never end a visit by itself.
          return ended ? 'ended' : 'unknown';
      }
    },
  };
}
