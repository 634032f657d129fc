import { describe, expect, it } from 'vitest';
import { tokenizeWithBreaks } from '../../../src/core/questions/clauses';
import { addInputCues } from '../../../src/core/questions/input-cues';
import { stripPunctuation } from '../../../src/core/questions/normalize';

/** The `in:*` cue kinds of a text (without the pooled in:any / in:n / in:imp). */
function cues(text: string): string[] {
  const bt = tokenizeWithBreaks(text);
  const f = new Map<string, number>();
  addInputCues(bt, bt.map((t) => t.word), f);
  return [...f.keys()]
    .filter((k) => k !== 'in:any' && k !== 'in:imp' && !k.startsWith('in:n:'))
    .map((k) => k.slice(3))
    .sort();
}

// Hand-written sentences; each cue is checked on the punctuated text and on its ASR form.
const FIRES: [string, string[]][] = [
  ['Try to eat breakfast before you leave.', ['imp0']],
  ['Okay, so just call the clinic on Monday.', ['imp0']],
  ["Don't forget the evening tablet.", ['imp0']],
  ['Make sure the cuff is at heart level.', ['imp0']],
  ['That all sounds fine. Now bring the meter along on Friday.', ['impN']],
  ['You might want to lower the pillow a bit.', ['modal']],
  ["I'd suggest a shorter walk after dinner.", ['modal']],
  ['It would help to eat at the same time each day.', ['modal']],
  ["That's a sensible plan.", ['affirm']],
  ['Fibre helps the gut, and salt raises the pressure.', ['effect']],
  ['Alcohol can disrupt deep sleep.', ['effect']],
  ['Rest matters, since poor sleep raises blood sugar.', ['cause', 'effect']],
  ['Well, take care.', ['close', 'imp0']], // "take care" is also an imperative
  ['See you then.', ['close']],
  ['Thank you for coming in.', ['close']],
  ['We can look again in three weeks.', ['future']],
  ["I'll print the plan for you.", ['self']],
  ['I want you to rest the knee.', ['self']],
  ["Let's look at the numbers together.", ['lets']],
];

// Reflections and questions that share words with the cues but not their form.
const SILENT: string[] = [
  'You keep smoking the way you are.',
  'You get up at night and check your phone.',
  'Have you been checking your sugar?',
  "Don't you think it's worth it?",
  'You have a good plan there.',
  'You feel like you could make some changes.',
  'So it helps you relax after work.',
  'You take care of everyone else.',
  "You're hoping that it would help with your balance.",
  'Tell me about the evenings.',
  'How did the walking go?',
  'Since the last visit you have been sleeping better.',
];

describe('therapist-input cues', () => {
  it.each(FIRES)('"%s" -> %j', (text, expected) => {
    expect(cues(text)).toEqual(expected);
    expect(cues(stripPunctuation(text))).toEqual(expected);
  });

  it.each(SILENT)('"%s" -> none', (text) => {
    expect(cues(text)).toEqual([]);
    expect(cues(stripPunctuation(text))).toEqual([]);
  });

  it('pools the cues: in:any, the number of kinds, and either imperative as in:imp', () => {
    const bt = tokenizeWithBreaks('Send me your readings in four weeks, and take care.');
    const f = new Map<string, number>();
    addInputCues(bt, bt.map((t) => t.word), f);
    expect([...f.keys()].sort()).toEqual(['in:any', 'in:close', 'in:future', 'in:imp', 'in:imp0', 'in:n:3']);
  });

  it('sets nothing for empty text', () => {
    const f = new Map<string, number>();
    addInputCues([], [], f);
    expect(f.size).toBe(0);
  });
});
