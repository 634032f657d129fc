import type { PlatformId } from '../../core/platforms/catalog';
import type { PlatformAdapter } from './types';
import { callControlsOf } from './call-controls';
import { demoAdapter } from './demo';
import { doxyAdapter } from './doxy';
import { jitsiAdapter, looksLikeJitsi } from './jitsi';
import { meetAdapter } from './meet';
import { teamsAdapter } from './teams';
import { vseeAdapter } from './vsee';
import { webexAdapter } from './webex';
import { wherebyAdapter } from './whereby';
import { zoomAdapter } from './zoom';

/** One adapter per catalogued site: the type makes a new catalog entry without an adapter a compile error. */
export const ADAPTERS: Record<Exclude<PlatformId, 'other'>, PlatformAdapter> = {
  demo: demoAdapter,
  meet: meetAdapter,
  zoom: zoomAdapter,
  teams: teamsAdapter,
  doxy: doxyAdapter,
  vsee: vseeAdapter,
  webex: webexAdapter,
  whereby: wherebyAdapter,
  jitsi: jitsiAdapter,
};

/** Hang-up buttons as most sites name them: "Leave", "Leave call", "End meeting", "Hang up". */
const GENERIC_HANGUP_NAME = /^(leave|end|hang up)( the)?( call| meeting| visit| room)?\b/i;

/**
 * Any other page (a self-hosted Jitsi, say, when coaching was started on it by hand): Jitsi's
 * markup is recognised wherever it is served; everything else is unrecognised, which leaves
 * starting and ending to the clinician.
 */
export const otherSiteAdapter: PlatformAdapter = {
  readPhase(doc) {
    return looksLikeJitsi(doc) ? jitsiAdapter.readPhase(doc) : 'unrecognised';
  },
  meetingKey(url) {
    return jitsiAdapter.meetingKey(url);
  },
  // An unknown site: whatever is named like a hang-up, mute or camera button.
  callControls(doc) {
    return looksLikeJitsi(doc) ? jitsiAdapter.callControls(doc) : callControlsOf(doc, { bars: [], hangup: GENERIC_HANGUP_NAME });
  },
};

export function adapterFor(platform: PlatformId): PlatformAdapter {
  return platform === 'other' ? otherSiteAdapter : ADAPTERS[platform];
}

export type { PlatformAdapter } from './types';
export { watchCallState } from './call-state-watcher';
export { controlRects, type ControlBox } from './call-controls';
