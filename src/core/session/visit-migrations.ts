/**
 * Reading a stored or imported visit of any schema version. Each step of the ladder turns a
 * version-n record into a version-(n+1) one; the result is then validated against the current
 * schema. Version 1 is the first stored shape, so the ladder has no steps yet: when
 * VISIT_SCHEMA_VERSION is bumped, add the step from the old version here and a test that reads
 * a record of every earlier version.
 */
import * as v from 'valibot';
import { VISIT_SCHEMA_VERSION, VisitSummarySchema, type VisitSummary } from './schema';

type RawRecord = Record<string, unknown>;

export const VISIT_MIGRATIONS: Readonly<Record<number, (record: RawRecord) => RawRecord>> = {};

export type ReadVisitResult = { ok: true; visit: VisitSummary } | { ok: false; id: string; reason: string };

const isRecord = (x: unknown): x is RawRecord => typeof x === 'object' && x !== null && !Array.isArray(x);

/** "durationS: Invalid type: Expected number but received "long"" — where and what, for the message. */
export function describeIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid';
  const path = first.path?.map((p) => String(p.key)).join('.');
  return path ? `${path}: ${first.message}` : first.message;
}

/** Migrates and validates one record; never throws. */
export function readVisitRecord(raw: unknown, ladder = VISIT_MIGRATIONS, current = VISIT_SCHEMA_VERSION): ReadVisitResult {
  if (!isRecord(raw)) return { ok: false, id: '?', reason: 'not a visit record' };
  const id = typeof raw.id === 'string' && raw.id ? raw.id : '?';
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, id, reason: 'no schema version: not a visit saved by Attune' };
  if (version > current) return { ok: false, id, reason: `saved by a newer version of Attune (schema ${version}); update Attune to read it` };
  let record: RawRecord = { ...raw };
  for (let n = version; n < current; n++) {
    const step = ladder[n];
    if (!step) return { ok: false, id, reason: `no migration from schema ${n}` };
    record = { ...step(record), schemaVersion: n + 1 };
  }
  // The schema pins schemaVersion to this build's version; `current` differs only in tests of the ladder.
  const schema = current === VISIT_SCHEMA_VERSION ? VisitSummarySchema : v.object({ ...VisitSummarySchema.entries, schemaVersion: v.literal(current) });
  const parsed = v.safeParse(schema, record) as v.SafeParseResult<typeof VisitSummarySchema>;
  return parsed.success ? { ok: true, visit: parsed.output } : { ok: false, id, reason: describeIssue(parsed.issues) };
}
