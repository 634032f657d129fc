import { describe, expect, it, vi } from 'vitest';
import axe from 'axe-core';
import { SummaryApp } from '../../../src/ui/summary/SummaryApp';
import { SKILLS_NOT_MEASURED } from '../../../src/ui/summary/VisitDetail';
import { DEFAULT_CONTEXT, type SummaryActions } from '../../../src/ui/summary/actions';
import type { VisitSummary } from '../../../src/core/session/schema';
import { correctBehaviours } from '../../../src/core/history/label-corrections';
import { click, fire, getByRole, getByText, mount, queryByRole } from './dom';
import { behaviourVisit, fullVisit } from '../../unit/history/fixtures';

function actions() {
  return { onCorrectLabel: vi.fn(), onConfirmLabel: vi.fn(), onCorrectBehaviours: vi.fn(), onSetGoal: vi.fn(), onExport: vi.fn(), onDeleteVisit: vi.fn(), onDeleteAll: vi.fn(), onImport: vi.fn(), onPrint: vi.fn() };
}

const show = (v: VisitSummary, a: Partial<ReturnType<typeof actions>> | null = actions(), context = DEFAULT_CONTEXT) =>
  mount(
    <SummaryApp visits={[v]} selectedId={v.id} onSelect={() => {}} loading={false} message={null} context={context} {...(a && { actions: a as unknown as SummaryActions })} />,
  );

const metricRows = (c: HTMLElement) =>
  Object.fromEntries(
    Array.from(c.querySelectorAll('.attune-metrics tbody tr')).map((r) => [
      r.querySelector('th')!.firstChild!.textContent,
      Array.from(r.querySelectorAll('td')).map((td) => td.textContent!.replace(/[✓○]\s/, '')),
    ]),
  );

describe('summary: listening skills', () => {
  it('lists the behaviour skills with value, target and result, citing their sources', () => {
    const c = show(behaviourVisit());
    const rows = metricRows(c);
    expect(rows['Asked for the patient’s whole agenda']).toEqual(['Yes (first at 0:10)', 'Once, in the first 3 min', 'Met']);
    expect(rows['Asked permission before advising']).toEqual(['50% (1 of 2)', 'Every time', 'Not yet']);
    expect(rows['Checked understanding (teach-back)']).toEqual(['0', 'At least once after giving information', 'Not yet']);
    expect(rows['Affirmations']).toEqual(['1', '—', 'No target']);
    expect(rows['Summaries']).toEqual(['1', '—', 'No target']);
    const table = c.querySelector('.attune-metrics')!.textContent!;
    expect(table).toMatch(/36% of visits \(Singh Ospina/);
    expect(table).toMatch(/AHRQ Health Literacy Universal Precautions Toolkit/);
    expect(table).toMatch(/complex reflection/);
  });

  it('a skill that did not apply is named with why, not scored', () => {
    const c = show(behaviourVisit({ u1: ['agenda'] }));
    expect(metricRows(c)['Asked permission before advising']).toBeUndefined();
    expect(getByText(c, /^Did not apply in this visit:/).textContent).toBe(
      'Did not apply in this visit: asked permission before advising (you gave no advice or information), checked understanding (teach-back) (you gave no advice or information).',
    );
  });

  it('a visit saved before the detector says “not measured”, never zero, and offers no skills column or review', () => {
    const c = show(fullVisit());
    expect(metricRows(c)['Affirmations']).toBeUndefined();
    expect(getByText(c, /^Not measured in this visit:/).textContent).toMatch(/asked for the patient’s whole agenda, .*affirmations, summaries\.$/);
    expect(getByText(c, SKILLS_NOT_MEASURED)).toBeTruthy();
    expect(getByRole(c, 'heading', 'Your questions and reflections')).toBeTruthy();
    expect(c.querySelector('.attune-utterances')!.textContent).not.toMatch(/Listening skills/);
    expect(queryByRole(c, 'region', 'Listening skills to check')).toBeNull();
    expect(c.querySelector('.attune-timeline__skills')).toBeNull();
  });

  it('marks the skills on the timeline, advice without asking apart, with a legend', () => {
    const c = show(behaviourVisit({ u1: ['summary', 'agenda'], u7: ['advice_without_permission'] }));
    const marks = Array.from(c.querySelectorAll('.attune-timeline__skills g'));
    expect(marks.map((g) => [g.getAttribute('class'), g.querySelector('title')!.textContent])).toEqual([
      ['attune-skill-mark', '0:10 Summaries, Agenda asked for'],
      ['attune-skill-mark attune-skill-mark--avoid', '4:10 Advice without asking'],
    ]);
    const legend = c.querySelector('.attune-timeline')!.textContent!;
    expect(legend).toContain('Listening skill');
    expect(legend).toContain('Advice without asking');
    expect(c.querySelector('.attune-timeline desc')!.textContent).toContain('1 moments of listening skills and 1 of advice without asking are marked.');
  });

  it('shows each utterance’s skills and corrects them through a checkbox; back to Attune’s own set clears it', () => {
    const a = actions();
    const c = show(behaviourVisit(), a);
    expect(getByRole(c, 'heading', 'Your questions, reflections and listening skills')).toBeTruthy();
    const list = c.querySelector('.attune-utterances')!;
    const row7 = Array.from(list.querySelectorAll('tbody tr'))[6]!;
    const picker = row7.querySelector('.attune-behaviours-picker')!;
    expect(picker.querySelector('summary')!.textContent).toBe('Advice without asking');
    const box = (label: string) => Array.from(picker.querySelectorAll('label')).find((l) => l.textContent!.trim() === label)!.querySelector('input')!;
    click(box('Advice without asking'));
    expect(a.onCorrectBehaviours).toHaveBeenLastCalledWith('v1', 'u7', []);
    click(box('Permission asked'));
    expect(a.onCorrectBehaviours).toHaveBeenLastCalledWith('v1', 'u7', ['permission', 'advice_without_permission']);
  });

  it('a corrected utterance says what Attune found, and the counts follow the correction', () => {
    const corrected = correctBehaviours(behaviourVisit(), 'u7', ['teach_back'])!;
    const c = show(corrected);
    const row7 = Array.from(c.querySelectorAll('.attune-utterances tbody tr'))[6]!;
    expect(row7.querySelector('.attune-utterances__skills')!.textContent).toContain('(corrected; Attune found: advice without asking)');
    expect(metricRows(c)['Checked understanding (teach-back)']![0]).toBe('1');
    // Only a permission-ask is left as advice: 1 of 1.
    expect(metricRows(c)['Asked permission before advising']![0]).toBe('100% (1 of 1)');
  });

  it('offers the detected skills for checking, with words from memory in privacy-local mode', async () => {
    const a = actions();
    const context = { ...DEFAULT_CONTEXT, reviewWords: { visitId: 'v1', words: [{ utteranceId: 'u3', text: 'That sounds really hard.' }] } };
    const c = show(behaviourVisit(), a, context);
    const review = getByRole(c, 'region', 'Listening skills to check');
    expect(review.querySelector('h4')!.textContent).toBe('Check 5 listening skills Attune found');
    const items = Array.from(review.querySelectorAll('li'));
    expect(items[1]!.textContent).toContain('“That sounds really hard.”'.replace(/[“”]/g, ''));
    expect(items[1]!.textContent).toContain('Attune found: affirmations.');
    const checkbox = items[1]!.querySelector('input[type=checkbox]:checked')!;
    fire(checkbox, new MouseEvent('click', { bubbles: true }));
    expect(a.onCorrectBehaviours).toHaveBeenLastCalledWith('v1', 'u3', []);
    // A corrected utterance leaves the queue.
    const after = show(correctBehaviours(behaviourVisit(), 'u3', [])!, a, context);
    expect(getByRole(after, 'region', 'Listening skills to check').querySelector('h4')!.textContent).toBe('Check 4 listening skills Attune found');
    const result = await axe.run(review, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((x) => x.id)).toEqual([]);
  }, 30_000); // axe-core is slow on a loaded machine

  it('read-only (no correction action): skills shown as text, no pickers, no review', () => {
    const c = show(behaviourVisit(), { onCorrectLabel: vi.fn() });
    expect(c.querySelector('.attune-behaviours-picker')).toBeNull();
    expect(queryByRole(c, 'region', 'Listening skills to check')).toBeNull();
    expect(Array.from(c.querySelectorAll('.attune-utterances__skills')).map((td) => td.textContent)).toEqual([
      'Agenda asked for',
      'None',
      'Affirmations',
      'None',
      'Summaries',
      'Permission asked',
      'Advice without asking',
    ]);
  });

  it('a visit too short to score shows no skills table', () => {
    const c = show(behaviourVisit(undefined, { durationS: 40 }));
    expect(c.querySelector('.attune-metrics')).toBeNull();
  });
});

describe('history: listening-skill trends', () => {
  it('trends each skill over the visits that measured it, yes/no as how often', () => {
    const visits = [
      fullVisit({ id: 'old', startedAt: 1_000 }),
      behaviourVisit({}, { id: 'a', startedAt: 2_000 }),
      behaviourVisit({ u1: ['agenda'] }, { id: 'b', startedAt: 3_000 }),
      behaviourVisit(undefined, { id: 'c', startedAt: 4_000 }),
    ];
    const c = mount(<SummaryApp visits={visits} view="history" selectedId={null} onSelect={() => {}} loading={false} message={null} context={DEFAULT_CONTEXT} />);
    const card = (title: string) => Array.from(c.querySelectorAll('.attune-trend')).find((t) => t.querySelector('h3')!.textContent === title)!;
    expect(card('Asked for the patient’s whole agenda').querySelector('.attune-trend__text')!.textContent).toBe(
      'Latest Yes vs your average of the previous 2 visits (50% of visits): better (higher is better) · target Once, in the first 3 min',
    );
    // Permission applies only in the one visit with advice: nothing to compare yet.
    expect(card('Asked permission before advising').querySelector('.attune-trend__text')!.textContent).toMatch(/^Latest 50% \(the first visit measured/);
    expect(Array.from(card('Affirmations').querySelectorAll('.attune-trend__values tbody td')).map((x) => x.textContent)).toEqual(['1', '0', '0']);
  });
});
