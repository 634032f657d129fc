import type { CallStateReader } from './call-state-watcher';

/**
 * The local demo visit (demo/page): it announces its state on <body data-call-state>,
 * one of waiting | connecting | live | ended.
 */
export const readDemoCallState: CallStateReader = (doc) => {
  const state = doc.body?.dataset.callState;
  return state === 'live' || state === 'connecting' ? 'live' : state === 'ended' ? 'ended' : 'unknown';
};
