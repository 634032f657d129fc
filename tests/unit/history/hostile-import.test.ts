import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, exportJson, ImportError, MAX_IMPORT_VISITS, MAX_SKIPS_LISTED, parseImport } from '../../../src/core/history/export';
import { fullVisit } from './fixtures';

/** Issue 17.5: a hostile import file gets a clear answer in bounded time and memory. */
const header = `{"format":"${EXPORT_FORMAT}","formatVersion":1,"visits":[`;

describe('a hostile import file', () => {
  it('megabytes of zeros are refused at once, with a message, not validated record by record', () => {
    // The reported file was 48 MB of zeros (52 s, 3.3 GB, then a crash); 4 MB shows the same path.
    const zeros = header + '0,'.repeat(2_000_000 - 1) + '0]}';
    const rssBefore = process.memoryUsage().rss;
    let error: unknown;
    try {
      parseImport(zeros);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toBe(`This file holds 2000000 records; Attune imports at most ${MAX_IMPORT_VISITS} at a time. Export fewer visits per file.`);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200_000_000);
  });

  it('many bad records give a short report: at most 50 listed, all counted', () => {
    const text = header + Array.from({ length: MAX_IMPORT_VISITS }, () => '{}').join(',') + ']}';
    const report = parseImport(text);
    expect(report.visits).toEqual([]);
    expect(report.skippedTotal).toBe(MAX_IMPORT_VISITS);
    expect(report.skipped).toHaveLength(MAX_SKIPS_LISTED);
  });

  it('a record with a huge list is skipped before validation; the good records still come in', () => {
    const doc = JSON.parse(exportJson([fullVisit({ id: 'good' })], 0));
    doc.visits.push({ ...doc.visits[0], id: 'huge', segments: { clinician: Array.from({ length: 60_000 }, (_, i) => [i, i + 1]), patient: [] } });
    const report = parseImport(JSON.stringify(doc));
    expect(report.visits.map((v) => v.id)).toEqual(['good']);
    expect(report.skipped).toEqual([{ index: 1, id: '?', reason: 'a list in this record is longer than 50000 entries' }]);
  });

  it('more records than the cap is refused with the count', () => {
    const text = header + Array.from({ length: MAX_IMPORT_VISITS + 1 }, () => '1').join(',') + ']}';
    expect(() => parseImport(text)).toThrow(/holds 20001 records; Attune imports at most 20000/);
  });
});
