import { describe, expect, it } from 'vitest';
import { againstGold, majority, oneAgainstRest } from '../../../scripts/questions/agreement';

describe('expert agreement (one annotator against the majority of the others)', () => {
  it('a unanimous utterance is agreement for every annotator', () => {
    const s = oneAgainstRest([{ open_question: 10 }]);
    expect(s.open_question).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(s.closed_question.f1).toBe(0);
  });

  it('a 6–4 split: the six agree with the rest, the four disagree', () => {
    // open voters see the rest at 5 open / 4 closed (agree); closed voters see 6 open / 3 closed.
    const s = oneAgainstRest([{ open_question: 6, closed_question: 4 }]);
    expect(s.open_question.precision).toBe(1);
    expect(s.open_question.recall).toBeCloseTo(0.6, 10);
    expect(s.open_question.f1).toBeCloseTo(0.75, 10);
    expect(s.closed_question).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('a tie among the others is split evenly between the tied labels', () => {
    expect(majority({ open_question: 4, closed_question: 4, other: 1 })).toEqual(
      new Map([
        ['open_question', 0.5],
        ['closed_question', 0.5],
      ]),
    );
    expect(majority({})).toEqual(new Map());
    // 5 open / 4 closed / 1 reflection: each open voter sees a 4–4 tie (half right), each closed
    // voter and the reflection voter see open ahead.
    const s = oneAgainstRest([{ open_question: 5, closed_question: 4, reflection: 1 }]);
    // open: tp 2.5, fp 2.5, fn 5 (4 closed + 1 reflection voters whose reference was open)
    expect(s.open_question.precision).toBeCloseTo(0.5, 10);
    expect(s.open_question.recall).toBeCloseTo(2.5 / 7.5, 10);
    // closed: tp 0 (its voters always see open ahead), fn 2.5 from the open voters' ties
    expect(s.closed_question.f1).toBe(0);
  });

  it('scores predictions against gold labels per class', () => {
    const s = againstGold([
      { gold: 'open_question', predicted: 'open_question' },
      { gold: 'open_question', predicted: 'closed_question' },
      { gold: 'reflection', predicted: 'reflection' },
      { gold: 'other', predicted: 'open_question' },
    ]);
    expect(s.open_question).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(s.closed_question).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(s.reflection).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(s.other.recall).toBe(0);
  });
});
