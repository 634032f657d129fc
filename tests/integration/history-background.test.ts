import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createHistoryHandlers, LIST_TIMEOUT_MS } from '../../src/adapters/background/history-handlers';
import { createRetentionJob, RETENTION_ALARM, scheduleRetention } from '../../src/adapters/background/retention';
import { openAttuneDb, UPGRADE_BLOCKED_MESSAGE, type AttuneDatabase } from '../../src/adapters/storage/db';
import { createGoalStore } from '../../src/adapters/storage/goal-store';
import { createStorageProblems, QUOTA_MESSAGE } from '../../src/adapters/storage/storage-errors';
import { createVisitRepository } from '../../src/adapters/storage/visit-repository';
import { exportJson, parseImport } from '../../src/core/history/export';
import { RETENTION_CHECK_PERIOD_MIN } from '../../src/core/history/retention';
import { DEFAULT_SETTINGS } from '../../src/core/settings/settings';
import { behaviourVisit, fullVisit } from '../unit/history/fixtures';
import { createBackgroundRouter, type RouterDeps } from '../../src/adapters/messaging/background-router';

const DAY = 86_400_000;

function handlers(db: Promise<AttuneDatabase> = openAttuneDb()) {
  const problems = createStorageProblems();
  const visits = createVisitRepository(db);
  const h = createHistoryHandlers({ visits, goals: createGoalStore(db), problems, now: () => 5000, log: () => undefined });
  return { h, visits, problems };
}

describe('history requests in the background', () => {
  it('lists visits with the unreadable ones counted, and no problem', async () => {
    const db = openAttuneDb();
    const { h, visits } = handlers(db);
    await visits.save(fullVisit({ id: 'ok' }));
    await (await db).put('visits', { id: 'junk', schemaVersion: 1 } as never);
    const reply = await h.listVisits();
    expect(reply.visits.map((v) => v.id)).toEqual(['ok']);
    expect(reply.skipped).toEqual([{ id: 'junk', reason: expect.any(String) }]);
    expect(reply.problem).toBeNull();
  });

  it('answers at once with the reason while a database upgrade is blocked', async () => {
    const { h, problems } = handlers(new Promise(() => undefined));
    problems.blocked(UPGRADE_BLOCKED_MESSAGE);
    expect(await h.listVisits()).toEqual({ visits: [], skipped: [], problem: UPGRADE_BLOCKED_MESSAGE });
  });

  it('does not hang the page when the database never opens', async () => {
    vi.useFakeTimers();
    try {
      const { h } = handlers(new Promise(() => undefined));
      const reply = h.listVisits();
      await vi.advanceTimersByTimeAsync(LIST_TIMEOUT_MS + 1);
      expect((await reply).problem).toMatch(/did not open in time/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a full disk during an import is reported as the page’s problem and rejected with the reason', async () => {
    const full = Promise.resolve({
      transaction: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      getAll: async () => [],
    } as unknown as AttuneDatabase);
    const { h } = handlers(full);
    await expect(h.importVisits([fullVisit()])).rejects.toThrow(QUOTA_MESSAGE);
    expect((await h.listVisits()).problem).toBe(QUOTA_MESSAGE);
  });

  it('stores a batch of imported visits (parsed and validated by the history page)', async () => {
    const { h } = handlers();
    const { visits } = parseImport(exportJson([fullVisit({ id: 'a' }), fullVisit({ id: 'b' })], 0));
    expect(await h.importVisits(visits)).toEqual({ added: 2, replaced: 0 });
    expect(await h.importVisits(visits.slice(0, 1))).toEqual({ added: 0, replaced: 1 });
    expect((await h.listVisits()).visits).toHaveLength(2);
  });

  it('a page’s listening-behaviour correction reaches storage through the router, and a malformed one is refused', async () => {
    const { h, visits } = handlers();
    await visits.save(behaviourVisit());
    const route = createBackgroundRouter({ history: h, log: () => undefined, me: { runtimeId: 'ext', origin: 'chrome-extension://ext/', offscreenUrl: 'chrome-extension://ext/offscreen.html' } } as unknown as RouterDeps);
    const page = { id: 'ext', url: 'chrome-extension://ext/summary.html' };
    const reply = (await route({ type: 'page:correct-behaviours', visitId: 'v1', utteranceId: 'u3', behaviours: [] }, page)) as { questions: { behaviours: { affirmation: number } } };
    expect(reply.questions.behaviours.affirmation).toBe(0);
    expect((await visits.list()).visits[0]!.utterances![2]!.correctedBehaviours).toEqual([]);
    expect(route({ type: 'page:correct-behaviours', visitId: 'v1', utteranceId: 'u3', behaviours: ['praise'] }, page)).toBeUndefined();
  });

  it('sets and clears the goal for the next visit', async () => {
    const { h } = handlers();
    const goal = { id: 'reflect-more', text: 'Reflect more', setAt: 4000, fromVisitId: 'v1' };
    expect(await h.setGoal(goal)).toEqual({ current: goal, history: [goal] });
    expect(await h.setGoal(null)).toEqual({ current: null, history: [goal] });
  });
});

describe('retention', () => {
  it('the alarm deletes visits older than the retention period (default 90 days)', async () => {
    const repo = createVisitRepository(openAttuneDb());
    const now = Date.UTC(2025, 5, 1);
    await repo.save(fullVisit({ id: 'old', startedAt: now - 100 * DAY }));
    await repo.save(fullVisit({ id: 'recent', startedAt: now - 10 * DAY }));
    const logs: string[] = [];
    const job = createRetentionJob({ visits: repo, settings: async () => DEFAULT_SETTINGS, now: () => now, log: (m) => logs.push(m) });
    scheduleRetention(fakeBrowser.alarms, job, (m) => logs.push(m));
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(RETENTION_ALARM)).toMatchObject({ periodInMinutes: RETENTION_CHECK_PERIOD_MIN }));
    await fakeBrowser.alarms.onAlarm.trigger({ name: RETENTION_ALARM, scheduledTime: now });
    await vi.waitFor(async () => expect((await repo.list()).visits.map((v) => v.id)).toEqual(['recent']));
    expect(logs.join('\n')).toMatch(/deleted 1 visit/);
  });

  it('keeps everything when retention is 0, and does not reschedule an existing alarm', async () => {
    const repo = createVisitRepository(openAttuneDb());
    await repo.save(fullVisit({ id: 'ancient', startedAt: 0 }));
    const job = createRetentionJob({ visits: repo, settings: async () => ({ ...DEFAULT_SETTINGS, retentionDays: 0 }), now: () => Date.now(), log: () => undefined });
    expect(await job()).toBe(0);
    expect((await repo.list()).visits).toHaveLength(1);
    await fakeBrowser.alarms.create(RETENTION_ALARM, { periodInMinutes: 5 });
    scheduleRetention(fakeBrowser.alarms, job, () => undefined);
    await new Promise((ok) => setTimeout(ok, 10));
    expect(await fakeBrowser.alarms.get(RETENTION_ALARM)).toMatchObject({ periodInMinutes: 5 });
  });
});
