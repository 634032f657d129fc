import type { PlatformAdapter } from './types';
import { callControlsOf } from './call-controls';
import { hasButtonNamed, hasElement } from './dom-signals';

/*
 * Jitsi Meet (meet.jit.si, 8x8.vc, and self-hosted installs, recognised by their markup).
 * Markers, from Jitsi's own open-source web app and its test page objects (no code copied):
 * - jitsi/jitsi-meet react/features/conference/components/web/Conference.tsx: the conference
 *   page #videoconference_page renders the Toolbox (hence the hang-up button) only when neither
 *   the pre-join nor the lobby screen shows;
 * - jitsi/jitsi-meet tests/pageobjects/Toolbar.ts: the hang-up button's accessible label
 *   "Leave the meeting"; tests/pageobjects/PreJoinScreen.ts: [data-testid="prejoin.joinMeeting"],
 *   #premeeting-name-input; react/features/base/premeeting/components/web/PreMeetingScreen: the
 *   pre-join and lobby screens' root <div class="premeeting-screen" id="lobby-screen">; older
 *   builds give the hang-up button the class .hangup-button (puppeteer script mcfnord/jitsimon);
 * - the welcome page #welcome_page (jitsi-meet WelcomePage) is where a hang-up lands by default.
 */

const CONFERENCE_PAGE = ['#videoconference_page'];
const HANGUP = ['.hangup-button', '[aria-label="Leave the meeting"]', '[aria-label="Leave meeting"]'];
const HANGUP_NAME = /^(Leave the meeting|Leave meeting|End meeting for all)$/i;
const PRE_JOIN = ['[data-testid="prejoin.joinMeeting"]', '#premeeting-name-input', '#lobby-screen', '.premeeting-screen'];
const WELCOME_PAGE = ['#welcome_page'];
const POST_CALL_NAME = /^(Rejoin|Rejoin meeting)$/i;

/** True when the page is a Jitsi Meet app, whatever its host: used for self-hosted installs. */
export function looksLikeJitsi(doc: Document): boolean {
  return hasElement(doc, [...CONFERENCE_PAGE, ...WELCOME_PAGE]);
}

export const jitsiAdapter: PlatformAdapter = {
  readPhase(doc) {
    const hangup = hasElement(doc, HANGUP) || hasButtonNamed(doc, HANGUP_NAME);
    if (hasElement(doc, CONFERENCE_PAGE) && hangup && !hasElement(doc, PRE_JOIN)) return 'in-call';
    if (!hangup && hasButtonNamed(doc, POST_CALL_NAME)) return 'post-call';
    if (hasElement(doc, PRE_JOIN) || hasElement(doc, WELCOME_PAGE)) return 'pre-call';
    return 'unrecognised';
  },
  meetingKey(url) {
    // The room is the last path segment (/<room>, or /<tenant>/<room> on 8x8.vc); the welcome
    // page and the static close pages name none.
    const segments = url.pathname.split('/').filter(Boolean);
    const room = segments.at(-1);
    if (!room || segments[0] === 'static' || /\.html?$/i.test(room)) return null;
    return decodeURIComponent(room).toLowerCase();
  },
  callControls(doc) {
    return callControlsOf(doc, { bars: ['.toolbox-content-items', '.new-toolbox'], hangup: HANGUP_NAME });
  },
};
