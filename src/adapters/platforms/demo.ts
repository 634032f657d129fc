import type { PlatformAdapter } from './types';
import { callControlsOf } from './call-controls';

/**
 * The local demo visit (demo/page): it announces its state on <body data-call-state>, one of
 * waiting | connecting | live | ended. "connecting" counts as in the call: the demo's far end
 * starts talking as soon as it connects.
 */
export const demoAdapter: PlatformAdapter = {
  readPhase(doc) {
    switch (doc.body?.dataset.callState) {
      case 'waiting':
        return 'pre-call';
      case 'connecting':
      case 'live':
        return 'in-call';
      case 'ended':
        return 'post-call';
      default:
        return 'unrecognised';
    }
  },
  meetingKey(url) {
    // One visit per demo page: the page itself is the meeting.
    return url.pathname.startsWith('/attune-demo/') ? '/attune-demo/' : null;
  },
  callControls(doc) {
    return callControlsOf(doc, { bars: ['footer.controls'], hangup: /^(Leave call|Hang up)$/i });
  },
};
