import type { PlatformAdapter } from './types';
import { callControlsOf } from './call-controls';
import { hasButtonNamed, hasElement, hasHeadingSaying } from './dom-signals';

/*
 * Microsoft Teams on the web: work (teams.microsoft.com, teams.cloud.microsoft) and personal
 * (teams.live.com). Markers, from public sources (no code copied):
 * - the hang-up button's stable ids: #hangup-button (extension ofer987/bavardo-2 setCommands.js,
 *   userscript hegdenischay/Teams-userscript) and [data-tid="hangup-main-btn"] (Vexa-ai/vexa
 *   msteams/selectors.ts); its label "Leave" or "Leave (Ctrl+Shift+H)" (Payme-Works/meeboter
 *   microsoft-teams/src/selectors.ts);
 * - pre-join: [data-tid="prejoin-join-button"], [data-tid="prejoin-display-name-input"]
 *   (meeboter), lobby text "Someone will let you in shortly" (Vexa teamsWaitingRoomIndicators);
 * - post-call: "You've been removed from this meeting", "Meeting ended", "Call ended"
 *   (Vexa teamsRemovalIndicators), "You left the meeting" / "Rejoin" on the web join flow, and
 *   the call-quality rating prompt.
 * Teams keeps the same URL through a call (its meeting lives in app state), so the meeting key
 * is constant: ending is read from the page alone.
 */

const HANGUP = ['#hangup-button', '[data-tid="hangup-main-btn"]'];
const HANGUP_NAME = /^Leave( \((Ctrl|⌘)\+Shift\+H\))?$/i;
const PRE_JOIN = ['[data-tid="prejoin-join-button"]', '[data-tid="prejoin-display-name-input"]'];
const LOBBY = /Someone will let you in shortly|Waiting for someone to let you in|When the meeting starts, we'll let people know you're waiting/i;
const LEFT = /^(You left the meeting|You have left the meeting|You've been removed from this meeting|You have been removed from this meeting|Meeting ended|Call ended|The meeting has ended|How was the (call|meeting) quality)/i;
const AFTER_CALL_BUTTON = /^Rejoin$/i;

export const teamsAdapter: PlatformAdapter = {
  readPhase(doc) {
    if (hasElement(doc, HANGUP) || hasButtonNamed(doc, HANGUP_NAME)) return 'in-call';
    if (hasHeadingSaying(doc, LEFT) || hasButtonNamed(doc, AFTER_CALL_BUTTON)) return 'post-call';
    if (hasElement(doc, PRE_JOIN) || hasHeadingSaying(doc, LOBBY)) return 'pre-call';
    return 'unrecognised';
  },
  meetingKey() {
    return 'teams';
  },
  callControls(doc) {
    return callControlsOf(doc, { bars: ['[role="toolbar"][aria-label="Meeting controls"]', '[data-tid="call-controls"]'], hangup: HANGUP_NAME });
  },
};
