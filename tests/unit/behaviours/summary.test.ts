import { describe, expect, it } from 'vitest';
import { isSummaryUtterance } from '../../../src/core/behaviours/summary';
import { sentencesOf } from '../../../src/core/behaviours/sentences';
import { stripPunctuation } from '../../../src/core/questions/normalize';

const isSummary = (text: string) => isSummaryUtterance(sentencesOf(text));

// Hand-written here (in neither DEV set), with the answer the rule must give.
const SUMMARIES = [
  "So far you've told me that the pain is worse on stairs, that it wakes you at night, and that the cream helps a bit.",
  "Let me summarize what you've said. You're eating late, you're skipping lunch, and you're tired all afternoon.",
  'To recap, you want to keep your job, you feel burnt out, and you are thinking about going part-time.',
  "What I've heard so far is that the fights started after the move and that your son has gone quiet.",
  "Let me recap to make sure I've got it right: the dizziness comes when you stand, it lasts a minute, and it started with the new pill.",
];
const NOT_SUMMARIES: [string, string][] = [
  ['a single reflection opening with "So"', "So you've been sleeping badly since the move."],
  ['a "so far" statement about the plan', 'So far the plan is to wait and repeat the scan in June.'],
  ['a "so far" statement of the clinician’s own acts', "So far we've tried two tablets and the injection."],
  ['a recap of the plan', "Let me summarize the plan. We'll add a water tablet, you'll weigh yourself daily, and I'll see you in two weeks."],
  ['a recap of instructions', 'To recap, take two tablets at night, drink plenty of water, and avoid the sun.'],
  ['a recap of the clinician’s advice', "To sum up, I'd suggest fewer takeaways, more vegetables, and a walk after dinner."],
  ['a recap of what the clinician said', 'Let me go back over what I said about the side effects. Some people feel sick, and a few get headaches.'],
  ['a recap of results', 'In summary, your liver tests came back normal and your iron is fine.'],
  ['a recap of the chart', "Let me recap your history. You've had two operations, you're on insulin, and you're allergic to codeine."],
  ['a list of options', 'Let me summarize the options. There are two options: a brace, or surgery and then physio.'],
  ['a question that lists options', "To sum up, is it the cost, the side effects, or the hassle that's putting you off?"],
  ['the framing with one thing only', "So far you've told me about the cough. Tell me about your breathing."],
  ['a framing about the letter', "I'll summarize what we discussed in a letter to your GP."],
  ['a list of options offered', 'Let me pull together some ideas for you. You can try a sleep diary, a fan, and less coffee.'],
  ['the framing before a question whose "?" was lost', "You've mentioned a few things you'd like to change, which one matters most to you"],
  ['the clinician’s diagnosis', "To sum up, I think it's a migraine, and it should settle with rest and fluids thank you."],
  ['an explanation', 'In a nutshell, this is a virus, it should clear in a week, and rest is the best medicine.'],
];

describe('isSummaryUtterance', () => {
  it.each(SUMMARIES)('gathers the patient’s words: %s', (text) => {
    expect(isSummary(text)).toBe(true);
  });
  it.each(NOT_SUMMARIES)('not a summary: %s', (_why, text) => {
    expect(isSummary(text)).toBe(false);
  });
  it('reads the same without any punctuation (the items split at "and")', () => {
    for (const text of SUMMARIES.slice(0, 2)) expect(isSummary(stripPunctuation(text))).toBe(true);
    for (const [, text] of NOT_SUMMARIES) expect(isSummary(stripPunctuation(text))).toBe(false);
  });
});
