import { describe, expect, it } from 'vitest';
import { adaptResult } from '../../../src/core/questions/adaptation';
import { COUNT_NOTE, ESTIMATE_NOTE, estimateQuestions, figuresNote, labelWeights, visitQuestionFigures } from '../../../src/core/questions/estimate';
import { exportCsv, CSV_HEADER } from '../../../src/core/history/export';
import { METRICS, metricById, visitMetricRows } from '../../../src/core/history/metrics';
import { observeVisit } from '../../../src/core/history/observations';
import type { LabelledUtterance, VisitSummary } from '../../../src/core/session/schema';
import { fullVisit, LONG_TURN_S, TARGETS, utt } from '../history/fixtures';

const logs = (p: number[]) => p.map((x) => Math.log(x));

describe('labelWeights: how much one utterance counts towards each label', () => {
  it('a corrected label counts in full, whatever the model said', () => {
    expect(labelWeights({ label: 'open_question', correctedLabel: 'reflection', confidence: 0.5, classLogProbs: logs([0.5, 0.3, 0.1, 0.1]) })).toEqual([0, 0, 1, 0]);
  });

  it('a confirmed label counts in full for the label shown', () => {
    expect(labelWeights({ label: 'closed_question', labelConfirmed: true, confidence: 0.4, classLogProbs: logs([0.35, 0.4, 0.15, 0.1]) })).toEqual([0, 1, 0, 0]);
    // a summary shows as a reflection (question-counts.ts): confirming it confirms the reflection
    expect(labelWeights({ label: 'other', labelConfirmed: true, confidence: 0.5, classLogProbs: logs([0.1, 0.1, 0.3, 0.5]), behaviours: ['summary'] })).toEqual([0, 0, 1, 0]);
    // a correction wins over a confirmation (a hand-edited file holding both)
    expect(labelWeights({ label: 'other', labelConfirmed: true, correctedLabel: 'open_question', confidence: 0.5 })).toEqual([1, 0, 0, 0]);
  });

  it('without stored probabilities the label counts in full', () => {
    expect(labelWeights({ label: 'closed_question', confidence: 0.55 })).toEqual([0, 1, 0, 0]);
  });

  it('with probabilities and no adaptation layer, the model probabilities', () => {
    const w = labelWeights({ label: 'reflection', confidence: 0.5, classLogProbs: logs([0.1, 0.2, 0.5, 0.2]) });
    [0.1, 0.2, 0.5, 0.2].forEach((p, i) => expect(w[i]).toBeCloseTo(p, 9));
  });

  it('a question relabelled by the layer keeps its question probability, split by the stored confidence', () => {
    // model: open 0.3, closed 0.4 (argmax closed); a layer that favours open makes it open with confidence 0.45
    const w = labelWeights({ label: 'open_question', confidence: 0.45, classLogProbs: logs([0.3, 0.4, 0.2, 0.1]) });
    expect(w[0]).toBeCloseTo(0.45, 9);
    expect(w[1]).toBeCloseTo(0.25, 9);
    expect(w[2]).toBeCloseTo(0.2, 9);
    expect(w[3]).toBeCloseTo(0.1, 9);
  });

  it('agrees with the adaptation layer it undoes (round trip through adaptResult)', () => {
    const probabilities = [0.3, 0.4, 0.2, 0.1];
    const r = adaptResult({ label: 'closed_question', confidence: 0.4, probabilities }, { version: 1, labels: ['open_question', 'closed_question', 'reflection', 'other'], openLogOdds: 1, corrections: 5 });
    // θ = 1: P(open | question) = σ(ln 0.3 − ln 0.4 + 1) = 0.6709…, of 0.7 → 0.4696
    expect(r.label).toBe('open_question');
    const w = labelWeights({ label: r.label, confidence: r.confidence, classLogProbs: r.classLogProbs });
    expect(w[0]).toBeCloseTo(0.47, 2);
    expect((w[0] as number) + (w[1] as number)).toBeCloseTo(0.7, 3);
  });
});

const u = (id: string, label: LabelledUtterance['label'], confidence: number, p: number[], extra: Partial<LabelledUtterance> = {}) =>
  utt(id, label, 0, { confidence, classLogProbs: logs(p), ...extra });

describe('estimateQuestions: expected counts', () => {
  it('a confirmation moves the figures to the label in full', () => {
    const visit = [u('a', 'open_question', 0.6, [0.6, 0.3, 0.1, 1e-9]), u('b', 'closed_question', 0.5, [0.2, 0.5, 0.2, 0.1])];
    // before: open 0.8, closed 0.8; after confirming b as closed: open 0.6, closed 0.3 + 1 = 1.3
    const after = estimateQuestions([visit[0]!, { ...visit[1]!, labelConfirmed: true }]);
    expect(estimateQuestions(visit).openShare).toBeCloseTo(0.5, 6);
    expect(after.open).toBeCloseTo(0.6, 6);
    expect(after.closed).toBeCloseTo(1.3, 6);
    expect(after.reflections).toBeCloseTo(0.1, 6);
    expect(after.openShare).toBeCloseTo(0.6 / 1.9, 6);
  });

  it('adds the probabilities: worked example', () => {
    const f = estimateQuestions([
      u('a', 'open_question', 0.6, [0.6, 0.3, 0.1, 1e-9]),
      u('b', 'closed_question', 0.5, [0.2, 0.5, 0.2, 0.1]),
      u('c', 'other', 0.7, [0.05, 0.05, 0.2, 0.7], { correctedLabel: 'reflection' }),
    ]);
    // open 0.6 + 0.2 = 0.8; closed 0.3 + 0.5 = 0.8; reflections 0.1 + 0.2 + 1 = 1.3
    expect(f.open).toBeCloseTo(0.8, 6);
    expect(f.closed).toBeCloseTo(0.8, 6);
    expect(f.reflections).toBeCloseTo(1.3, 6);
    expect(f.openShare).toBeCloseTo(0.5, 6);
    expect(f.reflectionToQuestion).toBeCloseTo(1.3 / 1.6, 6);
    expect(f.estimated).toBe(true);
  });

  it('no utterances: no questions, no ratios', () => {
    expect(estimateQuestions([])).toMatchObject({ open: 0, closed: 0, openShare: null, reflectionToQuestion: null });
  });
});

describe('visitQuestionFigures: what the summary, history, goals and export show', () => {
  it('a visit saved before probabilities were kept shows its label counts', () => {
    expect(visitQuestionFigures(fullVisit())).toEqual({ open: 3, closed: 1, reflections: 2, openShare: 0.75, reflectionToQuestion: 0.5, estimated: false });
  });

  it('a visit without questions counted has none', () => {
    expect(visitQuestionFigures({ utterances: [] })).toBeNull();
  });

  const estimated = fullVisit({
    utterances: [u('a', 'open_question', 0.6, [0.6, 0.3, 0.1, 1e-9]), u('b', 'closed_question', 0.5, [0.2, 0.5, 0.2, 0.1]), u('c', 'reflection', 0.9, [0.05, 0.05, 0.9, 1e-9])],
    // the label counts (what the panel showed): 1 open, 1 closed, 1 reflection
    questions: { open: 1, closed: 1, reflections: 1, simpleReflections: 0, complexReflections: 0, other: 0, openShare: 0.5, reflectionToQuestion: 0.5 },
  });
  // expected: open 0.6 + 0.2 + 0.05 = 0.85; closed 0.3 + 0.5 + 0.05 = 0.85; reflections 0.1 + 0.2 + 0.9 = 1.2

  it('the skills table and the history read the estimates', () => {
    const open = METRICS.find((m) => m.id === 'open-share')!;
    const rq = METRICS.find((m) => m.id === 'reflection-to-question')!;
    expect(open.value(estimated)).toBeCloseTo(0.5, 6);
    expect(rq.value(estimated)).toBeCloseTo(1.2 / 1.7, 6);
  });

  it('the skills table says "estimated" only for a visit whose figures are estimates', () => {
    const evidence = (visit: VisitSummary) => Object.fromEntries(visitMetricRows(visit, TARGETS, LONG_TURN_S).map((r) => [r.metric.id, r.evidence]));
    const now = evidence(estimated);
    expect(now['open-share']).toBe(`Share of your questions that were open. MITI 3.1.1: 50% or more is fair, 70% or more is good. ${ESTIMATE_NOTE}`);
    expect(now['reflection-to-question']).toMatch(/MITI 4\.2\.1.*Estimated: .*corrected or confirmed counts in full/);
    // A visit saved before probabilities were kept: its figures are the label counts, and it says so.
    const old = fullVisit();
    expect(visitQuestionFigures(old)!.estimated).toBe(false);
    const then = evidence(old);
    expect(then['open-share']).toMatch(/good\. Counted: this visit was saved before Attune kept how sure/);
    expect(then['open-share']).not.toMatch(/Estimated/);
    expect(then['reflection-to-question']).toMatch(/Counted: /);
    expect(figuresNote({ estimated: false })).toBe(COUNT_NOTE);
    // Other metrics show their evidence alone.
    expect(now['interruptions']).toBe(metricById('interruptions').evidence);
  });

  it('the observations give estimated counts that agree with the share beside them', () => {
    const texts = observeVisit(estimated, TARGETS, LONG_TURN_S).map((o) => o.text);
    expect(texts).toContain('50% of your questions were open (an estimated 0.8 of 1.7), at or above your 50% target.');
  });

  it('the CSV carries the shares the summary shows and the expected counts', () => {
    const row = exportCsv([estimated]).split('\r\n')[1]!.split(',');
    const cell = (name: string) => row[CSV_HEADER.indexOf(name)];
    expect(cell('open_questions')).toBe('1');
    expect(cell('open_question_share')).toBe('0.5');
    expect(cell('reflections_per_question')).toBe('0.706');
    expect(cell('open_questions_estimated')).toBe('0.85');
    expect(cell('reflections_estimated')).toBe('1.2');
    expect(exportCsv([fullVisit()]).split('\r\n')[1]!.split(',')[CSV_HEADER.indexOf('open_questions_estimated')]).toBe('');
    // A label confirmed in the review counts in full there too: b (closed 0.5 of its 0.7 question probability) → closed 1.
    const confirmed = { ...estimated, utterances: estimated.utterances!.map((x) => (x.id === 'b' ? { ...x, labelConfirmed: true as const } : x)) };
    const after = exportCsv([confirmed]).split('\r\n')[1]!.split(',');
    expect(after[CSV_HEADER.indexOf('closed_questions_estimated')]).toBe('1.35');
    expect(after[CSV_HEADER.indexOf('open_questions_estimated')]).toBe('0.65');
  });
});
