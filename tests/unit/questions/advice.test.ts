import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyUtterance, type UtteranceLabel } from '../../../src/core/questions/classify';
import { stripPunctuation } from '../../../src/core/questions/normalize';

// Advice, instructions, information and closings are therapist *input* (MITI: giving information,
// advice, structure), coded `other`, not `reflection`. All inputs here are classified as the live
// extension does: without the patient's previous turn (the patient is never transcribed).

interface DemoTurn {
  speaker: string;
  text: string;
  label: UtteranceLabel;
}
const demo = JSON.parse(readFileSync(new URL('../../../demo/audio/truth.json', import.meta.url), 'utf8')) as { turns: DemoTurn[] };
const DEMO = demo.turns.filter((t) => t.speaker === 'clinician').map((t) => [t.text, t.label] as const);

// Hand-written advice / instruction / information / closing turns (not from any dataset), written
// before the model was measured on them; all are `other`. A few short ones still come out as
// reflections (see docs/QUESTIONS.md), so this set is held to a rate, not to every line.
const ADVICE: string[] = [
  'Try to get to bed at the same time every night.',
  'Keep a short diary of what you eat for the next week.',
  'Make sure you take the tablet with food.',
  "Don't stop the medication without talking to us first.",
  'Call the clinic if the swelling gets worse.',
  'You might want to cut back on salt a little.',
  "I'd suggest checking your sugar before breakfast for a few days.",
  'It would help to drink more water during the day.',
  "That's a great idea, and stretching in the morning can ease the stiffness too.",
  'Smoking raises your blood pressure, so cutting down will make a difference.',
  "I'll send the referral today, and we'll check the results next time.",
  "Let's meet again in two weeks to see how it's going.",
  'Okay, see you next month, take care.',
  'Remember to bring your inhaler to the next appointment.',
  'Thanks for coming in today, and good luck with the new routine.',
  'I want you to write down your readings every morning.',
];
/** Share of ADVICE × {punctuated, ASR} labelled `other`: 0.75 (24 / 32) with the shipped weights, 0.22 before the input cues. */
const ADVICE_MIN_SHARE = 0.65;

// Hand-written turns that share words with advice but are reflections or questions.
const CONTRAST: [string, UtteranceLabel][] = [
  ["You'd like to cut back on salt, but cooking without it feels pointless.", 'reflection'],
  ['So you already keep a diary of your meals.', 'reflection'],
  ['It sounds like walking with your neighbour helps you clear your head.', 'reflection'],
  ["You take care of everyone else, and there's no time left for you.", 'reflection'],
  ['You feel you should stop, but the evenings are hard without a drink.', 'reflection'],
  ['What could you try first?', 'open_question'],
  ['Would you be willing to keep a diary for a week?', 'closed_question'],
  ['Could you send me your readings next week?', 'closed_question'],
];

describe('advice, instructions and closings', () => {
  it('the demo visit has its three closing lines of advice (the data this test is about)', () => {
    expect(DEMO.length).toBeGreaterThanOrEqual(14);
    expect(DEMO.filter(([, l]) => l === 'other').length).toBeGreaterThanOrEqual(3);
  });

  it.each(DEMO)('demo line, as written and as ASR text: "%s" -> %s', (text, label) => {
    expect(classifyUtterance({ text }).label).toBe(label);
    expect(classifyUtterance({ text: stripPunctuation(text) }).label).toBe(label);
  });

  it(`labels at least ${ADVICE_MIN_SHARE * 100} % of hand-written advice lines other, punctuated and as ASR text`, () => {
    const missed: string[] = [];
    for (const text of ADVICE) {
      for (const t of [text, stripPunctuation(text)]) if (classifyUtterance({ text: t }).label !== 'other') missed.push(t);
    }
    const share = 1 - missed.length / (2 * ADVICE.length);
    expect(share, `missed: ${missed.join(' | ')}`).toBeGreaterThanOrEqual(ADVICE_MIN_SHARE);
  });

  it.each(CONTRAST)('reflections and questions with advice words stay what they are: "%s" -> %s', (text, label) => {
    expect(classifyUtterance({ text }).label).toBe(label);
    expect(classifyUtterance({ text: stripPunctuation(text) }).label).toBe(label);
  });
});
