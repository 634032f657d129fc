import type { PlatformId } from '../../core/platforms/catalog';
import type { PlatformAdapter } from './types';
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
};

export function adapterFor(platform: PlatformId): PlatformAdapter {
  return platform === 'other' ? otherSiteAdapter : ADAPTERS[platform];
}

export type { PlatformAdapter } from './types';
export { watchCallState } from './call-state-watcher';
