import { describe, expect, it } from 'vitest';
import { applyCalibration, calibratedModel, fitCalibration, meanNll } from '../../../scripts/questions/calibrate';
import {
  calibration,
  consensusF1Interval,
  consensusScores,
  countsByVisit,
  openShare,
  quantile,
  sampledCoderVisitErrors,
  reflectionToQuestion,
  visitErrors,
  zeroCounts,
  type LabelCounts,
} from '../../../scripts/questions/metrics';
import { classProbabilities, scoreFeatures, type QuestionModel } from '../../../src/core/questions/classify';
import { extractFeatures } from '../../../src/core/questions/features';

const counts = (open: number, closed: number, reflection: number, other = 0): LabelCounts => ({
  open_question: open,
  closed_question: closed,
  reflection,
  other,
});

describe('visit-level error', () => {
  it('open share and R:Q of a visit', () => {
    expect(openShare(counts(3, 1, 2))).toBe(0.75);
    expect(reflectionToQuestion(counts(3, 1, 2))).toBe(0.5);
    expect(openShare(zeroCounts())).toBeNull();
  });

  it('absolute errors in points and R:Q, only for visits with at least 4 gold questions', () => {
    const e = visitErrors([
      { gold: counts(2, 2, 4), predicted: counts(3, 1, 2) }, // share 50 -> 75 (25 pts); R:Q 1 -> 0.5
      { gold: counts(1, 2, 9), predicted: counts(0, 0, 0) }, // 3 questions: not scored
      { gold: counts(4, 0, 0), predicted: counts(0, 0, 3) }, // no predicted question: share 50 %, R:Q = 3
    ]);
    expect(e.visits).toBe(2);
    expect(e.shareErrorPts).toEqual([25, 50]);
    expect(e.rqError).toEqual([0.5, 3]);
  });

  it('argmax counts one label per utterance, expected counts add probabilities', () => {
    const rows = [
      { visitId: 1, gold: 'open_question' as const, probs: [0.6, 0.4, 0, 0] },
      { visitId: 1, gold: 'closed_question' as const, probs: [0.6, 0.4, 0, 0] },
      { visitId: 2, gold: 'reflection' as const, probs: [0, 0, 0.3, 0.7] },
    ];
    const a = countsByVisit(rows, 'argmax');
    expect(a.get(1)?.predicted).toEqual(counts(2, 0, 0));
    expect(a.get(1)?.gold).toEqual(counts(1, 1, 0));
    const x = countsByVisit(rows, 'expected');
    expect(x.get(1)?.predicted.open_question).toBeCloseTo(1.2, 12);
    expect(x.get(1)?.predicted.closed_question).toBeCloseTo(0.8, 12);
    expect(x.get(2)?.predicted).toEqual(counts(0, 0, 0.3, 0.7));
  });

  it('quantiles interpolate between order statistics', () => {
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([0, 10], 0.9)).toBe(9);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('consensus (majority vote of several coders)', () => {
  it('scores against the majority, ties split evenly', () => {
    const s = consensusScores([
      { votes: { open_question: 7, closed_question: 3 }, predicted: 'open_question' },
      { votes: { closed_question: 6, open_question: 4 }, predicted: 'open_question' },
      { votes: { reflection: 5, other: 5 }, predicted: 'reflection' },
    ]);
    // open: tp 1, fp 1 -> P 0.5, R 1; closed: fn 1; reflection: tp 0.5, fp 0.5; other: fn 0.5
    expect(s.open_question.precision).toBe(0.5);
    expect(s.open_question.recall).toBe(1);
    expect(s.closed_question.f1).toBe(0);
    expect(s.reflection.precision).toBe(0.5);
    expect(s.reflection.recall).toBe(1);
    expect(s.other.recall).toBe(0);
  });

  it('the bootstrap interval is deterministic, brackets the point value, and is a point when all agree', () => {
    const items = [
      { votes: { open_question: 9 }, predicted: 'open_question' as const },
      { votes: { open_question: 8 }, predicted: 'closed_question' as const },
      { votes: { closed_question: 9 }, predicted: 'closed_question' as const },
      { votes: { other: 9 }, predicted: 'other' as const },
    ];
    const a = consensusF1Interval(items, 300, 0.9, 7);
    expect(consensusF1Interval(items, 300, 0.9, 7)).toEqual(a);
    const point = consensusScores(items).open_question.f1;
    expect(a.open_question[0]).toBeLessThanOrEqual(point);
    expect(a.open_question[1]).toBeGreaterThanOrEqual(point);
    const allRight = consensusF1Interval([items[0], items[0], items[0]] as typeof items, 100, 0.9, 7);
    expect(allRight.open_question).toEqual([1, 1]);
  });
});

describe('calibration', () => {
  it('ECE is the n-weighted gap between confidence and accuracy per bin', () => {
    const items = [
      { confidence: 0.95, correct: true },
      { confidence: 0.95, correct: false }, // bin 0.9–1.0: conf 0.95, acc 0.5
      { confidence: 0.35, correct: false },
      { confidence: 0.35, correct: false }, // bin 0.3–0.4: conf 0.35, acc 0
    ];
    const { ece, table } = calibration(items);
    expect(ece).toBeCloseTo(0.5 * 0.45 + 0.5 * 0.35, 12);
    expect(table.map((b) => b.n)).toEqual([2, 2]);
    expect(calibration([{ confidence: 1, correct: true }]).ece).toBe(0);
  });

  it('fitting recovers a temperature and class offsets that lower the held-out NLL', () => {
    // true P(class 0) = sigmoid(0.5·z + 1.2); the model reports sigmoid(z): over-confident and biased
    // each logit level z gets 100 rows whose label frequencies are the true probabilities
    const rows: { p: number[]; y: number }[] = [];
    for (let level = -4; level <= 4; level++) {
      const z = level;
      const pTrue = 1 / (1 + Math.exp(-(0.5 * z + 1.2)));
      const reported = [1 / (1 + Math.exp(-z)), 1 / (1 + Math.exp(z))];
      const zeros = Math.round(pTrue * 100);
      for (let i = 0; i < 100; i++) rows.push({ p: reported, y: i < zeros ? 0 : 1 });
    }
    const cal = fitCalibration(rows, 2, { iterations: 600, learningRate: 0.05 });
    expect(cal.scale).toBeCloseTo(0.5, 1);
    expect((cal.offsets[0] as number) - (cal.offsets[1] as number)).toBeCloseTo(1.2, 1);
    expect(meanNll(rows, cal)).toBeLessThan(meanNll(rows, { scale: 1, offsets: [0, 0] }));
  });

  it('a calibration folded into a linear model equals applying it to the probabilities', () => {
    const model: QuestionModel = {
      version: 1,
      labels: ['open_question', 'closed_question', 'reflection', 'other'],
      offsets: [0, 0, 0, 0],
      w: { bias: [0.2, -0.1, 0.3, 0.5], 'w:what': [1.5, -0.5, -0.2, -0.3], 'w:you': [0.1, 0.4, 0.8, -0.2] },
      rt: { bias: 0, w: {} },
      meta: {},
    };
    const cal = { scale: 0.7, offsets: [0.1, -0.3, 0.05, 0.15] };
    const f = extractFeatures({ text: 'what do you want' });
    const folded = scoreFeatures(f, calibratedModel(model, cal));
    const applied = applyCalibration(scoreFeatures(f, model), cal);
    folded.forEach((x, c) => expect(x).toBeCloseTo(applied[c] as number, 2));
    expect(classProbabilities({ text: 'what do you want' }, model)).toEqual(scoreFeatures(f, model));
  });
});

describe('human coder at visit level', () => {
  it('unanimous votes give no error; a split utterance gives the expected error', () => {
    const unanimous = [{ open_question: 10 }, { closed_question: 10 }, { reflection: 10 }];
    expect(sampledCoderVisitErrors([unanimous], 50)).toEqual([{ sharePts: 0, rq: 0 }]);
    // gold (majority): 1 open, 1 closed -> share 50 %. A coder labels the second utterance open
    // with chance 0.4 (share 100 %, error 50 points), else closed (error 0): expected 20 points.
    const split = [{ open_question: 10 }, { closed_question: 6, open_question: 4 }];
    const [e] = sampledCoderVisitErrors([split], 4000, 3);
    expect(e?.sharePts).toBeCloseTo(20, 0);
  });
});
