/**
 * Guards the held-out behaviour data (issue 16): the test set and the AnnoMI second pass fit the
 * agreed format, the test set keeps its size per behaviour, ids are unique, and the second pass
 * holds ids and labels only (AnnoMI text never enters the repository). Needs no ../shared.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { BEHAVIOURS } from '../../../src/core/behaviours/labels';
import { BehaviourItemSchema, parseLines, SecondPassRowSchema } from '../../../scripts/behaviours/set-schema';

const TEST_SET = 'data/behaviours/test-set.jsonl';
const SECOND_PASS = 'data/behaviours/second-pass-labels.jsonl';
/** Optional: with the AnnoMI dev split beside the checkout, the second pass is checked for whole transcripts. */
const ANNOMI_DEV = '../shared/data/annomi-dev.jsonl';
const MIN_POSITIVES = 60;
const MIN_HARD_NEGATIVES = 120;

const items = parseLines(readFileSync(TEST_SET, 'utf8'), BehaviourItemSchema, TEST_SET);

describe('behaviour test set', () => {
  it('has unique ids and unique (text, context) pairs', () => {
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    const keys = items.map((i) => JSON.stringify([i.text, i.precedingClinician]));
    expect(new Set(keys).size).toBe(items.length);
  });

  it.each(BEHAVIOURS)('has ≥ 60 positives and ≥ 120 hard negatives for %s', (behaviour) => {
    const positives = items.filter((i) => i.behaviours.includes(behaviour)).length;
    const hardNegatives = items.filter((i) => i.hardNegativeFor.includes(behaviour)).length;
    expect(positives).toBeGreaterThanOrEqual(MIN_POSITIVES);
    expect(hardNegatives).toBeGreaterThanOrEqual(MIN_HARD_NEGATIVES);
  });

  it('has the product condition for every item (after adding items: npm run build:behaviour-asr)', () => {
    expect(items.filter((i) => i.asr === undefined).map((i) => i.id)).toEqual([]);
  });

  it('keeps utterances between 3 and 60 words', () => {
    const words = items.map((i) => i.text.split(/\s+/).length);
    expect(Math.min(...words)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...words)).toBeLessThanOrEqual(60);
  });
});

describe('AnnoMI second pass', () => {
  const text = readFileSync(SECOND_PASS, 'utf8');
  const rows = parseLines(text, SecondPassRowSchema, SECOND_PASS);

  it('holds ids and labels only, of reserved transcripts (id % 4 == 0), each utterance once', () => {
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.transcript_id % 4 === 0)).toBe(true);
    expect(new Set(rows.map((r) => `${r.transcript_id}:${r.utterance_id}`)).size).toBe(rows.length);
    // No string value anywhere but behaviour names: AnnoMI text never enters the repository.
    const strings = [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
    const allowed = new Set<string>(['transcript_id', 'utterance_id', 'behaviours', ...BEHAVIOURS]);
    expect(strings.filter((s) => !allowed.has(s))).toEqual([]);
  });

  it('covers at least 4 whole transcripts', () => {
    expect(new Set(rows.map((r) => r.transcript_id)).size).toBeGreaterThanOrEqual(4);
  });

  it.skipIf(!existsSync(ANNOMI_DEV))('labels every therapist utterance of each transcript it covers (needs ../shared; skipped without it)', () => {
    const annomi = readFileSync(ANNOMI_DEV, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { transcript_id: number; utterance_id: number; speaker: string });
    const covered = new Set(rows.map((r) => r.transcript_id));
    const expected = annomi.filter((r) => r.speaker === 'therapist' && covered.has(r.transcript_id)).map((r) => `${r.transcript_id}:${r.utterance_id}`);
    expect(rows.map((r) => `${r.transcript_id}:${r.utterance_id}`).sort()).toEqual(expected.sort());
  });
});

describe('behaviour set schema', () => {
  const good = { id: 'x-1', text: 'Any questions?', behaviours: [], hardNegativeFor: ['teach_back'], precedingClinician: [], setting: 'nursing' };
  it('accepts a well-formed item and rejects unknown behaviours, overlaps and extra fields', () => {
    expect(v.safeParse(BehaviourItemSchema, good).success).toBe(true);
    expect(v.safeParse(BehaviourItemSchema, { ...good, behaviours: ['reflection'] }).success).toBe(false);
    expect(v.safeParse(BehaviourItemSchema, { ...good, behaviours: ['teach_back'] }).success).toBe(false);
    expect(v.safeParse(BehaviourItemSchema, { ...good, note: 'x' }).success).toBe(false);
  });
  it('rejects any text in a second-pass row', () => {
    const row = { transcript_id: 8, utterance_id: 12, behaviours: ['summary'] };
    expect(v.safeParse(SecondPassRowSchema, row).success).toBe(true);
    expect(v.safeParse(SecondPassRowSchema, { ...row, text: 'So you…' }).success).toBe(false);
  });
  it('names the line that does not parse', () => {
    expect(() => parseLines('{"id":"a"}\n', BehaviourItemSchema, 'f.jsonl')).toThrow(/f\.jsonl:1/);
  });
});
