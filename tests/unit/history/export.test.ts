import { describe, expect, it } from 'vitest';
import { csvCell, CSV_HEADER, exportCsv, exportJson, ImportError, parseImport } from '../../../src/core/history/export';
import { correctBehaviours } from '../../../src/core/history/label-corrections';
import { behaviourVisit, fullVisit, metrics } from './fixtures';

const visits = [
  fullVisit({ id: 'a' }),
  fullVisit({ id: 'b', startedAt: Date.UTC(2025, 3, 1), metrics: undefined, questions: undefined, utterances: undefined, gaze: undefined, nudges: undefined, goal: undefined, partial: true, endReason: 'engine-lost' }),
];

describe('export and import', () => {
  it('JSON round-trips every visit exactly, optional parts included', () => {
    const report = parseImport(exportJson(visits, Date.UTC(2025, 5, 1)));
    expect(report.skipped).toEqual([]);
    expect(report.visits).toEqual(visits);
  });

  it('CSV has a header and one row per visit with its figures, blanks where not measured', () => {
    const lines = exportCsv(visits).split('\r\n');
    expect(lines).toHaveLength(4); // header, two rows, the final line break
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    const row = (i: number) => Object.fromEntries(CSV_HEADER.map((h, j) => [h, lines[i]!.split(',')[j]]));
    expect(row(1)).toMatchObject({
      id: 'a',
      started_at: '2025-03-14T09:05:00.000Z',
      site: 'meet',
      duration_s: '600',
      clinician_share: '0.444',
      opening_s: '40',
      opening_interrupted: 'false',
      open_questions: '3',
      open_question_share: '0.75',
      reflections_per_question: '0.5',
      gaze_on_screen_share: '0.8',
      nudges: '1',
      goal: 'Make at least 50% of my questions open.',
      partial: 'false',
    });
    expect(row(2)).toMatchObject({ id: 'b', opening_s: '', open_questions: '', goal: '', partial: 'true', end_reason: 'engine-lost' });
  });

  it('CSV has a column per listening behaviour (corrections applied), blank for a visit saved before them', () => {
    const corrected = correctBehaviours(behaviourVisit({ u1: ['summary'], u4: ['agenda'], u5: ['summary', 'affirmation'] }, { id: 'c' }), 'u1', ['summary', 'teach_back'])!;
    const lines = exportCsv([corrected, fullVisit({ id: 'old' })]).split('\r\n');
    const row = (i: number) => Object.fromEntries(CSV_HEADER.map((h, j) => [h, lines[i]!.split(',')[j]]));
    const columns = ['behaviour_summary', 'behaviour_affirmation', 'behaviour_agenda', 'behaviour_permission', 'behaviour_teach_back', 'behaviour_advice_without_permission', 'agenda_first_s'];
    expect(CSV_HEADER).toEqual(expect.arrayContaining(columns));
    const pick = (r: Record<string, string | undefined>) => columns.map((c) => r[c]);
    expect(pick(row(1))).toEqual(['2', '1', '1', '0', '1', '0', '130']);
    expect(pick(row(2))).toEqual(['', '', '', '', '', '', '']);
  });

  it('JSON keeps the behaviours and their corrections through export and import', () => {
    const corrected = correctBehaviours(behaviourVisit(), 'u7', [])!;
    expect(parseImport(exportJson([corrected], 0)).visits).toEqual([corrected]);
  });

  it('quotes CSV cells that need it and defuses spreadsheet formulas', () => {
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(null)).toBe('');
    const withComma = exportCsv([fullVisit({ goal: { id: 'x', text: 'Slow down, listen', setAt: 1, fromVisitId: null } })]);
    expect(withComma).toContain('"Slow down, listen"');
  });

  it('rejects a file that is not JSON or not an Attune export, with a clear message', () => {
    expect(() => parseImport('not json')).toThrow(ImportError);
    expect(() => parseImport('not json')).toThrow(/not valid JSON/);
    expect(() => parseImport('{"visits": []}')).toThrow(/not an Attune export/);
    expect(() => parseImport(JSON.stringify({ format: 'attune-visits', formatVersion: 99, visits: [] }))).toThrow(/newer version/);
  });

  it('skips bad records with where and why, and keeps the good ones', () => {
    const doc = JSON.parse(exportJson(visits, 0));
    doc.visits.push({ ...visits[0], id: 'c', durationS: 'long' });
    doc.visits.push({ ...visits[0], id: 'd', schemaVersion: 7 });
    doc.visits.push({ ...visits[0] }); // a duplicate of a
    doc.visits.push('junk');
    doc.visits.push({ ...visits[0], id: 'e', metrics: metrics({ opening: { startS: -1, durationS: 1, ended: true, interrupted: false, interruptedAfterS: null } }) });
    const report = parseImport(JSON.stringify(doc));
    expect(report.visits.map((v) => v.id)).toEqual(['a', 'b']);
    expect(report.skipped).toEqual([
      { index: 2, id: 'c', reason: expect.stringMatching(/^durationS: /) },
      { index: 3, id: 'd', reason: expect.stringMatching(/newer version of Attune \(schema 7\)/) },
      { index: 4, id: 'a', reason: 'the same visit appears twice in the file' },
      { index: 5, id: '?', reason: 'not a visit record' },
      { index: 6, id: 'e', reason: expect.stringMatching(/^metrics\.opening\.startS: /) },
    ]);
  });
});
