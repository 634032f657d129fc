import type { PlatformAdapter } from './types';
import { callControlsOf } from './call-controls';
import { hasButtonNamed, hasHeadingSaying } from './dom-signals';

/*
 * VSee Clinic in the browser (vsee.com, <clinic>.vsee.com, <clinic>.vsee.me). No open-source
 * project documents its markup, so this adapter reads only accessible names taken from VSee's
 * public help desk (help.vsee.com): patients reach the visit through a "Start Appointment"
 * button ("Guest Scheduling"), and wait in the clinic's waiting room; the in-call hang-up control
 * and the post-call screen are read by their visible wording ("End call", "The call has ended",
 * the visit rating). Not verified against live markup: when none matches, the state is unknown.
 */

const HANGUP_NAME = /^(End call|End Call|Hang up|Leave call|End visit)$/i;
const PRE_CALL_NAME = /^(Start Appointment|Enter waiting room|Join call|See provider now)$/i;
const WAITING = /waiting room/i;
const LEFT = /^(The call has ended|Call ended|Your visit has ended|Visit ended|Rate your (call|visit)|How was your (call|visit))/i;

export const vseeAdapter: PlatformAdapter = {
  readPhase(doc) {
    if (hasButtonNamed(doc, HANGUP_NAME)) return 'in-call';
    if (hasHeadingSaying(doc, LEFT)) return 'post-call';
    if (hasButtonNamed(doc, PRE_CALL_NAME) || hasHeadingSaying(doc, WAITING)) return 'pre-call';
    return 'unrecognised';
  },
  meetingKey() {
    // VSee Clinic is one single-page app per clinic; its URL does not follow the call.
    return 'vsee-clinic';
  },
  callControls(doc) {
    return callControlsOf(doc, { bars: ['[role="toolbar"]'], hangup: HANGUP_NAME });
  },
};
