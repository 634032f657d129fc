import * as v from 'valibot';
import { VisitSummarySchema, type VisitSummary } from '../../core/session/schema';
import type { AttuneDatabase } from './db';

export interface VisitList {
  visits: VisitSummary[];
  /** Records that could not be read (corrupt or edited by hand); skipped, never fatal. */
  skipped: Array<{ id: string; reason: string }>;
}

/** Saved visits. Takes the database promise so that callers share one connection. */
export function createVisitRepository(db: Promise<AttuneDatabase>) {
  return {
    async save(summary: VisitSummary): Promise<void> {
      await (await db).put('visits', v.parse(VisitSummarySchema, summary));
    },
    /** Newest first. */
    async list(): Promise<VisitList> {
      const raw: unknown[] = await (await db).getAllFromIndex('visits', 'byStartedAt');
      const out: VisitList = { visits: [], skipped: [] };
      for (const record of raw.reverse()) {
        const parsed = v.safeParse(VisitSummarySchema, record);
        if (parsed.success) out.visits.push(parsed.output);
        else out.skipped.push({ id: String((record as { id?: unknown })?.id ?? '?'), reason: parsed.issues[0]?.message ?? 'invalid' });
      }
      return out;
    },
  };
}
export type VisitRepository = ReturnType<typeof createVisitRepository>;
