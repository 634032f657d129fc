import type { PlatformAdapter } from './types';
import { callControlsOf } from './call-controls';
import { hasButtonNamed, hasHeadingSaying } from './dom-signals';

/*
 * Doxy.me (doxy.me/<room> for patients, doxy.me/account/… for providers). No open-source
 * project documents its markup, so this adapter reads only accessible names (button labels and
 * headings), taken from doxy.me's public help centre: patients "click Check in to enter your
 * waiting room" and may use the "Pre-Call Test" button (helpcenter.doxy.me "Patient check-in
 * experience", "For patients: after you check in"); providers start the call from the patient
 * queue ("patients cannot join a call with you until you choose to start the call", "Waiting
 * room: overview"). The in-call hang-up control and the post-call screen are read by their
 * visible wording ("End call", "The call has ended"). Not verified against live markup: when
 * none of it matches, the state is unknown and the clinician starts and ends coaching by hand.
 */

const HANGUP_NAME = /^(End call|Leave call|Hang up|End the call)$/i;
const PRE_CALL_NAME = /^(Check in|Start call|Pre-Call Test|Grant access to camera and mic)$/i;
const LEFT = /^(The call has ended|Your call has ended|Call ended|Thanks for using doxy\.me|Thank you for using doxy\.me|How was your call)/i;

/** Provider pages live under these; the patient's room is the first path segment otherwise. */
const PROVIDER_APP = /^\/(account|sign-in|signin|login|signup)(\/|$)/i;

export const doxyAdapter: PlatformAdapter = {
  readPhase(doc) {
    if (hasButtonNamed(doc, HANGUP_NAME)) return 'in-call';
    if (hasHeadingSaying(doc, LEFT)) return 'post-call';
    if (hasButtonNamed(doc, PRE_CALL_NAME)) return 'pre-call';
    return 'unrecognised';
  },
  meetingKey(url) {
    // The provider's calls run inside its dashboard app, whose URL does not follow the call.
    if (PROVIDER_APP.test(url.pathname)) return 'provider-app';
    return url.pathname.split('/').filter(Boolean)[0]?.toLowerCase() ?? null;
  },
  callControls(doc) {
    return callControlsOf(doc, { bars: ['[role="toolbar"][aria-label="Call controls"]'], hangup: HANGUP_NAME });
  },
};
