import { describe, expect, it } from 'vitest';
import { cueAt, isClauseStart, questionClauses, tokenizeWithBreaks } from '../../../src/core/questions/clauses';
import { stripPunctuation, tokenize } from '../../../src/core/questions/normalize';

const kinds = (text: string): string[] => {
  const toks = tokenizeWithBreaks(text);
  return questionClauses(toks).map((q) => `${toks[q.start]?.word}:${q.kind}`);
};

describe('tokenizeWithBreaks', () => {
  it('gives the same words as tokenize, with the punctuation before each word', () => {
    const text = "Okay. So, you're—um—I-I think... what's next?";
    const toks = tokenizeWithBreaks(text);
    expect(toks.map((t) => t.word)).toEqual(tokenize(text));
    expect(toks.map((t) => t.before)).toEqual(['', '.', ',', '—', '—', '', '...', '']);
  });

  it('has no breaks for ASR-style text', () => {
    const toks = tokenizeWithBreaks(stripPunctuation('Okay. So, what happened next?'));
    expect(toks.every((t) => t.before === '')).toBe(true);
  });

  it('copes with empty and symbol-only text', () => {
    expect(tokenizeWithBreaks('')).toEqual([]);
    expect(tokenizeWithBreaks(' ?! — ')).toEqual([]);
  });
});

describe('question cues', () => {
  it('classifies the clause opening', () => {
    const at = (s: string): string | null => cueAt(s.split(' '), 0);
    expect(at('what brings you here')).toBe('wh_open');
    expect(at('how often do you drink')).toBe('wh_quant');
    expect(at('how about the evenings')).toBe('about');
    expect(at('where do you live')).toBe('wh_fact');
    expect(at('tell me about your week')).toBe('imp_open');
    expect(at('can you tell me more')).toBe('imp_open');
    expect(at('anything else')).toBe('else');
    expect(at('do you smoke')).toBe('aux');
    expect(at('is it getting worse')).toBe('aux');
    expect(at('you smoke')).toBeNull();
    expect(at('do nothing')).toBeNull();
  });

  it('finds the question at the end of a multi-sentence turn, with or without punctuation', () => {
    const text = 'That is great that you cut down. So what helped you do that?';
    expect(kinds(text)).toEqual(['what:wh_open']);
    expect(kinds(stripPunctuation(text))).toEqual(['what:wh_open']);
  });

  it('ignores wh-words inside a clause (embedded, not a question)', () => {
    expect(kinds('You felt tense in your head when you were at the party.')).toEqual([]);
    expect(kinds('you told me what you want')).toEqual([]);
  });

  it('takes clause starts from punctuation or from discourse markers', () => {
    const p = tokenizeWithBreaks('I see, how did that go');
    expect(isClauseStart(p, 2)).toBe(true);
    const u = tokenizeWithBreaks('okay how did that go');
    expect(isClauseStart(u, 1)).toBe(true);
    const e = tokenizeWithBreaks('tell them how it went');
    expect(isClauseStart(e, 2)).toBe(false);
  });
});
