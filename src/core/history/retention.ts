/** How long saved visits are kept (settings.retentionDays; 0 keeps them until deleted by hand). */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Visits that started before this instant (epoch ms) are due for deletion; null when nothing expires. */
export function retentionCutoffMs(nowMs: number, retentionDays: number): number | null {
  if (!Number.isFinite(retentionDays) || retentionDays <= 0) return null;
  return nowMs - retentionDays * DAY_MS;
}

/** How often the background checks for expired visits: twice a day is plenty for a cut-off in days. */
export const RETENTION_CHECK_PERIOD_MIN = 12 * 60;
