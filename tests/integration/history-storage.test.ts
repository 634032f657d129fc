import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { DB_NAME, openAttuneDb, UPGRADE_BLOCKED_MESSAGE, type AttuneDatabase } from '../../src/adapters/storage/db';
import { createGoalStore } from '../../src/adapters/storage/goal-store';
import { describeStorageError, QUOTA_MESSAGE } from '../../src/adapters/storage/storage-errors';
import { createVisitRepository } from '../../src/adapters/storage/visit-repository';
import { exportJson } from '../../src/core/history/export';
import { behaviourVisit, fullVisit } from '../unit/history/fixtures';

const DAY = 86_400_000;

/** Version 1 of the database exactly as the first release created it. */
async function createVersion1(records: unknown[]) {
  const db = await openDB(DB_NAME, 1, {
    upgrade(d) {
      const visits = d.createObjectStore('visits', { keyPath: 'id' });
      visits.createIndex('byStartedAt', 'startedAt');
      visits.createIndex('bySite', 'site');
      d.createObjectStore('checkpoints', { keyPath: 'sessionId' });
    },
  });
  for (const r of records) await db.put('visits', r as never);
  return db;
}

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('the visit database', () => {
  it('upgrades a version-1 database to version 2, keeping every visit', async () => {
    const old = await createVersion1([fullVisit({ id: 'kept' })]);
    old.close();
    const db = openAttuneDb();
    expect([...(await db).objectStoreNames].sort()).toEqual(['checkpoints', 'goals', 'visits']);
    expect((await createVisitRepository(db).list()).visits.map((v) => v.id)).toEqual(['kept']);
  });

  it('tells the clinician when an older connection blocks the upgrade, and goes on once it closes', async () => {
    const old = await createVersion1([fullVisit({ id: 'kept' })]);
    // An old page that ignores "versionchange" keeps the upgrade waiting.
    const onBlocked = vi.fn();
    const onOpened = vi.fn();
    const opening = openAttuneDb({ onBlocked, onOpened });
    await vi.waitFor(() => expect(onBlocked).toHaveBeenCalledWith(UPGRADE_BLOCKED_MESSAGE));
    expect(onOpened).not.toHaveBeenCalled();
    old.close();
    const db = await opening;
    expect(onOpened).toHaveBeenCalledOnce();
    expect((await createVisitRepository(Promise.resolve(db)).list()).visits).toHaveLength(1);
  });

  it('steps aside when a newer version wants to upgrade, instead of blocking it', async () => {
    const db = await openAttuneDb();
    const newer = await openDB(DB_NAME, 3); // resolves only if our connection closes
    expect(newer.version).toBe(3);
    newer.close();
    void db;
  });
});

describe('the visit repository', () => {
  it('deletes one visit, or all of them', async () => {
    const repo = createVisitRepository(openAttuneDb());
    for (const id of ['a', 'b', 'c']) await repo.save(fullVisit({ id }));
    expect(await repo.delete('b')).toBe(true);
    expect(await repo.delete('b')).toBe(false);
    expect((await repo.list()).visits.map((v) => v.id).sort()).toEqual(['a', 'c']);
    expect(await repo.deleteAll()).toBe(2);
    expect((await repo.list()).visits).toEqual([]);
  });

  it('deletes only the visits that started before the retention cut-off', async () => {
    const repo = createVisitRepository(openAttuneDb());
    const now = Date.UTC(2025, 5, 1);
    await repo.save(fullVisit({ id: 'old', startedAt: now - 91 * DAY }));
    await repo.save(fullVisit({ id: 'edge', startedAt: now - 90 * DAY }));
    await repo.save(fullVisit({ id: 'new', startedAt: now - DAY }));
    expect(await repo.deleteStartedBefore(now - 90 * DAY)).toBe(1);
    expect((await repo.list()).visits.map((v) => v.id)).toEqual(['new', 'edge']);
  });

  it('imports validated visits, counting which replaced saved ones', async () => {
    const repo = createVisitRepository(openAttuneDb());
    await repo.save(fullVisit({ id: 'a', clinicianS: 1 }));
    expect(await repo.importVisits([fullVisit({ id: 'a' }), fullVisit({ id: 'b' })])).toEqual({ added: 1, replaced: 1 });
    const { visits } = await repo.list();
    expect(visits.find((v) => v.id === 'a')).toEqual(fullVisit({ id: 'a' }));
  });

  it('export then import into an empty database gives back the same visits', async () => {
    const first = createVisitRepository(openAttuneDb());
    const originals = [fullVisit({ id: 'x', startedAt: 2 }), fullVisit({ id: 'y', startedAt: 1, utterances: undefined, questions: undefined })];
    for (const v of originals) await first.save(v);
    const json = exportJson((await first.list()).visits, 0);
    globalThis.indexedDB = new (await import('fake-indexeddb')).IDBFactory();
    const second = createVisitRepository(openAttuneDb());
    const { parseImport } = await import('../../src/core/history/export');
    await second.importVisits(parseImport(json).visits);
    expect((await second.list()).visits).toEqual(originals);
  });

  it('saves a label correction with recomputed counts', async () => {
    const repo = createVisitRepository(openAttuneDb());
    await repo.save(fullVisit());
    const updated = await repo.correctLabel('v1', 'u2', 'open_question');
    expect(updated.questions).toMatchObject({ open: 4, closed: 0, openShare: 1 });
    expect((await repo.list()).visits[0]).toEqual(updated);
    await expect(repo.correctLabel('v1', 'nope', 'other')).rejects.toThrow(/not in this visit/);
    await expect(repo.correctLabel('missing', 'u1', 'other')).rejects.toThrow(/could not be read/);
  });

  it('saves a listening-behaviour correction with recomputed counts, and refuses a visit that never measured them', async () => {
    const repo = createVisitRepository(openAttuneDb());
    await repo.save(behaviourVisit());
    await repo.save(fullVisit({ id: 'old' }));
    const updated = await repo.correctBehaviours('v1', 'u7', []);
    expect(updated.questions!.behaviours).toMatchObject({ advice_without_permission: 0, permission: 1 });
    expect((await repo.list()).visits.find((v) => v.id === 'v1')).toEqual(updated);
    expect((await repo.correctBehaviours('v1', 'u7', null)).questions).toEqual(behaviourVisit().questions);
    await expect(repo.correctBehaviours('old', 'u1', ['summary'])).rejects.toThrow(/not measured/);
    await expect(repo.correctBehaviours('v1', 'nope', ['summary'])).rejects.toThrow(/not in this visit/);
  });

  it('a full disk becomes a plain message, not a silent failure', async () => {
    const full = Promise.resolve({ put: () => Promise.reject(quota()) } as unknown as AttuneDatabase);
    await expect(createVisitRepository(full).save(fullVisit())).rejects.toThrow(QUOTA_MESSAGE);
    expect(describeStorageError(quota())).toBe(QUOTA_MESSAGE);
    expect(describeStorageError(new DOMException('x', 'VersionError'))).toMatch(/newer version of Attune/);
  });

  it('skips a record from a newer Attune or edited by hand, with its reason, and lists the rest', async () => {
    const db = openAttuneDb();
    const repo = createVisitRepository(db);
    await repo.save(fullVisit({ id: 'good' }));
    await (await db).put('visits', { ...fullVisit({ id: 'future', startedAt: 5 }), schemaVersion: 9 } as never);
    await (await db).put('visits', { ...fullVisit({ id: 'edited', startedAt: 6 }), segments: { clinician: [[5, 1]], patient: [] } } as never);
    const list = await repo.list();
    expect(list.visits.map((v) => v.id)).toEqual(['good']);
    expect(list.skipped).toEqual([
      { id: 'edited', reason: expect.stringMatching(/^segments\.clinician\.0: interval ends before it starts/) },
      { id: 'future', reason: expect.stringMatching(/newer version of Attune \(schema 9\)/) },
    ]);
    // A skipped record can still be deleted by id.
    expect(await repo.delete('edited')).toBe(true);
  });
});

describe('the goal store', () => {
  it('keeps every goal in order; the newest is current, and clearing leaves none', async () => {
    const goals = createGoalStore(openAttuneDb());
    expect(await goals.current()).toBeNull();
    const g1 = { id: 'open-questions', text: 'Open questions', setAt: 100, fromVisitId: 'v1' };
    const g2 = { id: 'reflect-more', text: 'Reflect', setAt: 200, fromVisitId: null };
    await goals.set(g1, 100);
    await goals.set(g2, 200);
    expect(await goals.current()).toEqual(g2);
    await goals.set(null, 300);
    expect(await goals.current()).toBeNull();
    expect(await goals.history()).toEqual([g1, g2]);
  });
});
