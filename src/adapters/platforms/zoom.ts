import type { PlatformAdapter } from './types';
import { callControlsOf } from './call-controls';
import { hasButtonNamed, hasElement, hasHeadingSaying, pageSays } from './dom-signals';

/*
 * Zoom's web client (app.zoom.us/wc/<number>/join, <sub>.zoom.us/wc/…). Markers, from public
 * sources (no code copied):
 * - Vexa-ai/vexa zoom/web/selectors.ts ("verified from live DOM inspection"): the meeting app
 *   container .meeting-app; the footer's leave button <button aria-label="Leave">; the pre-join
 *   page's #input-for-name and button.preview-join-button; waiting-room texts ("Please wait, the
 *   meeting host will let you in soon.", "Waiting for the host to start this meeting"); the end
 *   modal .zm-modal-body-title ("This meeting has been ended by host", "removed from the meeting");
 * - an older footer class button.footer__leave-btn (HangUpController in a public Zoom bot).
 * Leaving usually loads zoom.us/postattendee (a new page, whose URL names no meeting); the
 * catalog matches it so that page can report the end.
 */

const MEETING_APP = ['.meeting-app'];
const LEAVE_BUTTONS = ['button.footer__leave-btn', 'button[aria-label="Leave"]'];
const LEAVE_NAME = /^Leave$/i;
const PRE_JOIN = ['#input-for-name', 'button.preview-join-button', '#preview-audio-control-button'];
const WAITING = /Please wait, the meeting host will let you in soon|Waiting for the host to start (this|the) meeting/i;
const ENDED = /meeting has been ended|ended by (the )?host|removed from the meeting|You have been removed|meeting has ended|You left the meeting/i;
const END_MODAL = ['.zm-modal-body-title'];

/** /wc/<number>/…, /wc/join/<number>, /s/<number> style paths name the meeting. */
const MEETING_PATH = /^\/(?:wc\/(?:join\/)?|[js]\/)(\d{9,12})(?:\/|$)/;

export const zoomAdapter: PlatformAdapter = {
  readPhase(doc) {
    // The end-of-meeting modal can sit over a footer that is still rendered: it wins.
    if (hasHeadingSaying(doc, ENDED, END_MODAL)) return 'post-call';
    const inMeetingApp = hasElement(doc, MEETING_APP);
    if (inMeetingApp && (hasElement(doc, LEAVE_BUTTONS) || hasButtonNamed(doc, LEAVE_NAME))) return 'in-call';
    // The waiting-room text has no dedicated class (Vexa): read the page's text, but only here,
    // outside the meeting app, where the page is small.
    if (hasElement(doc, PRE_JOIN) || (!inMeetingApp && pageSays(doc, WAITING))) return 'pre-call';
    if (doc.location?.pathname.startsWith('/postattendee')) return 'post-call';
    return 'unrecognised';
  },
  meetingKey(url) {
    if (url.pathname.startsWith('/postattendee')) return null;
    return MEETING_PATH.exec(url.pathname)?.[1] ?? null;
  },
  callControls(doc) {
    return callControlsOf(doc, { bars: ['#wc-footer', '.meeting-app .footer'], hangup: LEAVE_NAME });
  },
};
