// The clinician's label adaptation: a correction saved through the background teaches it, a
// corrupt record falls back to no adaptation with a message, the options page's reset forgets it.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createHistoryHandlers } from '../../src/adapters/background/history-handlers';
import { loadAdaptation, recordCorrection, resetAdaptation } from '../../src/adapters/storage/adaptation-store';
import { openAttuneDb } from '../../src/adapters/storage/db';
import { createGoalStore } from '../../src/adapters/storage/goal-store';
import { createStorageProblems } from '../../src/adapters/storage/storage-errors';
import { createVisitRepository } from '../../src/adapters/storage/visit-repository';
import { IDENTITY_LAYER, toLogProbs } from '../../src/core/questions/adaptation';
import type { VisitSummary } from '../../src/core/session/schema';
import { createBackgroundRouter, type RouterDeps } from '../../src/adapters/messaging/background-router';
import { visitQuestionFigures } from '../../src/core/questions/estimate';
import { fullVisit } from '../unit/history/fixtures';

const closedLeaning = toLogProbs([0.35, 0.45, 0.1, 0.1]);

function visitOfClosedQuestions(id: string): VisitSummary {
  const utterances = Array.from({ length: 4 }, (_, i) => ({
    id: `u${i}`,
    startS: i * 10,
    endS: i * 10 + 3,
    label: 'closed_question' as const,
    confidence: 0.45,
    classLogProbs: closedLeaning,
  }));
  return { ...fullVisit({ id }), utterances };
}

async function setUp(adaptation: { recordCorrection: typeof recordCorrection } = { recordCorrection }) {
  const db = openAttuneDb();
  const visits = createVisitRepository(db);
  const logs: string[] = [];
  const h = createHistoryHandlers({ visits, goals: createGoalStore(db), problems: createStorageProblems(), now: () => 0, log: (m) => logs.push(m), adaptation });
  await visits.save(visitOfClosedQuestions('v1'));
  return { h, logs };
}

describe('label adaptation in the background', () => {
  it('learns from corrections saved through the history handlers, and unlearns a withdrawn one', async () => {
    const { h } = await setUp();
    expect(await loadAdaptation()).toEqual({ profile: expect.objectContaining({ layer: IDENTITY_LAYER }), problem: null });
    await h.correctLabel('v1', 'u0', 'open_question');
    await h.correctLabel('v1', 'u1', 'open_question');
    const read = await loadAdaptation();
    expect(read.problem).toBeNull();
    expect(read.profile.corrections.map((c) => c.key)).toEqual(['v1/u0', 'v1/u1']);
    expect(read.profile.layer.openLogOdds).toBeGreaterThan(0);
    await h.correctLabel('v1', 'u1', null);
    expect((await loadAdaptation()).profile.corrections.map((c) => c.key)).toEqual(['v1/u0']);
  });

  it('a confirmation in the review is saved through the router, counts in full, and teaches nothing', async () => {
    const { h } = await setUp();
    const route = createBackgroundRouter({ history: h, log: () => undefined, me: { runtimeId: 'ext', origin: 'chrome-extension://ext/', offscreenUrl: 'chrome-extension://ext/offscreen.html' } } as unknown as RouterDeps);
    const page = { id: 'ext', url: 'chrome-extension://ext/summary.html' };
    const before = visitQuestionFigures(visitOfClosedQuestions('v1'))!;
    const visit = (await route({ type: 'page:confirm-label', visitId: 'v1', utteranceId: 'u0', confirmed: true }, page)) as VisitSummary;
    expect(visit.utterances![0]).toMatchObject({ labelConfirmed: true });
    // 4 questions each open 0.35, closed 0.45: confirming one as closed makes it count 0 / 1
    expect(before.closed).toBeCloseTo(4 * 0.45, 3);
    expect(visitQuestionFigures(visit)!.closed).toBeCloseTo(3 * 0.45 + 1, 3);
    expect(visitQuestionFigures(visit)!.open).toBeCloseTo(3 * 0.35, 3);
    expect(await loadAdaptation()).toEqual({ profile: expect.objectContaining({ layer: IDENTITY_LAYER, corrections: [] }), problem: null });
    const undone = await h.confirmLabel('v1', 'u0', false);
    expect(undone.utterances![0]!.labelConfirmed).toBeUndefined();
    expect(route({ type: 'page:confirm-label', visitId: 'v1', utteranceId: 'u0', confirmed: 'yes' }, page)).toBeUndefined();
  });

  it('keeps no text in storage, even with privacy-local mode off', async () => {
    const { h } = await setUp();
    const db = openAttuneDb();
    await createVisitRepository(db).save({
      ...visitOfClosedQuestions('v2'),
      privacyLocal: false,
      utterances: visitOfClosedQuestions('v2').utterances?.map((u) => ({ ...u, text: 'Did you sleep well?' })),
    });
    await h.correctLabel('v2', 'u0', 'open_question');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('sleep');
  });

  it('saves the correction even when the adaptation cannot be updated, and says why in the log', async () => {
    const { h, logs } = await setUp({ recordCorrection: () => Promise.reject(new Error('quota')) });
    const visit = await h.correctLabel('v1', 'u0', 'open_question');
    expect(visit.utterances?.[0]?.correctedLabel).toBe('open_question');
    expect(logs.join()).toMatch(/could not update the label adaptation.*quota/);
  });

  it('reads a corrupt record as no adaptation with a message, and starts again at the next correction', async () => {
    await fakeBrowser.storage.local.set({ adaptation: { version: 1, layer: { openLogOdds: 'lots' } } });
    const corrupt = await loadAdaptation();
    expect(corrupt.profile.layer).toEqual(IDENTITY_LAYER);
    expect(corrupt.problem).toMatch(/could not be read/);
    const { h } = await setUp();
    await h.correctLabel('v1', 'u0', 'open_question');
    const read = await loadAdaptation();
    expect(read.problem).toBeNull();
    expect(read.profile.corrections).toHaveLength(1);
  });

  it('forgets everything on reset', async () => {
    const { h } = await setUp();
    await h.correctLabel('v1', 'u0', 'open_question');
    await resetAdaptation();
    expect(await loadAdaptation()).toEqual({ profile: expect.objectContaining({ layer: IDENTITY_LAYER, corrections: [] }), problem: null });
    expect(await fakeBrowser.storage.local.get('adaptation')).toEqual({});
  });
});
