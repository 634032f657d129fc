import { storage } from 'wxt/utils/storage';
import { EMPTY_PROFILE, readAdaptationProfile, withCorrection, type AdaptationRead } from '../../core/questions/adaptation-profile';
import type { VisitSummary } from '../../core/session/schema';

/**
 * The clinician's label adaptation (src/core/questions/adaptation-profile.ts) in storage.local:
 * the background updates it when a correction is saved, the coordinator reads its layer as a
 * visit starts, the options page shows and resets it. Updates are queued so two quick
 * corrections cannot overwrite each other.
 */
const item = storage.defineItem<unknown>('local:adaptation', { fallback: null });
let queue: Promise<unknown> = Promise.resolve();

export async function loadAdaptation(): Promise<AdaptationRead> {
  return readAdaptationProfile(await item.getValue());
}

/** After a correction on `visit` (as saved) changed: refit and store. An unreadable record is started again. */
export function recordCorrection(visit: VisitSummary, utteranceId: string): Promise<void> {
  const run = queue.then(async () => {
    const read = await loadAdaptation();
    const next = withCorrection(read.profile, visit, utteranceId);
    if (next !== read.profile || read.problem) await item.setValue(next === EMPTY_PROFILE ? null : next);
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Forgets every correction: labels are the model's own again. */
export function resetAdaptation(): Promise<void> {
  const run = queue.then(() => item.removeValue());
  queue = run.catch(() => undefined);
  return run;
}

export function watchAdaptation(onChange: (read: AdaptationRead) => void): () => void {
  return item.watch((value) => onChange(readAdaptationProfile(value)));
}
