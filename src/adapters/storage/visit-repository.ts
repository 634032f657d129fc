import { confirmLabel, correctBehaviours, correctLabel } from '../../core/history/label-corrections';
import type { Behaviour } from '../../core/behaviours/labels';
import type { UtteranceLabel } from '../../core/questions/labels';
import type { VisitSummary } from '../../core/session/schema';
import { readVisitRecord } from '../../core/session/visit-migrations';
import * as v from 'valibot';
import { VisitSummarySchema } from '../../core/session/schema';
import type { AttuneDatabase } from './db';
import { guarded } from './storage-errors';

export interface VisitList {
  visits: VisitSummary[];
  /** Records that could not be read (corrupt, hand-edited, or from a newer Attune); skipped, never fatal. */
  skipped: Array<{ id: string; reason: string }>;
}

/**
 * Saved visits. Takes the database promise so that callers share one connection. Every record
 * read back goes through the migration ladder and validation; every failure becomes a
 * StorageError with a message for the clinician.
 */
export function createVisitRepository(db: Promise<AttuneDatabase>) {
  /** Reads one visit, applies a change to it and writes it back in one transaction; null from `change` means the target is missing. */
  const updateVisit = (visitId: string, change: (visit: VisitSummary) => VisitSummary | null, missingMessage: string): Promise<VisitSummary> =>
    guarded(async () => {
      const tx = (await db).transaction('visits', 'readwrite');
      const read = readVisitRecord(await tx.store.get(visitId));
      if (!read.ok) throw new Error(`the visit could not be read (${read.reason})`);
      const next = change(read.visit);
      if (!next) throw new Error(missingMessage);
      await tx.store.put(next);
      await tx.done;
      return next;
    });

  return {
    save: (summary: VisitSummary): Promise<void> =>
      guarded(async () => {
        await (await db).put('visits', v.parse(VisitSummarySchema, summary));
      }),

    /** Newest first. */
    list: (): Promise<VisitList> =>
      guarded(async () => {
        // The whole store, not the start-time index: a record whose startedAt was edited into
        // something unindexable would be missing from the index, and must still be reported.
        const raw: unknown[] = await (await db).getAll('visits');
        const out: VisitList = { visits: [], skipped: [] };
        for (const record of raw) {
          const read = readVisitRecord(record);
          if (read.ok) out.visits.push(read.visit);
          else out.skipped.push({ id: read.id, reason: read.reason });
        }
        out.visits.sort((a, b) => b.startedAt - a.startedAt);
        return out;
      }),

    /** True when there was such a visit. Corrupt records can be deleted too: that is how they go away. */
    delete: (id: string): Promise<boolean> =>
      guarded(async () => {
        const tx = (await db).transaction('visits', 'readwrite');
        const existed = (await tx.store.getKey(id)) !== undefined;
        if (existed) await tx.store.delete(id);
        await tx.done;
        return existed;
      }),

    /** Every saved visit; returns how many there were. */
    deleteAll: (): Promise<number> =>
      guarded(async () => {
        const tx = (await db).transaction('visits', 'readwrite');
        const count = await tx.store.count();
        await tx.store.clear();
        await tx.done;
        return count;
      }),

    /** Visits that started before the cut-off (retention); returns how many went. */
    deleteStartedBefore: (cutoffMs: number): Promise<number> =>
      guarded(async () => {
        const tx = (await db).transaction('visits', 'readwrite');
        let deleted = 0;
        for (let cursor = await tx.store.index('byStartedAt').openCursor(IDBKeyRange.upperBound(cutoffMs, true)); cursor; cursor = await cursor.continue()) {
          await cursor.delete();
          deleted++;
        }
        await tx.done;
        return deleted;
      }),

    /** Adds already-validated visits in one transaction (all or none); a visit with a known id replaces it. */
    importVisits: (visits: readonly VisitSummary[]): Promise<{ added: number; replaced: number }> =>
      guarded(async () => {
        const tx = (await db).transaction('visits', 'readwrite');
        let replaced = 0;
        for (const visit of visits) {
          if ((await tx.store.getKey(visit.id)) !== undefined) replaced++;
          await tx.store.put(v.parse(VisitSummarySchema, visit));
        }
        await tx.done;
        return { added: visits.length - replaced, replaced };
      }),

    /** Saves the clinician's correction of one utterance's label; returns the updated visit. */
    correctLabel: (visitId: string, utteranceId: string, label: UtteranceLabel | null): Promise<VisitSummary> =>
      updateVisit(visitId, (visit) => correctLabel(visit, utteranceId, label), 'that question or reflection is not in this visit'),

    /** Saves (or withdraws) the clinician's confirmation of one utterance's label; returns the updated visit. */
    confirmLabel: (visitId: string, utteranceId: string, confirmed: boolean): Promise<VisitSummary> =>
      updateVisit(visitId, (visit) => confirmLabel(visit, utteranceId, confirmed), 'that question or reflection is not in this visit'),

    /** Saves the clinician's correction of one utterance's listening behaviours; returns the updated visit. */
    correctBehaviours: (visitId: string, utteranceId: string, behaviours: Behaviour[] | null): Promise<VisitSummary> =>
      updateVisit(
        visitId,
        (visit) => correctBehaviours(visit, utteranceId, behaviours),
        'that utterance is not in this visit, or its listening skills were not measured',
      ),
  };
}
export type VisitRepository = ReturnType<typeof createVisitRepository>;
