/**
 * Cues of therapist *input*: advice, instructions, information, affirmation of a plan and
 * closings / structuring — what MITI and AnnoMI code as "giving information", "advice",
 * "structure" or "other", not as a reflection.
 *
 * Why a separate feature group: a declarative turn that mentions "you" / "your" and asks
 * nothing looks like a reflection to the word-level features ("Also try moving your coffee
 * before noon"), and each advice verb or closing phrase is too rare in the training data to
 * earn a weight of its own. These cues pool them by *form*, so the weights are learned from
 * every utterance of the form:
 *
 * - `in:imp0` / `in:impN`: a bare verb starting a clause — the imperative mood ("Try …",
 *   "Also send …", "… and take care", "Don't forget …", "Make sure …"); `imp0` when it opens
 *   the turn (after fillers / discourse markers), `impN` for a later sentence start, `imp`
 *   for either;
 * - `in:modal`: advice through a modal or a recommending verb ("you could / should / might
 *   want to try …", "I'd suggest …", "it would help to …", "why don't you …");
 * - `in:affirm`: an evaluative adjective before a plan noun ("a good plan", "a great idea");
 * - `in:cause`: an explanation about the world rather than the patient — a causal
 *   conjunction ("since", "because") whose clause has a non-personal subject and an effect verb;
 * - `in:effect`: a generic effect statement ("activity helps …", "alcohol can raise …");
 * - `in:close`: leave-taking ("take care", "see you", "thanks for coming", "bye");
 * - `in:future`: arranging the next contact ("in four weeks", "next time", "follow up");
 * - `in:self`: the clinician announcing or directing an action ("I'll …", "I want you to …",
 *   "let me give you …");
 * - `in:lets`: "let's …" structuring;
 * - `in:any` / `in:n`: whether any cue fired and how many kinds (pooled evidence).
 *
 * Word lists are closed classes (modals, conjunctions, pronouns) or general verb / adjective /
 * noun classes, not phrases from any training transcript. Pure functions, no browser or Node
 * APIs; the same on punctuated and on lower-case ASR text (clause starts come from
 * `isClauseStart`, which also recognises discourse markers).
 */
import { isClauseStart, type BrokenToken } from './clauses';
import { LEAD_MARKERS, SUBJECT_WORDS } from './normalize';

/**
 * Common verbs in their base form that, at the start of a clause, are read as an imperative.
 * Left out on purpose: verbs that open the open-question requests of clauses.ts (tell,
 * describe, explain, walk, talk, share), "think" / "imagine" (MI prompts that are usually
 * coded as questions), and words as often nouns at a clause start ("plan", "sleep", "walk").
 */
const IMPERATIVE_VERBS: ReadonlySet<string> = new Set([
  'add', 'aim', 'ask', 'avoid', 'be', 'book', 'bring', 'call', 'check', 'come', 'consider', 'contact',
  'continue', 'cut', 'drink', 'drop', 'eat', 'email', 'feel', 'fill', 'follow', 'get', 'give', 'go',
  'grab', 'have', 'join', 'keep', 'leave', 'limit', 'log', 'make', 'measure', 'move', 'note', 'pick',
  'practice', 'practise', 'put', 'read', 'record', 'reduce', 'remember', 'replace', 'schedule', 'send',
  'set', 'skip', 'start', 'stay', 'stick', 'stop', 'swap', 'switch', 'take', 'text', 'track', 'try',
  'turn', 'use', 'wait', 'watch', 'write',
]);

/** Words skipped between a clause start and its verb ("so just try …", "please call …"). */
const SOFTENERS: ReadonlySet<string> = new Set(['just', 'please', 'maybe', 'perhaps', 'definitely', 'really', 'also', 'then', 'now']);

const NEGATIVE_IMPERATIVE: ReadonlySet<string> = new Set(['dont', 'never']);

const SECOND_PERSON: ReadonlySet<string> = new Set(['you', 'your', 'youre', 'yourself', 'youve', 'youd', 'youll', 'ya', 'yours']);

const ADVICE_MODALS: ReadonlySet<string> = new Set(['could', 'should', 'might', 'may', 'can', 'ought', 'need', 'must']);

/** Discourse markers that open a sentence (unlike "and", "but", "like", which also join clauses). */
const SENTENCE_MARKERS: ReadonlySet<string> = new Set([
  'okay', 'ok', 'alright', 'so', 'well', 'now', 'anyway', 'um', 'uh', 'hmm', 'mm', 'yeah', 'yes',
]);
const RECOMMENDING_VERBS: ReadonlySet<string> = new Set(['suggest', 'recommend', 'encourage', 'advise', 'urge']);
const HELP_PREDICATES: ReadonlySet<string> = new Set(['help', 'helps', 'helpful', 'useful', 'worth', 'wise', 'important', 'best', 'better']);

const EVALUATIVE: ReadonlySet<string> = new Set([
  'good', 'great', 'nice', 'excellent', 'wonderful', 'fantastic', 'reasonable', 'sensible', 'smart',
  'solid', 'realistic', 'terrific', 'brilliant', 'perfect', 'fine',
]);
/** Subjects / verbs of an evaluation ("that's", "this is", "sounds like", "what a"). */
const EVALUATIVE_SUBJECTS: ReadonlySet<string> = new Set(['that', 'thats', 'this', 'its', 'sounds', 'what', 'such', 'is']);
const PLAN_NOUNS: ReadonlySet<string> = new Set(['plan', 'plans', 'idea', 'ideas', 'step', 'steps', 'start', 'goal', 'goals', 'choice', 'decision', 'option', 'approach']);

/** Personal subjects: an effect verb after these describes the speakers, not the world. */
const PERSONAL: ReadonlySet<string> = new Set([...SECOND_PERSON, 'i', 'we', 'they', 'he', 'she']);
const OBJECT_PRONOUNS: ReadonlySet<string> = new Set(['me', 'him', 'her', 'them', 'us']);

const CAUSAL: ReadonlySet<string> = new Set(['because', 'since', 'cause', 'cuz']);
/** Third-person present effect verbs ("exercise helps", "it lowers"). */
const EFFECT_VERBS_3SG: ReadonlySet<string> = new Set([
  'helps', 'improves', 'lowers', 'raises', 'reduces', 'increases', 'affects', 'causes', 'protects',
  'damages', 'worsens', 'prevents', 'boosts', 'disrupts', 'interferes', 'triggers', 'leads',
]);
const EFFECT_VERBS_BASE: ReadonlySet<string> = new Set([
  'help', 'improve', 'lower', 'raise', 'reduce', 'increase', 'affect', 'cause', 'protect', 'damage',
  'worsen', 'prevent', 'boost', 'disrupt', 'interfere', 'trigger', 'lead',
]);
const NUMBER_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'eight', 'ten', 'few', 'couple', 'several',
]);
const TIME_UNITS: ReadonlySet<string> = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'fortnight']);
const NEXT_NOUNS: ReadonlySet<string> = new Set(['time', 'week', 'month', 'visit', 'appointment', 'session', 'meeting', 'checkup']);

/** Clinician's own action after "I'll" / "let me" / "I can" (giving, arranging, not asking). */
const CLINICIAN_ACTIONS: ReadonlySet<string> = new Set([
  'give', 'send', 'share', 'show', 'write', 'print', 'get', 'refer', 'book', 'set', 'call', 'check',
  'order', 'make', 'put', 'see', 'email', 'arrange',
]);

/**
 * True when token i opens a sentence: the turn start, sentence punctuation before it, or (for
 * ASR text without marks) a sentence-opening discourse marker before it ("okay try …").
 */
function isSentenceStart(toks: readonly BrokenToken[], i: number): boolean {
  if (i === 0) return true;
  const t = toks[i] as BrokenToken;
  if (/[.?!;:]/.test(t.before)) return true;
  return t.before === '' && SENTENCE_MARKERS.has((toks[i - 1] as BrokenToken).word);
}

/** Index of the first word at or after i that is neither a discourse marker nor a softener. */
function skipSoft(words: readonly string[], i: number): number {
  let j = i;
  while (j < words.length && (LEAD_MARKERS.has(words[j] as string) || SOFTENERS.has(words[j] as string))) j++;
  return j;
}

/** Is the word at j (a clause's first real word) an imperative verb? */
function isImperativeAt(words: readonly string[], j: number): boolean {
  const w = words[j];
  const next = words[j + 1];
  if (w === undefined) return false;
  if (NEGATIVE_IMPERATIVE.has(w)) {
    // "don't forget", "never mind" — but not "don't you …" (a question) or a turn-final "don't"
    return next !== undefined && !SUBJECT_WORDS.has(next);
  }
  if (w === 'do' && next === 'not') return true;
  if (!IMPERATIVE_VERBS.has(w)) return false;
  // "have you …", "be you" etc. are inversions; "make it" / "take it" stay imperatives
  if ((w === 'have' || w === 'be') && next !== undefined && (SUBJECT_WORDS.has(next) || next === 'been' || next === 'to' || next === 'got')) return false;
  return next !== undefined || w === 'wait';
}

function matchesAt(words: readonly string[], i: number, seq: readonly string[]): boolean {
  for (let k = 0; k < seq.length; k++) if (words[i + k] !== seq[k]) return false;
  return true;
}

/** Adds the `in:*` features of the turn to `f`. `words` are the tokens of `toks`. */
export function addInputCues(toks: readonly BrokenToken[], words: readonly string[], f: Map<string, number>): void {
  const n = words.length;
  const kinds = new Set<string>();
  const first = skipSoft(words, 0);
  if (isImperativeAt(words, first)) kinds.add('imp0');

  for (let i = 0; i < n; i++) {
    const w = words[i] as string;
    const next = words[i + 1];

    // a later sentence that starts with a bare verb (a verb after "and" / "then" is more often
    // coordinated with the previous clause's subject: "you get up and take …")
    if (i > first && isSentenceStart(toks, i) && isImperativeAt(words, skipSoft(words, i))) kinds.add('impN');

    // modal advice: "you could / should / might want to …", "I'd suggest", "it would help to"
    // ("that you could …", "feel like you could …" report the patient's view: not advice)
    if (w === 'you' && next !== undefined && ADVICE_MODALS.has(next) && (isSentenceStart(toks, i) || SOFTENERS.has(words[i - 1] as string))) {
      let k = i + 2;
      if (words[k] === 'to') k++; // "ought to", "need to"
      if (words[k] === 'also' || words[k] === 'just' || words[k] === 'maybe') k++;
      const v = words[k];
      if (v !== undefined && (IMPERATIVE_VERBS.has(v) || ((v === 'want' || v === 'wanna') && next !== 'can'))) kinds.add('modal');
    }
    if ((w === 'i' || w === 'id' || w === 'we') && (next !== undefined && RECOMMENDING_VERBS.has(next) || (next === 'would' && RECOMMENDING_VERBS.has(words[i + 2] ?? '')))) kinds.add('modal');
    if (w === 'id' && RECOMMENDING_VERBS.has(next ?? '')) kinds.add('modal');
    // "it would help to …", "it might be a good idea to …" as a sentence of its own ("you're
    // hoping that it would help" reports the patient's hope)
    if ((w === 'it' || w === 'that' || w === 'this') && (next === 'would' || next === 'might' || next === 'could' || next === 'may') && isSentenceStart(toks, i)) {
      const a = words[i + 2];
      const b = words[i + 3];
      if (a !== undefined && (HELP_PREDICATES.has(a) || (a === 'be' && b !== undefined && (HELP_PREDICATES.has(b) || (b === 'a' && EVALUATIVE.has(words[i + 4] ?? '')))))) kinds.add('modal');
    }
    if ((w === 'its' || w === 'it') && (next === 'a' || next === 'best' || next === 'worth' || next === 'important') && isSentenceStart(toks, i)) {
      // "it's a good idea to cut …", "it's worth trying", "it's important to keep …" (not "… to you")
      const tail = words.slice(i + 1, i + 5);
      const to = tail.indexOf('to');
      const afterTo = to >= 0 ? tail[to + 1] ?? words[i + 1 + to + 1] : undefined;
      const personal = afterTo !== undefined && (SECOND_PERSON.has(afterTo) || OBJECT_PRONOUNS.has(afterTo));
      if ((to >= 0 || tail.includes('worth')) && !personal && tail.some((x) => HELP_PREDICATES.has(x) || EVALUATIVE.has(x))) kinds.add('modal');
    }
    if (w === 'why' && next === 'dont' && words[i + 2] === 'you' && IMPERATIVE_VERBS.has(words[i + 3] ?? '')) kinds.add('modal');
    if (w === 'how' && next === 'about' && (words[i + 2] === 'trying' || (words[i + 2] === 'you' && IMPERATIVE_VERBS.has(words[i + 3] ?? '')))) kinds.add('modal');

    // affirmation of a plan: "a good plan", "great idea"
    // with a demonstrative or "sounds like" as the subject: "you have a good plan" is often
    // coded a reflection, "that's a good plan" an affirmation
    if (EVALUATIVE.has(w) && next !== undefined && PLAN_NOUNS.has(next) && !(w === 'fine' && next === 'start')) {
      const before = words.slice(Math.max(0, i - 4), i);
      if (before.some((x) => EVALUATIVE_SUBJECTS.has(x)) && !before.some((x) => SECOND_PERSON.has(x))) kinds.add('affirm');
    }

    // explanation about the world: "since regular activity helps …" (no "you" in the clause)
    if (CAUSAL.has(w) && i > 0) {
      const clause = words.slice(i + 1, i + 9);
      const subject = clause.slice(0, 3);
      if (!subject.some((x) => SECOND_PERSON.has(x) || x === 'i' || x === 'im') && clause.some((x) => EFFECT_VERBS_3SG.has(x) || EFFECT_VERBS_BASE.has(x))) kinds.add('cause');
    }
    // a general effect ("activity helps both sleep …", "alcohol can raise your …"), not the
    // patient's own experience ("it helps you relax", "we can help")
    if (EFFECT_VERBS_3SG.has(w) && i > 0 && next !== undefined && !PERSONAL.has(words[i - 1] as string) && next !== 'you') kinds.add('effect');
    if ((w === 'can' || w === 'may' || w === 'will') && i > 0 && !PERSONAL.has(words[i - 1] as string)) {
      const k = next === 'actually' || next === 'also' || next === 'really' ? i + 2 : i + 1;
      const v = words[k];
      const obj = words[k + 1];
      if (v !== undefined && EFFECT_VERBS_BASE.has(v) && obj !== undefined && obj !== 'you') kinds.add('effect');
    }

    // leave-taking
    if (
      (w === 'take' && next === 'care' && words[i + 2] !== 'of') ||
      (w === 'see' && next === 'you' && i + 2 >= n) ||
      (w === 'see' && next === 'you' && (words[i + 2] === 'then' || words[i + 2] === 'soon' || words[i + 2] === 'next' || words[i + 2] === 'in' || words[i + 2] === 'again' || words[i + 2] === 'later')) ||
      w === 'bye' || w === 'goodbye' ||
      ((w === 'thanks' || w === 'thank') && words.slice(i + 1, i + 4).includes('coming')) ||
      (w === 'good' && next === 'luck') ||
      (w === 'talk' && (next === 'soon' || (next === 'to' && words[i + 2] === 'you' && words[i + 3] === 'soon')))
    ) kinds.add('close');

    // arranging the next contact: "in four weeks", "next time", "follow up"
    if (w === 'in' && next !== undefined && NUMBER_WORDS.has(next)) {
      const u = words[i + 2] === 'of' || words[i + 2] === 'more' ? words[i + 3] : words[i + 2];
      if (u !== undefined && TIME_UNITS.has(u)) kinds.add('future');
    }
    if (w === 'next' && next !== undefined && NEXT_NOUNS.has(next) && words[i - 1] !== 'the') kinds.add('future');
    if ((w === 'follow' && next === 'up') || w === 'followup' || (w === 'come' && next === 'back' && words[i + 2] !== 'to')) kinds.add('future');

    // the clinician's own action or a directive in the first person
    if ((w === 'ill' || (w === 'i' && next === 'will')) && i + 2 < n) {
      const v = w === 'ill' ? next : words[i + 2];
      if (v !== undefined && (CLINICIAN_ACTIONS.has(v) || v === 'be' || v === 'have')) kinds.add('self');
    }
    if ((w === 'i' || w === 'id') && matchesAt(words, i + 1, w === 'i' ? ['want', 'you', 'to'] : ['like', 'you', 'to'])) kinds.add('self');
    if (w === 'let' && next === 'me' && CLINICIAN_ACTIONS.has(words[i + 2] ?? '')) kinds.add('self');
    if (w === 'lets' && isClauseStart(toks, i) && next !== undefined) kinds.add('lets');
  }

  // the imperative in either position, pooled (each position alone is rare in training data)
  if (kinds.has('imp0') || kinds.has('impN')) kinds.add('imp');
  for (const k of kinds) f.set(`in:${k}`, 1);
  if (kinds.size > 0) {
    f.set('in:any', 1);
    f.set(`in:n:${Math.min(kinds.size, 3)}`, 1);
  }
}
