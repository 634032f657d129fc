import { describe, expect, it } from 'vitest';
import { openAttuneDb, DB_VERSION } from '../../src/adapters/storage/db';
import { createVisitRepository } from '../../src/adapters/storage/visit-repository';
import { buildVisitSummary } from '../../src/core/session/summary';
import { createTalkEngine } from '../../src/core/talk/talk-engine';

const visit = (id: string, startedAt: number) =>
  buildVisitSummary(
    { id, site: 'demo', host: '127.0.0.1', startedAt, endedAt: startedAt + 60_000, remoteSource: 'tab-capture', endReason: 'user', partial: false, privacyLocal: true },
    createTalkEngine().result(),
  );

describe('visit storage', () => {
  it('lists saved visits newest first', async () => {
    const repo = createVisitRepository(openAttuneDb());
    await repo.save(visit('a', 1000));
    await repo.save(visit('b', 3000));
    await repo.save(visit('c', 2000));
    expect((await repo.list()).visits.map((v) => v.id)).toEqual(['b', 'c', 'a']);
  });

  it('skips a corrupt or hand-edited record with a reason, and still lists the rest', async () => {
    const db = openAttuneDb();
    const repo = createVisitRepository(db);
    await repo.save(visit('good', 1000));
    const broken = { ...visit('bad', 2000), clinicianShare: 7, durationS: 'long' };
    await (await db).put('visits', broken as never);
    const list = await repo.list();
    expect(list.visits.map((v) => v.id)).toEqual(['good']);
    expect(list.skipped).toHaveLength(1);
    expect(list.skipped[0]!.id).toBe('bad');
  });

  it('refuses to save an invalid summary', async () => {
    const repo = createVisitRepository(openAttuneDb());
    await expect(repo.save({ ...visit('x', 1), clinicianS: -1 })).rejects.toThrow();
  });

  it('creates its stores at version 2', async () => {
    const db = await openAttuneDb();
    expect(DB_VERSION).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual(['checkpoints', 'goals', 'visits']);
    expect([...db.transaction('visits').store.indexNames].sort()).toEqual(['bySite', 'byStartedAt']);
  });
});
