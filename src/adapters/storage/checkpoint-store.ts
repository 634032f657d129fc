import type { SessionCheckpoint } from '../../core/session/coordinator';
import type { AttuneDatabase } from './db';

/** Live-visit checkpoints: written every few seconds, deleted once the summary is saved. */
export function createCheckpointStore(db: Promise<AttuneDatabase>) {
  return {
    async put(checkpoint: SessionCheckpoint): Promise<void> {
      await (await db).put('checkpoints', { ...checkpoint, sessionId: checkpoint.session.sessionId });
    },
    async get(sessionId: string): Promise<SessionCheckpoint | null> {
      return (await (await db).get('checkpoints', sessionId)) ?? null;
    },
    async delete(sessionId: string): Promise<void> {
      await (await db).delete('checkpoints', sessionId);
    },
    async all(): Promise<SessionCheckpoint[]> {
      return (await db).getAll('checkpoints');
    },
  };
}
