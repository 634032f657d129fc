import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { VisitSummary } from '../../core/session/schema';
import type { SessionCheckpoint } from '../../core/session/coordinator';

/**
 * Attune's IndexedDB on the extension origin. Each version adds to the upgrade ladder below;
 * a browser holding any earlier version climbs every step it missed.
 */
export const DB_NAME = 'attune';
export const DB_VERSION = 1;

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
}

export type AttuneDatabase = IDBPDatabase<AttuneDB>;

export function openAttuneDb(): Promise<AttuneDatabase> {
  return openDB<AttuneDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const visits = db.createObjectStore('visits', { keyPath: 'id' });
        visits.createIndex('byStartedAt', 'startedAt');
        visits.createIndex('bySite', 'site');
        db.createObjectStore('checkpoints', { keyPath: 'sessionId' });
      }
    },
    blocked() {
      console.warn('Attune: the database upgrade waits for another Attune page to close.');
    },
  });
}
