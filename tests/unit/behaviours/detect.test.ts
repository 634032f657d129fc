import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { askedPermission, createBehaviourTracker, detectBehaviours, PERMISSION_MEMORY_S } from '../../../src/core/behaviours/detect';
import { BEHAVIOURS } from '../../../src/core/behaviours/labels';
import { stripPunctuation } from '../../../src/core/questions/normalize';
import { parseBehaviourSet } from '../../../scripts/behaviours/behaviour-set';

const detect = (text: string, permitted = false) => detectBehaviours(text, permitted).behaviours;

// Hand-written here (not in the DEV set), with the answer each rule must give.
const CASES: [string, string[]][] = [
  ['Is there anything else you wanted to go over today besides the rash?', ['agenda']],
  ['Is there anything else that hurts?', []],
  ['Would it be alright if I told you a bit about the patch?', ['permission']],
  ['Would it be alright to move our appointment to Friday?', []],
  // Moonshine's reading of "Would it be okay if I shared …" (heard in the demo visit)
  ["What it's be okay if I share a few ideas that often help with sleep.", ['permission']],
  ["What it's be okay if we meet on Friday.", []],
  ["Just to make sure I explained it properly, can you tell me how you'll take the antibiotic?", ['teach_back']],
  ['Do you understand?', []],
  ['To make sure I explain it clearly, what will you do first, in your own words?', ['teach_back']],
  ['In your own words, how have you been feeling since the surgery?', []],
  ["Let me summarize what you've said: the job, the move, and now your father's illness.", ['summary']],
  ['Let me summarize the plan: take one tablet at night.', ['advice_without_permission']],
  ['That sounds so frustrating.', ['affirmation']],
  ['That sounds like a migraine.', []],
  ['You should try to walk a little every day.', ['advice_without_permission']],
  ['It sounds like you feel you should walk more.', []],
  // a summary with an agenda question at its end shows both
  ["So far you've told me about the cough and the tiredness. Is there anything else you'd like to talk about today?", ['summary', 'agenda']],
];

describe('detectBehaviours', () => {
  it.each(CASES)('%s', (text, expected) => {
    expect(detect(text)).toEqual(expected);
  });

  it('reads Moonshine-like text the same with the question mark lost or no punctuation at all', () => {
    for (const [text, expected] of CASES) {
      expect(detect(text.replace(/\?/g, '.'))).toEqual(expected);
      // Without any mark an imperative after "the plan:" is no longer at a sentence start (a known limit).
      if (!text.includes(':') || !expected.includes('advice_without_permission')) expect(detect(stripPunctuation(text))).toEqual(expected);
    }
  });

  it('reports behaviours in BEHAVIOURS order, each once', () => {
    const found = detect("Thank you for sharing that. That sounds really hard. Thanks for telling me.");
    expect(found).toEqual(['affirmation']);
    expect(BEHAVIOURS.filter((b) => found.includes(b))).toEqual(found);
  });

  it('advice after a permission-ask, in the same utterance or just before, is not advice without permission', () => {
    expect(detect('Can I make a suggestion? Try the patch.')).toEqual(['permission']);
    expect(detect('Try the patch. Can I tell you more about it?')).toEqual(['permission', 'advice_without_permission']);
    expect(detect('You should try the patch.', true)).toEqual([]);
    expect(detectBehaviours('You should try the patch.', true).advice).toBe(true);
  });

  it('askedPermission looks at the last three preceding utterances only', () => {
    const ask = 'Would you like some information about the patch?';
    expect(askedPermission([ask, 'Okay.', 'Mm.'])).toBe(true);
    expect(askedPermission([ask, 'Okay.', 'Mm.', 'Right.'])).toBe(false);
    expect(askedPermission(['Okay.'])).toBe(false);
  });

  it('empty or wordless text shows nothing', () => {
    expect(detectBehaviours('', false)).toEqual({ behaviours: [], advice: false, permissionAsked: false });
    expect(detect('…?!')).toEqual([]);
  });
});

describe('createBehaviourTracker', () => {
  it('a permission-ask covers the next three utterances, or the next two minutes', () => {
    const tracker = createBehaviourTracker();
    expect(tracker.observe('Would it be okay if I shared some ideas?', 10).behaviours).toEqual(['permission']);
    const advice = 'You could try a walk after dinner.';
    expect(tracker.observe(advice, 20)).toEqual({ behaviours: [], advice: true });
    expect(tracker.observe('Okay.', 25).behaviours).toEqual([]);
    expect(tracker.observe(advice, 30).behaviours).toEqual([]);
    expect(tracker.observe(advice, 40).behaviours).toEqual([]); // fourth, but within the two minutes
    expect(tracker.observe(advice, 10 + PERMISSION_MEMORY_S + 1)).toEqual({ behaviours: ['advice_without_permission'], advice: true });
  });

  it('without any ask, advice is advice without permission', () => {
    const tracker = createBehaviourTracker();
    expect(tracker.observe('I would recommend cutting down to two drinks.', 5).behaviours).toEqual(['advice_without_permission']);
  });
});

describe('the DEV set (regression guard: the rules were written on it, so this is not a held-out figure)', () => {
  it('keeps precision ≥ 0.85 and recall ≥ 0.8 for every behaviour', () => {
    const items = parseBehaviourSet(readFileSync(new URL('../../../data/behaviours/dev-set.jsonl', import.meta.url), 'utf8'), 'dev-set.jsonl');
    expect(items.length).toBeGreaterThanOrEqual(300);
    for (const b of BEHAVIOURS) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const item of items) {
        const predicted = detectBehaviours(item.text, askedPermission(item.precedingClinician)).behaviours.includes(b);
        const gold = item.behaviours.includes(b);
        if (predicted && gold) tp++;
        else if (predicted) fp++;
        else if (gold) fn++;
      }
      expect(tp / (tp + fp), b).toBeGreaterThanOrEqual(0.85);
      expect(tp / (tp + fn), b).toBeGreaterThanOrEqual(0.8);
    }
  });
});

describe('the second DEV set (summary hard negatives: single reflections, plan and advice recaps, options)', () => {
  it('keeps summary precision ≥ 0.95 and recall ≥ 0.8 on its text', () => {
    const items = parseBehaviourSet(readFileSync(new URL('../../../data/behaviours/dev-set-2.jsonl', import.meta.url), 'utf8'), 'dev-set-2.jsonl');
    const judged = items.map((item) => ({ gold: item.behaviours.includes('summary'), predicted: detectBehaviours(item.text, askedPermission(item.precedingClinician)).behaviours.includes('summary') }));
    const tp = judged.filter((j) => j.gold && j.predicted).length;
    expect(items.filter((i) => i.hardNegativeFor.includes('summary')).length).toBeGreaterThanOrEqual(100);
    expect(tp / judged.filter((j) => j.predicted).length).toBeGreaterThanOrEqual(0.95);
    expect(tp / judged.filter((j) => j.gold).length).toBeGreaterThanOrEqual(0.8);
  });
});
