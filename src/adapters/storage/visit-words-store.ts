import { storage } from 'wxt/utils/storage';
import { createVisitWordsStore, type VisitWordsState } from '../../core/session/visit-words';

/**
 * The review's words of privacy-local visits, in storage.session: memory only, it outlives a
 * killed service worker but not the browser, and is never written to disk (issue 19.5).
 */
const item = storage.defineItem<VisitWordsState | null>('session:visit-words', { fallback: null });

export function createSessionVisitWordsStore(now: () => number = Date.now) {
  return createVisitWordsStore({ load: () => item.getValue(), save: (state) => item.setValue(state), now });
}
