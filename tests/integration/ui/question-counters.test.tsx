import { describe, expect, it } from 'vitest';
import { LiveView } from '../../../src/ui/panel/LiveView';
import { QuestionCounters } from '../../../src/ui/panel/QuestionCounters';
import type { LiveQuestions } from '../../../src/core/session/schema';
import { countQuestions } from '../../../src/core/speech/question-counts';
import { getByRole, getByText, mount, queryByRole } from './dom';
import { liveTalk } from './fixtures';

function questions(labels: Array<'open_question' | 'closed_question' | 'reflection' | 'other'>, status: LiveQuestions['status'] = { engine: 'moonshine', state: 'ready', message: null }): LiveQuestions {
  const utterances = labels.map((label, i) => ({ id: `u${i}`, startS: i, endS: i + 1, label, confidence: 0.9 }));
  return { counts: countQuestions(utterances), recent: utterances.map((u) => ({ label: u.label, endS: u.endS })), status };
}

const countOf = (c: HTMLElement, name: string) => c.querySelector(`[data-count="${name}"]`)?.textContent;

describe('QuestionCounters (panel)', () => {
  it('shows the counts, the open share and reflections per question against MITI targets', () => {
    const c = mount(<QuestionCounters questions={questions(['open_question', 'open_question', 'open_question', 'closed_question', 'reflection', 'reflection'])} />);
    const section = getByRole(c, 'region', 'Your questions and reflections');
    expect(countOf(section, 'open')).toBe('3');
    expect(countOf(section, 'closed')).toBe('1');
    expect(countOf(section, 'reflections')).toBe('2');
    expect(getByText(c, /75%/).closest('li')?.textContent).toMatch(/75% open · competent.*70% \(competent\), MITI 3\.1\.1/);
    expect(getByText(c, /0\.5/).closest('li')?.textContent).toMatch(/0\.5 reflections per question · below target.*1 \(fair\), 2 \(good\), MITI 4\.2\.1/);
  });

  it('says nothing about levels before the first question', () => {
    const c = mount(<QuestionCounters questions={questions(['reflection'])} />);
    expect(c.textContent).toMatch(/— open/);
    expect(c.querySelector('.attune-questions__level')).toBeNull();
  });

  it('tells the clinician while the model loads, and when it failed', () => {
    const loading = mount(<QuestionCounters questions={questions([], { engine: 'moonshine', state: 'loading', message: null })} />);
    expect(getByRole(loading, 'status').textContent).toBe('Loading speech recognition…');
    const failed = mount(<QuestionCounters questions={questions([], { engine: 'moonshine', state: 'error', message: 'The speech worker stopped' })} />);
    expect(getByRole(failed, 'status').textContent).toMatch(/stopped: The speech worker stopped/);
  });

  it('is part of the live panel only when speech-to-text runs', () => {
    const withQ = mount(<LiveView live={liveTalk({ questions: questions(['open_question']) })} remoteSource="tab-capture" ending={false} onEnd={() => undefined} />);
    expect(getByRole(withQ, 'region', 'Your questions and reflections')).toBeTruthy();
    const without = mount(<LiveView live={liveTalk()} remoteSource="tab-capture" ending={false} onEnd={() => undefined} />);
    expect(queryByRole(without, 'region', 'Your questions and reflections')).toBeNull();
  });
});
