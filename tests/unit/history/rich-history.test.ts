import { describe, expect, it } from 'vitest';
import { parseImport, exportJson } from '../../../src/core/history/export';
import { richHistory } from '../../e2e/rich-history';

describe('the end-to-end test’s made-up history', () => {
  it('is valid: every visit survives an export and import unchanged', () => {
    const visits = richHistory(Date.UTC(2025, 5, 1));
    const report = parseImport(exportJson(visits, 0));
    expect(report.skipped).toEqual([]);
    expect(report.visits).toEqual(visits);
    for (const v of visits) {
      expect(v.utterances![1]!.label).toBe('closed_question');
      expect(Math.max(...v.utterances!.map((u) => u.endS))).toBeLessThan(v.durationS);
    }
  });
});
