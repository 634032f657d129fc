import type { PlatformId } from '../../core/platforms/catalog';
import type { CallStateReader } from './call-state-watcher';
import { readDemoCallState } from './demo';

/**
 * Call-state readers by platform. Sites without one yet report "unknown", and the panel
 * asks the clinician to start and end coaching by hand.
 */
const READERS: Partial<Record<PlatformId, CallStateReader>> = {
  demo: readDemoCallState,
};

export const unknownCallState: CallStateReader = () => 'unknown';

export function callStateReaderFor(platform: PlatformId): CallStateReader {
  return READERS[platform] ?? unknownCallState;
}
export { watchCallState } from './call-state-watcher';
