/**
 * Text normalisation for the utterance classifier.
 *
 * The classifier must behave the same on punctuated transcripts and on the lower-case,
 * punctuation-free output of speech recognisers, so all lexical features are computed on
 * a token stream in which case and punctuation have been removed. Punctuation is only used
 * through a few separate, explicitly named features (see features.ts).
 *
 * Pure functions, no browser or Node APIs.
 */

/** Filled pauses and backchannel noises. */
export const FILLERS: ReadonlySet<string> = new Set([
  'um', 'umm', 'uh', 'uhh', 'er', 'erm', 'ah', 'eh', 'hm', 'hmm', 'mm', 'mmm', 'mhm', 'mmhmm', 'mmhm',
  'uhhuh', 'uhuh', 'huh', 'oh', 'ooh',
]);

/** Discourse markers skipped when looking for the first "real" word of an utterance. */
export const LEAD_MARKERS: ReadonlySet<string> = new Set([
  ...FILLERS, 'so', 'and', 'okay', 'ok', 'well', 'alright', 'right', 'yeah', 'yes', 'now', 'but',
  'then', 'sure', 'good', 'great', 'cool', 'fine', 'wow', 'yep', 'hey', 'hi', 'gotcha', 'also', 'no',
  'all', 'anyway', 'alrighty', 'perfect', 'excellent', 'absolutely', 'exactly', 'wonderful',
]);

/** Question words that usually open an open-ended question. */
export const WH_WORDS: ReadonlySet<string> = new Set([
  'what', 'whats', 'how', 'hows', 'why', 'when', 'where', 'who', 'whos', 'which', 'whatever',
]);

/** Auxiliaries / modals that start a yes-no question when followed by a subject. */
export const AUX_WORDS: ReadonlySet<string> = new Set([
  'do', 'does', 'did', 'is', 'are', 'was', 'were', 'have', 'has', 'had', 'can', 'could', 'will',
  'would', 'should', 'shall', 'may', 'might', 'am', 'isnt', 'arent', 'dont', 'doesnt', 'didnt',
  'wasnt', 'werent', 'havent', 'hasnt', 'cant', 'couldnt', 'wont', 'wouldnt', 'shouldnt',
]);

export const SUBJECT_WORDS: ReadonlySet<string> = new Set([
  'you', 'i', 'we', 'it', 'that', 'this', 'there', 'they', 'he', 'she', 'your', 'anyone', 'anything',
  'anybody', 'someone', 'something', 'those', 'these', 'people', 'my',
]);

/** Function words excluded from lexical-overlap measures. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  ...FILLERS,
  'a', 'an', 'the', 'and', 'or', 'but', 'so', 'if', 'then', 'than', 'that', 'this', 'these', 'those',
  'to', 'of', 'in', 'on', 'at', 'for', 'with', 'about', 'from', 'by', 'as', 'into', 'up', 'out',
  'down', 'off', 'over', 'just', 'like', 'really', 'very', 'too', 'also', 'not', 'no', 'yes', 'yeah',
  'okay', 'ok', 'well', 'right', 'now', 'know', 'mean', 'kind', 'sort', 'thing', 'things', 'gonna',
  'i', 'me', 'my', 'mine', 'myself', 'you', 'your', 'yours', 'yourself', 'we', 'us', 'our', 'he',
  'him', 'his', 'she', 'her', 'they', 'them', 'their', 'it', 'its', 'im', 'youre', 'ive', 'youve',
  'id', 'youd', 'ill', 'youll', 'its', 'thats', 'theres', 'is', 'am', 'are', 'was', 'were', 'be',
  'been', 'being', 'do', 'does', 'did', 'dont', 'doesnt', 'didnt', 'have', 'has', 'had', 'will',
  'would', 'can', 'could', 'should', 'get', 'got', 'go', 'going', 'what', 'how', 'why', 'when',
  'where', 'who', 'which', 'there', 'here', 'some', 'any', 'all', 'more', 'much', 'lot', 'little',
  'bit', 'think', 'guess', 'maybe', 'cause', 'because', 'even', 'still', 'something', 'anything',
  'one', 'yep', 'mm', 'hmm', 'um', 'uh', 'oh',
]);

const APOSTROPHES = /['\u2018\u2019\u02bc`]/g;
const NON_WORD = /[^\p{L}\p{N}]+/u;

/**
 * Lower-case and split into word tokens. Apostrophes are dropped inside words ("you're" ->
 * "youre") so that punctuated and unpunctuated text produce the same tokens; every other
 * non-alphanumeric character separates tokens. Immediate stutter repeats ("I-I", "the the")
 * are collapsed.
 */
export function tokenize(text: string): string[] {
  const parts = text.toLowerCase().replace(APOSTROPHES, '').split(NON_WORD);
  const out: string[] = [];
  for (const p of parts) {
    if (p.length === 0) continue;
    if (out.length > 0 && out[out.length - 1] === p) continue;
    out.push(p);
  }
  return out;
}

/**
 * What an ASR transcript looks like: lower case, apostrophes removed, all other punctuation
 * replaced by spaces, whitespace collapsed. Used by the evaluation and tests.
 */
export function stripPunctuation(text: string): string {
  return text
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when the text contains any sentence punctuation (so punctuation features are meaningful). */
export function hasPunctuation(text: string): boolean {
  return /[.?!,;:\u2014\u2013"]|-(?:\s|$)/.test(text);
}

/**
 * Split punctuated text into sentences, keeping the terminal mark. Cut-off dashes and
 * ellipses also end a sentence. Returns trimmed non-empty sentences.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const re = /[^.?!\u2014]+(?:[.?!\u2014]+|$)/g;
  for (const m of text.matchAll(re)) {
    const s = m[0].trim();
    if (s.length > 0 && /[\p{L}\p{N}]/u.test(s)) out.push(s);
  }
  return out;
}

/** Crude suffix stripping for overlap matching ("feeling" ~ "feel", "drinks" ~ "drink"). */
export function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ly')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w.length > 5 ? w.slice(0, 5) : w;
}
