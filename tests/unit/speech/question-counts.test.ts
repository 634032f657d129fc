import { describe, expect, it } from 'vitest';
import { countQuestions } from '../../../src/core/speech/question-counts';
import type { LabelledUtterance } from '../../../src/core/session/schema';

const u = (label: LabelledUtterance['label'], extra: Partial<LabelledUtterance> = {}): LabelledUtterance => ({
  id: `u${Math.random()}`,
  startS: 0,
  endS: 1,
  label,
  confidence: 0.9,
  ...extra,
});

describe('question counts', () => {
  it('has no ratios before the first question', () => {
    expect(countQuestions([u('reflection'), u('other')])).toMatchObject({ open: 0, closed: 0, reflections: 1, other: 1, openShare: null, reflectionToQuestion: null });
  });

  it('counts open share and reflections per question, corrections first', () => {
    const c = countQuestions([
      u('open_question'),
      u('open_question'),
      u('closed_question'),
      u('closed_question', { correctedLabel: 'open_question' }),
      u('reflection', { reflectionType: 'complex' }),
      u('reflection', { reflectionType: 'simple' }),
      u('other', { correctedLabel: 'reflection' }),
    ]);
    expect(c).toMatchObject({ open: 3, closed: 1, reflections: 3, simpleReflections: 1, complexReflections: 1, other: 0 });
    expect(c.openShare).toBeCloseTo(0.75);
    expect(c.reflectionToQuestion).toBeCloseTo(0.75);
  });
});
