/**
 * Whether the toolbar badge of a tab needs setting again. The panel's view goes out every second
 * (and on each speaker change and label); setting the badge each time was two extension-API
 * calls a second for the browser process to run. It is set when a tab's coaching state changes,
 * and again after `refreshMs` in case the browser cleared it (tab-specific badges go when the tab
 * navigates).
 */
export const BADGE_REFRESH_MS = 30_000;

export function createBadgeRefresh(nowMs: () => number, refreshMs = BADGE_REFRESH_MS) {
  const shown = new Map<number, { coaching: boolean; atMs: number }>();
  return {
    /** True when the badge should be set to `coaching` now (and records that it was). */
    due(tabId: number, coaching: boolean): boolean {
      const last = shown.get(tabId);
      const now = nowMs();
      if (last && last.coaching === coaching && now - last.atMs < refreshMs) return false;
      shown.set(tabId, { coaching, atMs: now });
      return true;
    },
    forget(tabId: number): void {
      shown.delete(tabId);
    },
  };
}
