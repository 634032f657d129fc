import { describe, expect, it } from 'vitest';
import { readVisitRecord, VISIT_MIGRATIONS } from '../../../src/core/session/visit-migrations';
import { VISIT_SCHEMA_VERSION } from '../../../src/core/session/schema';
import { fullVisit } from './fixtures';

describe('stored visit versions', () => {
  it('reads a record of the current version unchanged', () => {
    const v = fullVisit();
    expect(readVisitRecord(structuredClone(v))).toEqual({ ok: true, visit: v });
  });

  it('has a migration step from every earlier version (none before 1)', () => {
    for (let n = 1; n < VISIT_SCHEMA_VERSION; n++) expect(VISIT_MIGRATIONS[n], `step ${n} → ${n + 1}`).toBeTypeOf('function');
  });

  it('climbs a ladder step by step from every earlier version, then validates', () => {
    // A made-up three-version history: v1 called the host `domain`, v2 kept shares as percentages.
    const ladder = {
      1: (r: Record<string, unknown>) => {
        const { domain, ...rest } = r;
        return { ...rest, host: domain };
      },
      2: (r: Record<string, unknown>) => ({ ...r, clinicianShare: (r.clinicianShare as number) / 100 }),
    };
    const v3 = { ...fullVisit(), schemaVersion: 3, clinicianShare: 0.444 };
    const { host: _host, ...rest } = v3;
    const v1 = { ...rest, schemaVersion: 1, clinicianShare: 44.4, domain: v3.host };
    const v2 = { ...v3, schemaVersion: 2, clinicianShare: 44.4 };
    for (const old of [v1, v2]) {
      const read = readVisitRecord(old, ladder, 3);
      expect(read.ok).toBe(true);
      expect(read.ok && { ...read.visit, clinicianShare: Math.round(read.visit.clinicianShare! * 1000) / 1000 }).toEqual(v3);
    }
    // A step that produces an invalid record is caught by the final validation.
    expect(readVisitRecord(v2, { ...ladder, 2: (r: Record<string, unknown>) => r }, 3)).toMatchObject({ ok: false, reason: /^clinicianShare: / });
  });

  it('refuses what it cannot read, with a reason', () => {
    expect(readVisitRecord(null)).toEqual({ ok: false, id: '?', reason: 'not a visit record' });
    expect(readVisitRecord({ ...fullVisit(), schemaVersion: undefined })).toMatchObject({ ok: false, id: 'v1', reason: /no schema version/ });
    expect(readVisitRecord({ ...fullVisit(), schemaVersion: 2 })).toMatchObject({ ok: false, reason: /newer version of Attune \(schema 2\)/ });
    expect(readVisitRecord({ ...fullVisit(), clinicianShare: 7 })).toMatchObject({ ok: false, reason: /^clinicianShare: / });
    expect(readVisitRecord({ ...fullVisit(), schemaVersion: 1 }, {}, 2)).toMatchObject({ ok: false, reason: 'no migration from schema 1' });
  });
});
