import { describe, expect, it } from 'vitest';
import { transcribedPart } from '../../../src/cli/analyze';
import { classifyLine } from '../../../src/cli/classify';
import type { LabelledUtterance } from '../../../src/core/session/schema';

describe('attune classify: behaviours', () => {
  it('adds the behaviours and keeps the existing fields', () => {
    const out = JSON.parse(classifyLine(JSON.stringify({ id: 7, text: "Is there anything else you'd like to talk about today?" })));
    expect(out).toMatchObject({ id: 7, label: expect.any(String), confidence: expect.any(Number), behaviours: ['agenda'] });
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['id', 'label', 'confidence', 'behaviours']));
  });

  it('reads the preceding clinician utterances for the permission memory', () => {
    const advice = 'You could try a walk after dinner.';
    expect(JSON.parse(classifyLine(JSON.stringify({ id: 1, text: advice }))).behaviours).toEqual(['advice_without_permission']);
    const after = { id: 2, text: advice, preceding_clinician: ['Would you like a few ideas?'] };
    expect(JSON.parse(classifyLine(JSON.stringify(after))).behaviours).toEqual([]);
  });

  it('rejects a bad preceding_clinician with a message', () => {
    expect(JSON.parse(classifyLine(JSON.stringify({ id: 3, text: 'Okay.', preceding_clinician: 'Hi' })))).toEqual({ id: 3, error: '"preceding_clinician" must be an array of strings' });
  });
});

describe('attune analyze --transcribe: behaviours', () => {
  const u = (id: string, startS: number, behaviours: LabelledUtterance['behaviours'], text: string): LabelledUtterance => ({ id, startS, endS: startS + 2, label: 'other', confidence: 0.9, behaviours, text });

  it('adds each utterance’s behaviours and the counts', () => {
    const part = transcribedPart([u('a', 1, ['agenda'], 'Anything else on your mind today?'), u('b', 5, ['advice_without_permission'], 'Try the patch.')]);
    expect(part.utterances!.map((x) => x.behaviours)).toEqual([['agenda'], ['advice_without_permission']]);
    expect(part.utterances![0]).toMatchObject({ start_s: 1, end_s: 3, text: 'Anything else on your mind today?', label: 'other' });
    expect(part.behaviours).toEqual({ summary: 0, affirmation: 0, agenda: 1, permission: 0, teach_back: 0, advice_without_permission: 1 });
  });
});
