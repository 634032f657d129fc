import type { PlatformAdapter } from './types';
import { callControlsOf } from './call-controls';
import { hasButtonNamed, hasElement, hasHeadingSaying } from './dom-signals';

/*
 * Google Meet (meet.google.com). Markers, from public sources (no code copied):
 * - the hang-up button is labelled aria-label="Leave call": browser extension mnadel/peace-out
 *   (worker.js) clicks the button with that label; Vexa-ai/vexa (googlemeet/selectors.ts) uses
 *   button[aria-label="Leave call"] as its primary leave control;
 * - participant tiles carry [data-participant-id] (self: [data-self-name]); Vexa notes these exist
 *   only once admitted, while the leave button and toolbar can already exist in the lobby, so
 *   "in call" needs both;
 * - pre-join: "Join now" / "Ask to join" buttons, "Asking to be let in…" (Vexa googleJoinButtonSelectors,
 *   googleWaitingRoomIndicators);
 * - post-call: "You left the meeting", "Meeting ended"/"Call ended", removal (Vexa googleRemovalIndicators),
 *   with "Rejoin" and "Return to home screen" buttons.
 * English labels only: in another UI language nothing matches and the state is unknown.
 */

const LEAVE_BUTTON = /^Leave call$/i;
const PARTICIPANT_TILES = ['[data-participant-id]', '[data-self-name]'];
const JOIN_BUTTON = /^(Join now|Ask to join|Switch here|Join here too)$/i;
const WAITING = /Asking to be let in|You'll join the call when someone lets you in|You’ll join the call when someone lets you in/i;
const LEFT_HEADING = /^(You left the meeting|You left the call|The call has ended|Meeting ended|Call ended|You've been removed from the meeting|You’ve been removed from the meeting)/i;
const AFTER_CALL_BUTTON = /^(Rejoin|Return to home screen)$/i;

/** Meeting codes look like abc-mnop-xyz; /lookup/<name> is the older nickname form. */
const MEETING_CODE_PATH = /^\/([a-z]{3,4}-[a-z]{4}-[a-z]{3,4})(?:\/|$)/i;
const LOOKUP_PATH = /^\/lookup\/([\w-]+)/i;

export const meetAdapter: PlatformAdapter = {
  readPhase(doc) {
    const leave = hasButtonNamed(doc, LEAVE_BUTTON);
    if (leave && hasElement(doc, PARTICIPANT_TILES)) return 'in-call';
    if (!leave && (hasHeadingSaying(doc, LEFT_HEADING) || hasButtonNamed(doc, AFTER_CALL_BUTTON))) return 'post-call';
    if (hasButtonNamed(doc, JOIN_BUTTON) || hasHeadingSaying(doc, WAITING)) return 'pre-call';
    return 'unrecognised';
  },
  meetingKey(url) {
    const match = MEETING_CODE_PATH.exec(url.pathname) ?? LOOKUP_PATH.exec(url.pathname);
    return match?.[1]?.toLowerCase() ?? null;
  },
  callControls(doc) {
    return callControlsOf(doc, { bars: [], hangup: LEAVE_BUTTON });
  },
};
