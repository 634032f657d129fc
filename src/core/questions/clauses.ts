/**
 * Finding the question clause of a clinician turn, with or without punctuation.
 *
 * AnnoMI-style turns are often several sentences long with the question at the end ("That's
 * great. So on that day, what were you thinking?"). Speech recognisers may drop every mark, so
 * a clause start is recognised from two kinds of evidence: a punctuation mark before the word
 * (when there is one) or a lexical boundary (turn start, filler or discourse marker: "okay",
 * "so", "and", "um", "you know"). A question clause is a question cue (wh-word, auxiliary
 * inversion, "tell me", "how about", "anything else" …) at such a boundary; a wh-word in the
 * middle of a clause ("… in your head when you were …") is an embedded clause, not a question.
 *
 * Pure functions, no browser or Node APIs.
 */
import { AUX_WORDS, LEAD_MARKERS, SUBJECT_WORDS } from './normalize';

export interface BrokenToken {
  word: string;
  /** Punctuation between the previous token and this one ('' when none): '.', '?', ',', '-' … */
  before: string;
}

const APOSTROPHE_CHARS: ReadonlySet<string> = new Set(["'", '\u2018', '\u2019', '\u02bc', '`']);
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

/** Letter or digit (ASCII fast path; the Unicode test only for other characters). */
function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return WORD_CHAR.test(ch);
}

/**
 * Tokens (exactly as `tokenize` makes them) with the punctuation that precedes each one.
 * A hand-written scan rather than a Unicode regex: this runs on every utterance.
 */
export function tokenizeWithBreaks(text: string): BrokenToken[] {
  const out: BrokenToken[] = [];
  let word = '';
  let gap = '';
  const flush = (): void => {
    const prev = out[out.length - 1];
    // Stutter repeats ("I-I", "the the") collapse, as in tokenize().
    if (prev === undefined || prev.word !== word) out.push({ word, before: gap });
    word = '';
    gap = '';
  };
  for (const ch of text.toLowerCase()) {
    if (APOSTROPHE_CHARS.has(ch)) continue;
    if (isWordChar(ch)) {
      word += ch;
      continue;
    }
    if (word !== '') flush();
    if (ch !== ' ' && !SPACE.test(ch)) gap += ch;
  }
  if (word !== '') flush();
  return out;
}

/** Words after which a new clause (possibly a question) often starts in unpunctuated speech. */
const BOUNDARY_AFTER: ReadonlySet<string> = new Set([...LEAD_MARKERS, 'know', 'mean', 'like', 'guess', 'curious', 'wondering', 'wonder', 'question']);

/** Kinds of question clause. */
export type QuestionKind = 'wh_open' | 'wh_quant' | 'wh_fact' | 'imp_open' | 'aux' | 'about' | 'else';

const QUANT_AFTER_HOW: ReadonlySet<string> = new Set(['much', 'many', 'long', 'often', 'old', 'far', 'big', 'soon', 'frequently']);
const OPEN_IMPERATIVES: ReadonlySet<string> = new Set(['tell', 'describe', 'explain', 'walk', 'talk', 'share']);

const POLITE_AUX: ReadonlySet<string> = new Set(['can', 'could', 'would', 'will']);

/** Question kind of the clause that starts at token i (null when the words there are no question cue). */
export function cueAt(words: readonly string[], i: number): QuestionKind | null {
  const t = words[i] as string;
  const next = words[i + 1];
  if (t === 'how' && next !== undefined && QUANT_AFTER_HOW.has(next)) return 'wh_quant';
  if ((t === 'how' || t === 'what') && next === 'about') return 'about';
  if (t === 'what' || t === 'whats' || t === 'how' || t === 'hows' || t === 'why') return 'wh_open';
  if (t === 'when' || t === 'where' || t === 'who' || t === 'whos' || t === 'which') return 'wh_fact';
  if (OPEN_IMPERATIVES.has(t) && (next === 'me' || next === 'us' || next === 'about' || next === 'through' || next === 'more')) return 'imp_open';
  if ((t === 'anything' || t === 'any' || t === 'anyone' || t === 'anybody' || t === 'something') && (next === 'else' || next === 'other')) return 'else';
  if (AUX_WORDS.has(t) && next !== undefined && SUBJECT_WORDS.has(next)) {
    // "can you tell me …", "would you describe …": a polite request to talk, coded as open
    const verb = words[i + 2];
    if (next === 'you' && POLITE_AUX.has(t) && verb !== undefined && (OPEN_IMPERATIVES.has(verb) || verb === 'say')) return 'imp_open';
    return 'aux';
  }
  return null;
}

export interface QuestionClause {
  /** Token index where the clause starts. */
  start: number;
  kind: QuestionKind;
  /** The clause starts after a punctuation mark (rather than a lexical boundary only). */
  punctBoundary: boolean;
}

/** True when token i starts a clause: turn start, after punctuation, or after a discourse marker. */
export function isClauseStart(toks: readonly BrokenToken[], i: number): boolean {
  if (i === 0) return true;
  const b = toks[i]?.before ?? '';
  if (/[.?!,;:\u2014\u2013-]/.test(b)) return true;
  return BOUNDARY_AFTER.has((toks[i - 1] as BrokenToken).word);
}

/** All question clauses of the turn, in order. */
export function questionClauses(toks: readonly BrokenToken[]): QuestionClause[] {
  const words = toks.map((t) => t.word);
  const out: QuestionClause[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!isClauseStart(toks, i)) continue;
    const kind = cueAt(words, i);
    if (kind === null) continue;
    out.push({ start: i, kind, punctBoundary: i === 0 || /[.?!,;:\u2014\u2013-]/.test((toks[i] as BrokenToken).before) });
  }
  return out;
}
