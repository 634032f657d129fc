/**
 * The clinician's utterance as the behaviour rules read it: sentences (Moonshine punctuates, but
 * may drop a "?"), each as lower-case words without apostrophes ("you've" → "youve"), joined by
 * single spaces and padded with a space at each end, so a rule is a plain regular expression
 * with ` word ` boundaries and behaves the same on punctuated and unpunctuated text.
 */
import { splitSentences, tokenize } from '../questions/normalize';

export interface Sentence {
  /** " so far youve told me about the pain " */
  words: string;
  /** Ends with "?" or opens like a question (an auxiliary before a subject, a wh-word). */
  question: boolean;
  /** The same words cut at commas and semicolons, each in the same padded form: the items of a list ("your kids, your job, and your health"). */
  clauses: string[];
}

const AUX_OPENING =
  /^ (?:(?:so|and|okay|ok|well|now|but|um|uh|alright) )*(?:do|does|did|is|are|was|were|have|has|can|could|would|will|should|may|might|any|anything|what|whats|how|hows|why|when|where|who|which)(?: |$)/;

/** Sentences of the utterance, oldest first; empty for text without words. */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  // A colon opens a statement of its own ("Here is the plan: take one at night").
  for (const raw of splitSentences(text).flatMap((sentence) => sentence.split(':'))) {
    const tokens = tokenize(raw);
    if (tokens.length === 0) continue;
    const words = ` ${tokens.join(' ')} `;
    const clauses = raw.split(/[,;]/).map(tokenize).filter((t) => t.length > 0).map((t) => ` ${t.join(' ')} `);
    out.push({ words, question: raw.trimEnd().endsWith('?') || AUX_OPENING.test(words), clauses });
  }
  return out;
}
