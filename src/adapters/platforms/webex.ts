import type { PlatformAdapter } from './types';
import { callControlsOf } from './call-controls';
import { hasButtonNamed, hasHeadingSaying } from './dom-signals';

/*
 * Webex meetings in the browser (web.webex.com, <site>.webex.com). No open-source project in
 * reach documents its markup, so this adapter reads accessible names taken from Webex's public
 * help ("Webex App | Leave or end a meeting", help.webex.com article n9hodudb): the in-meeting
 * controls "Leave meeting" and, for the host, "End meeting for all"; the pre-join screen's
 * "Join meeting" / "Start meeting" buttons; the post-meeting screen by its wording ("You've left
 * the meeting", "The meeting has ended"). Not verified against live markup: when none matches,
 * the state is unknown.
 */

const HANGUP_NAME = /^(Leave meeting|End meeting|End meeting for all|Leave or end meeting)$/i;
const PRE_CALL_NAME = /^(Join meeting|Start meeting|Join now)$/i;
const LEFT = /^(You've left the meeting|You’ve left the meeting|You left the meeting|The meeting has ended|This meeting has ended|The host ended the meeting|Meeting ended)/i;

export const webexAdapter: PlatformAdapter = {
  readPhase(doc) {
    if (hasButtonNamed(doc, HANGUP_NAME)) return 'in-call';
    if (hasHeadingSaying(doc, LEFT)) return 'post-call';
    if (hasButtonNamed(doc, PRE_CALL_NAME)) return 'pre-call';
    return 'unrecognised';
  },
  meetingKey() {
    // Webex's web app keeps one URL through join, meeting and leave.
    return 'webex';
  },
  callControls(doc) {
    return callControlsOf(doc, { bars: ['[role="toolbar"]'], hangup: HANGUP_NAME });
  },
};
