import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Goal, VisitSummary } from '../../core/session/schema';
import type { SessionCheckpoint } from '../../core/session/coordinator';

/**
 * Attune's IndexedDB on the extension origin. Each version adds to the upgrade ladder below;
 * a browser holding any earlier version climbs every step it missed.
 *   1: visits (by start time, by site), checkpoints of live visits
 *   2: goals (every goal the clinician set, by when; a null goal clears it)
 */
export const DB_NAME = 'attune';
export const DB_VERSION = 2;

/** One entry of the goal history: the goal set at `setAt`, or null when the clinician cleared it. */
export interface GoalRecord {
  setAt: number;
  goal: Goal | null;
}

export interface AttuneDB extends DBSchema {
  visits: {
    key: string;
    /** Stored as written; validated on read because records can be old or hand-edited. */
    value: VisitSummary;
    indexes: { byStartedAt: number; bySite: string };
  };
  checkpoints: {
    key: string;
    value: SessionCheckpoint & { sessionId: string };
  };
  goals: {
    key: number;
    value: GoalRecord;
  };
}

export type AttuneDatabase = IDBPDatabase<AttuneDB>;

export const UPGRADE_BLOCKED_MESSAGE =
  'Attune is waiting to update its saved visits: another Attune page or window still has them open. Close other Attune tabs (or restart the browser) and reload this page.';

export interface OpenDbEvents {
  /** An older connection keeps the upgrade waiting: tell the clinician (it is not an error to swallow). */
  onBlocked?(message: string): void;
  /** The upgrade went through after being blocked, or the database opened normally. */
  onOpened?(): void;
}

export function openAttuneDb(events: OpenDbEvents = {}): Promise<AttuneDatabase> {
  const opening = openDB<AttuneDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const visits = db.createObjectStore('visits', { keyPath: 'id' });
        visits.createIndex('byStartedAt', 'startedAt');
        visits.createIndex('bySite', 'site');
        db.createObjectStore('checkpoints', { keyPath: 'sessionId' });
      }
      if (oldVersion < 2) {
        db.createObjectStore('goals', { keyPath: 'setAt' });
      }
    },
    blocked() {
      console.warn(`Attune: ${UPGRADE_BLOCKED_MESSAGE}`);
      events.onBlocked?.(UPGRADE_BLOCKED_MESSAGE);
    },
    // A newer Attune wants to upgrade: step aside rather than block it. Our next call reopens.
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
  });
  return opening.then((db) => {
    events.onOpened?.();
    return db;
  });
}
