import type { PlatformAdapter } from './types';
import { callControlsOf } from './call-controls';
import { hasButtonNamed, hasHeadingSaying } from './dom-signals';

/*
 * Whereby (whereby.com/<room>, <team>.whereby.com/<room>). No open-source project in reach
 * documents its room markup (public extensions such as KYSergey/whereby-ext only toggle the
 * camera), so this adapter reads accessible names: the room toolbar's "Leave" button, the
 * pre-join screen's "Join meeting" / "Knock" / "Request to join" buttons, and the post-call
 * screen's wording ("You left the room") with its "Rejoin" button. Not verified against live
 * markup: when none matches, the state is unknown.
 */

const HANGUP_NAME = /^(Leave|Leave room|Leave meeting|Leave call)$/i;
const PRE_CALL_NAME = /^(Join meeting|Join room|Knock|Request to join|Join now)$/i;
const LEFT = /^(You left the room|You have left the room|You left the meeting|The meeting has ended|You were removed from the room)/i;
const AFTER_CALL_NAME = /^(Rejoin|Rejoin room|Rejoin meeting)$/i;

/** Whereby's own pages, not rooms. */
const NOT_A_ROOM = new Set(['user', 'login', 'signup', 'information', 'org', 'pricing', 'embed']);

export const wherebyAdapter: PlatformAdapter = {
  readPhase(doc) {
    const hangup = hasButtonNamed(doc, HANGUP_NAME);
    if (hangup) return 'in-call';
    if (hasHeadingSaying(doc, LEFT) || hasButtonNamed(doc, AFTER_CALL_NAME)) return 'post-call';
    if (hasButtonNamed(doc, PRE_CALL_NAME)) return 'pre-call';
    return 'unrecognised';
  },
  meetingKey(url) {
    const room = url.pathname.split('/').filter(Boolean)[0]?.toLowerCase();
    return room && !NOT_A_ROOM.has(room) ? room : null;
  },
  callControls(doc) {
    return callControlsOf(doc, { bars: [], hangup: HANGUP_NAME });
  },
};
