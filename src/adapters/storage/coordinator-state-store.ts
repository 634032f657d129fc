import { storage } from 'wxt/utils/storage';
import type { CoordinatorState } from '../../core/session/coordinator';

/**
 * The session registry in storage.session: it outlives a killed service worker but not the
 * browser, which is what we want (after a restart the checkpoints in IndexedDB take over).
 */
const item = storage.defineItem<CoordinatorState | null>('session:coordinator', { fallback: null });

export const coordinatorStateStore = {
  load: () => item.getValue(),
  save: (state: CoordinatorState) => item.setValue(state),
};
