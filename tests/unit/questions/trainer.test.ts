import { describe, expect, it } from 'vitest';
import { classifyWithModel } from '../../../src/core/questions/classify';
import { MODEL } from '../../../src/core/questions/weights';
import type { Example } from '../../../scripts/questions/data';
import { train } from '../../../scripts/questions/trainer';

// A tiny hand-written training set (not AnnoMI): the trainer must fit it, deterministically.
const RAW: [string, string, Example['label']][] = [
  ['What brings you here today?', 'Hello.', 'open_question'],
  ['How has your week been?', 'Fine I guess.', 'open_question'],
  ['Tell me about your sleep.', 'It is bad.', 'open_question'],
  ['What worries you most about it?', 'I am not sure.', 'open_question'],
  ['Do you smoke?', 'Sometimes.', 'closed_question'],
  ['Are you taking the pills?', 'I have them.', 'closed_question'],
  ['Did you sleep well?', 'Not really.', 'closed_question'],
  ['Is it worse at night?', 'It hurts.', 'closed_question'],
  ['So you feel stuck.', 'I feel stuck at work.', 'reflection'],
  ['You are tired of the pain.', 'I am so tired of this pain.', 'reflection'],
  ['It sounds like money is tight.', 'Money is tight right now.', 'reflection'],
  ['You want to be there for your kids.', 'My kids need me.', 'reflection'],
  ['Mm-hmm.', 'And then I left.', 'other'],
  ['Okay.', 'Yes.', 'other'],
  ['Thanks for coming in.', 'Hi.', 'other'],
  ['Good morning.', 'Morning.', 'other'],
];
const EXAMPLES: Example[] = RAW.map(([text, prevText, label], i) => ({
  transcriptId: i % 4,
  utteranceId: i,
  text,
  prevText,
  label,
  reflectionType: label === 'reflection' ? (i % 2 === 0 ? 'simple' : 'complex') : null,
  annotator: String(i % 2),
}));
const OPTS = { minTranscripts: 1, minCount: 1, iterations: 150, l2: 1 };

describe('trainer', () => {
  it('fits a small hand-written set and is deterministic', () => {
    const a = train(EXAMPLES, OPTS);
    const b = train(EXAMPLES, OPTS);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const right = EXAMPLES.filter((e) => classifyWithModel({ text: e.text, prevText: e.prevText }, a).label === e.label).length;
    expect(right).toBeGreaterThanOrEqual(EXAMPLES.length - 1);
  });

  it('ships no training-only annotator terms', () => {
    const m = train(EXAMPLES, OPTS);
    expect(Object.keys(m.w).some((k) => k.startsWith('ann:'))).toBe(false);
    expect(Object.keys(MODEL.w).some((k) => k.startsWith('ann:'))).toBe(false);
  });

  it('pulls a feature with a prior towards the prior instead of towards zero', () => {
    // with a strong L2 the data can hardly move any weight: the prior is what remains
    const strong = { ...OPTS, l2: 1000, pruneBelow: 0 };
    const withPrior = train(EXAMPLES, { ...strong, priors: [['w:okay', [0, 0, -1, 1]]] });
    const without = train(EXAMPLES, { ...strong, priors: [] });
    const w = withPrior.w['w:okay'] as readonly number[];
    expect(w[2]).toBeLessThan(-0.8);
    expect(w[3]).toBeGreaterThan(0.8);
    for (const x of without.w['w:okay'] ?? []) expect(Math.abs(x)).toBeLessThan(0.2);
    // the shipped model was trained with the therapist-input prior (reflection down, other up)
    const any = MODEL.w['in:any'] as readonly number[];
    expect(any[3]).toBeGreaterThan(any[2] as number);
  });

  it('keeps the shipped model small', () => {
    expect(JSON.stringify(MODEL).length).toBeLessThan(300_000);
    expect(MODEL.labels).toEqual(['open_question', 'closed_question', 'reflection', 'other']);
  });
});
