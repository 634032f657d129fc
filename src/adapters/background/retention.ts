import { retentionCutoffMs, RETENTION_CHECK_PERIOD_MIN } from '../../core/history/retention';
import type { Settings } from '../../core/settings/settings';

export const RETENTION_ALARM = 'attune-retention';

export interface RetentionDeps {
  visits: { deleteStartedBefore(cutoffMs: number): Promise<number> };
  settings(): Promise<Settings>;
  now(): number;
  log(message: string): void;
}

/** Deletes saved visits older than settings.retentionDays; returns how many went. */
export function createRetentionJob(deps: RetentionDeps): () => Promise<number> {
  return async () => {
    const cutoff = retentionCutoffMs(deps.now(), (await deps.settings()).retentionDays);
    if (cutoff === null) return 0;
    const deleted = await deps.visits.deleteStartedBefore(cutoff);
    if (deleted) deps.log(`retention: deleted ${deleted} visit(s) that started before ${new Date(cutoff).toISOString()}`);
    return deleted;
  };
}

/** The slice of browser.alarms this needs (so tests can hand in the fake browser's). */
export interface AlarmsLike {
  get(name: string): Promise<unknown>;
  create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): void | Promise<void>;
  onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
}

/**
 * Runs the job when the alarm fires. The listener is registered synchronously (a woken worker
 * must find it); the alarm is created only when missing, so frequent worker starts do not keep
 * pushing it back. The first check runs a minute after install.
 */
export function scheduleRetention(alarms: AlarmsLike, run: () => Promise<number>, log: (message: string) => void): void {
  alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) run().catch((error: unknown) => log(`retention failed: ${String(error)}`));
  });
  void Promise.resolve(alarms.get(RETENTION_ALARM)).then((existing) => {
    if (!existing) return alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: RETENTION_CHECK_PERIOD_MIN });
  });
}
