import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { SummaryApp } from '../../../src/ui/summary/SummaryApp';
import { TalkTimeline } from '../../../src/ui/summary/TalkTimeline';
import { Sparkline } from '../../../src/ui/summary/Sparkline';
import { sparklineGeometry, SPARK_H, SPARK_W } from '../../../src/ui/summary/sparkline';
import { formatMetricValue, formatTarget } from '../../../src/ui/summary/metric-format';
import { dateInputMs } from '../../../src/ui/summary/HistoryView';
import { BEHAVIOUR_ACCURACY_NOTE, LABEL_ACCURACY_NOTE, SHARES_COUNTED_NOTE, SHARES_ESTIMATED_NOTE } from '../../../src/ui/summary/UtteranceList';
import { DEFAULT_CONTEXT, type SummaryActions } from '../../../src/ui/summary/actions';
import { metricById } from '../../../src/core/history/metrics';
import type { VisitSummary } from '../../../src/core/session/schema';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { click, fire, getByRole, getByText, mount, queryAllByRole, queryAllByText, queryByRole } from './dom';
import { behaviourVisit, fullVisit, metrics } from '../../unit/history/fixtures';

function actions(): { [K in keyof SummaryActions]: ReturnType<typeof vi.fn> } {
  return { onCorrectLabel: vi.fn(), onConfirmLabel: vi.fn(), onSetGoal: vi.fn(), onExport: vi.fn(), onDeleteVisit: vi.fn(), onDeleteAll: vi.fn(), onImport: vi.fn(), onPrint: vi.fn() };
}

const showVisit = (v: VisitSummary, a = actions()) =>
  mount(<SummaryApp visits={[v]} selectedId={v.id} onSelect={() => {}} loading={false} message={null} context={DEFAULT_CONTEXT} actions={a as unknown as SummaryActions} />);

const rowsOf = (table: Element) => Array.from(table.querySelectorAll('tbody tr')).map((r) => Array.from(r.children).map((x) => x.firstChild?.textContent?.trim() ?? ''));

describe('visit page: skills, observations, questions, goal', () => {
  it('shows each measured metric with its value, target and result, and cites the evidence', () => {
    const c = showVisit(fullVisit());
    const table = c.querySelector('.attune-metrics')!;
    const rows = Array.from(table.querySelectorAll('tbody tr')).map((r) => [
      r.querySelector('th')!.firstChild!.textContent,
      ...Array.from(r.querySelectorAll('td')).map((td) => td.textContent!.replace(/[✓○]\s/, '')),
    ]);
    expect(rows).toEqual([
      ['Patient’s opening statement', '40 s', 'Not interrupted', 'Met'],
      ['Your share of talk time', '44%', '≤ 60%', 'Met'],
      ['Open questions', '75%', '≥ 50%', 'Met'],
      ['Reflections per question', '0.5', '≥ 1.0', 'Not yet'],
      ['Times you interrupted', '2', '0', 'Not yet'],
      ['Your longest turn', '45 s', '≤ 1 min 00 s', 'Met'],
      ['Looking at the patient while they speak', '80%', '—', 'No target'],
    ]);
    expect(table.textContent).toMatch(/Singh Ospina.*Marvel.*Langewitz/);
    expect(table.textContent).toMatch(/MITI 3\.1\.1/);
    expect(table.textContent).toMatch(/MITI 4\.2\.1/);
    // fullVisit() was saved without the classifier's probabilities: its figures are counts, and say so.
    expect(table.textContent).toMatch(/Counted: this visit was saved before/);
    expect(table.textContent).not.toMatch(/Estimated/);
  });

  it('names what the visit did not measure instead of showing empty rows', () => {
    const c = showVisit(fullVisit({ questions: undefined, utterances: undefined, gaze: undefined }));
    expect(c.querySelectorAll('.attune-metrics tbody tr')).toHaveLength(4);
    expect(getByText(c, /^Not measured in this visit:/).textContent).toBe(
      'Not measured in this visit: open questions, reflections per question, looking at the patient while they speak, asked for the patient’s whole agenda, asked permission before advising, checked understanding (teach-back), affirmations, summaries.',
    );
  });

  it('writes a strength and a thing to try', () => {
    const c = showVisit(fullVisit());
    const items = Array.from(c.querySelectorAll('.attune-observation')).map((li) => li.textContent);
    expect(items[0]).toBe('Went well: You let the patient finish their opening statement (40 s) without taking the floor early.');
    expect(items[1]).toMatch(/^Try next time: You reflected 0\.5 times per question\./);
  });

  it('draws questions and reflections as markers, the gaze band and the nudges on the timeline', () => {
    const v = fullVisit({
      gaze: { ...fullVisit().gaze!, intervals: [{ startS: 0, endS: 300, state: 'on-screen' }, { startS: 300, endS: 330, state: 'away' }, { startS: 330, endS: 600, state: 'on-screen' }] },
      nudges: [{ id: 'reflect', atS: 140 }, { id: 'monologue', atS: 400 }],
    });
    const c = mount(<TalkTimeline durationS={v.durationS} segments={v.segments} utterances={v.utterances} gaze={v.gaze} nudges={v.nudges} />);
    // 6 of 7 utterances are questions or reflections ("other" is left out).
    expect(c.querySelectorAll('.attune-mark')).toHaveLength(6);
    expect(c.querySelectorAll('.attune-mark--open_question circle')).toHaveLength(3);
    expect(c.querySelectorAll('.attune-mark--closed_question rect')).toHaveLength(1);
    expect(c.querySelectorAll('.attune-mark--reflection path')).toHaveLength(2);
    expect(c.querySelector('.attune-mark--closed_question title')!.textContent).toBe('0:50 Closed question');
    // Markers sit at their time: the open question at 130 s of 600 s.
    const track = c.querySelector('.attune-timeline__track')!;
    const plotX = Number(track.getAttribute('x'));
    const plotW = Number(track.getAttribute('width'));
    const circles = c.querySelectorAll('.attune-mark--open_question circle');
    expect(Number(circles[1]!.getAttribute('cx'))).toBeCloseTo(plotX + (plotW * 130) / 600, 5);
    const gaze = c.querySelectorAll('.attune-gaze');
    expect(Array.from(gaze).map((g) => g.getAttribute('class'))).toEqual(['attune-gaze attune-gaze--on-screen', 'attune-gaze attune-gaze--away', 'attune-gaze attune-gaze--on-screen']);
    expect(Number(gaze[1]!.getAttribute('width'))).toBeCloseTo((plotW * 30) / 600, 5);
    expect(Array.from(c.querySelectorAll('.attune-nudge-mark title')).map((t) => t.textContent)).toEqual([
      '2:20 nudge: reflect back what you heard',
      '6:40 nudge: long turn: check in with the patient',
    ]);
    expect(getByRole(c, 'img').textContent).toMatch(/6 questions and reflections are marked\. A band shows where you were looking\. 2 nudges were shown\./);
  });

  it('a visit with a corrected label lists it, and a new correction reaches the page’s action', () => {
    const a = actions();
    const v = fullVisit({ utterances: fullVisit().utterances!.map((u) => (u.id === 'u7' ? { ...u, correctedLabel: 'reflection' as const } : u)) });
    const c = showVisit(v, a);
    const selects = c.querySelectorAll('.attune-utterances select');
    expect(selects).toHaveLength(7);
    expect((selects[6] as HTMLSelectElement).value).toBe('reflection');
    expect(c.querySelector('.attune-utterances__corrected')!.textContent).toContain('(corrected; Attune said other)');
    const second = selects[1] as HTMLSelectElement;
    expect(second.getAttribute('aria-label')).toBe('Label of what you said at 0:50');
    second.value = 'open_question';
    fire(second, new Event('change', { bubbles: true }));
    expect(a.onCorrectLabel).toHaveBeenCalledWith('v1', 'u2', 'open_question');
    // Choosing the classifier's own label again removes the correction.
    (selects[6] as HTMLSelectElement).value = 'other';
    fire(selects[6]!, new Event('change', { bubbles: true }));
    expect(a.onCorrectLabel).toHaveBeenLastCalledWith('v1', 'u7', null);
    // The clinician is told the labels are estimates, and that correcting them is expected.
    // A visit saved without the classifier's probabilities: its shares are counts, and the note says so.
    expect(c.querySelector('.attune-utterances__accuracy')!.textContent).toBe(`${LABEL_ACCURACY_NOTE}${SHARES_COUNTED_NOTE} Correct any label that is wrong; the counts follow.`);
    // With them (visits saved since), the shares are estimates: the note and the skills table both say so.
    const withProbs = fullVisit({ utterances: fullVisit().utterances!.map((u) => ({ ...u, classLogProbs: [-1.386, -1.386, -1.386, -1.386] })) });
    const e = showVisit(withProbs);
    expect(e.querySelector('.attune-utterances__accuracy')!.textContent).toContain(SHARES_ESTIMATED_NOTE.trim());
    expect(e.querySelector('.attune-metrics')!.textContent).toMatch(/Estimated: each thing you said/);
  });

  it('says how far the listening skills can be trusted, only on a visit that measured them', () => {
    expect(showVisit(behaviourVisit()).querySelector('.attune-utterances__skills-accuracy')!.textContent).toBe(BEHAVIOUR_ACCURACY_NOTE);
    expect(showVisit(fullVisit()).querySelector('.attune-utterances__skills-accuracy')).toBeNull();
  });

  it('shows the words only when they were kept; in privacy-local mode says why there are none', () => {
    const c = showVisit(fullVisit());
    expect(getByText(c, 'Privacy-local mode: only labels and times were kept, never the words.')).toBeTruthy();
    expect(queryAllByText(c, 'What you said')).toHaveLength(0);
    const withText = fullVisit({ privacyLocal: false, utterances: fullVisit().utterances!.map((u) => ({ ...u, text: `said ${u.id}` })) });
    const d = showVisit(withText);
    expect(getByText(d, 'What you said')).toBeTruthy();
    expect(Array.from(d.querySelectorAll('.attune-utterances tbody tr td:last-child')).map((t) => t.textContent)[0]).toBe('said u1');
  });

  it('suggests goals, missed skills first, and sets the picked one for the next visit', () => {
    const a = actions();
    const c = showVisit(fullVisit(), a);
    const goal = getByRole(c, 'region', 'Goal for your next visit');
    const radios = Array.from(goal.querySelectorAll<HTMLInputElement>('input[type=radio]'));
    expect(radios[0]!.checked).toBe(true);
    expect(radios[0]!.parentElement!.textContent).toBe('Reflect back at least once for every question I ask.');
    click(radios[1]!);
    click(getByRole(goal, 'button', 'Set as my goal for the next visit'));
    expect(a.onSetGoal).toHaveBeenCalledWith({ id: 'no-interruptions', text: 'Wait until the patient has finished before I speak.', setAt: expect.any(Number), fromVisitId: 'v1' });
    expect(c.querySelector('.attune-visit__facts')!.textContent).toContain('Your goal for this visitMake at least 50% of my questions open.');
  });

  it('exports, prints and deletes (after confirming) one visit', () => {
    const a = actions();
    const v = fullVisit();
    const c = showVisit(v, a);
    const bar = getByRole(c, 'group', 'This visit');
    click(getByRole(bar, 'button', 'Export JSON'));
    click(getByRole(bar, 'button', 'Export CSV'));
    click(getByRole(bar, 'button', 'Print or save as PDF'));
    expect(a.onExport.mock.calls).toEqual([
      [[v], 'json'],
      [[v], 'csv'],
    ]);
    expect(a.onPrint).toHaveBeenCalledOnce();
    click(getByRole(bar, 'button', 'Delete this visit'));
    expect(a.onDeleteVisit).not.toHaveBeenCalled();
    click(getByRole(bar, 'button', 'Yes, delete this visit'));
    expect(a.onDeleteVisit).toHaveBeenCalledWith('v1');
  });
});

const day = (d: number) => new Date(2025, 0, d, 10).getTime();
const history = [
  fullVisit({ id: 'a', site: 'meet', startedAt: day(2), clinicianShare: 0.72, questions: { ...fullVisit().questions!, openShare: 0.3 } }),
  fullVisit({ id: 'b', site: 'zoom', startedAt: day(6), clinicianShare: 0.66 }),
  fullVisit({ id: 'c', site: 'meet', startedAt: day(12), clinicianShare: 0.52, partial: true, metrics: metrics({ interruptions: { clinician: 0, patient: 0 } }) }),
  fullVisit({ id: 'd', site: 'meet', startedAt: day(20), clinicianShare: 0.45 }),
];

describe('history page', () => {
  const showHistory = (a = actions(), goals = DEFAULT_CONTEXT.goals) =>
    mount(
      <SummaryApp
        visits={history}
        view="history"
        selectedId={null}
        onSelect={() => {}}
        onShowHistory={() => {}}
        loading={false}
        message={null}
        context={{ ...DEFAULT_CONTEXT, goals }}
        actions={a as unknown as SummaryActions}
      />,
    );

  it('shows a sparkline per measured metric with its trend in words', () => {
    const c = showHistory();
    const cards = Array.from(c.querySelectorAll('.attune-trend'));
    expect(cards.map((t) => t.querySelector('h3')!.textContent)).toEqual([
      'Patient’s opening statement',
      'Your share of talk time',
      'Open questions',
      'Reflections per question',
      'Times you interrupted',
      'Your longest turn',
      'Looking at the patient while they speak',
      'Asked for the patient’s whole agenda',
      'Asked permission before advising',
      'Checked understanding (teach-back)',
      'Affirmations',
      'Summaries',
    ]);
    const share = cards[1]!;
    expect(share.querySelector('.attune-trend__text')!.textContent).toBe('Latest 45% vs your average of the previous 3 visits (63%): better (lower is better) · target ≤ 60%');
    // The values are readable: the axis shows the range, and a table lists each visit's value, newest first.
    expect(Array.from(share.querySelectorAll('.attune-spark__axis span')).map((x) => x.textContent)).toEqual(['100%', '0%']);
    expect(Array.from(share.querySelectorAll('.attune-trend__values tbody td')).map((x) => x.textContent)).toEqual(['45%', '52%', '66%', '72%']);
    expect(getByRole(share, 'img').getAttribute('aria-label')).toBe('Your share of talk time across visits, oldest to newest: 72%, 66%, 52%, 45%');
    expect(share.querySelector('.attune-spark__target')).toBeTruthy();
    expect(cards[4]!.querySelector('.attune-spark__target')).toBeNull(); // "none" is no line
  });

  it('filters by site and by dates, and the trends follow', () => {
    const c = showHistory();
    const site = c.querySelector<HTMLSelectElement>('.attune-history__filters select')!;
    site.value = 'meet';
    fire(site, new Event('change', { bubbles: true }));
    expect(c.querySelector('.attune-history__count')!.textContent).toBe('3 of 4 visits shown');
    expect(rowsOf(c.querySelector('.attune-history__table')!).map((r) => r[1])).toEqual(['Google Meet', 'Google Meet', 'Google Meet']);
    const [from, to] = Array.from(c.querySelectorAll<HTMLInputElement>('input[type=date]'));
    from!.value = '2025-01-06';
    fire(from!, new Event('input', { bubbles: true }));
    to!.value = '2025-01-12';
    fire(to!, new Event('input', { bubbles: true }));
    expect(c.querySelector('.attune-history__count')!.textContent).toBe('1 of 4 visits shown');
    expect(c.querySelectorAll('.attune-trend')[1]!.querySelector('.attune-trend__text')!.textContent).toBe('Latest 52% (the first visit measured, nothing to compare yet) · target ≤ 60%');
    expect(dateInputMs('2025-01-06')).toBe(new Date(2025, 0, 6).getTime());
    expect(dateInputMs('')).toBeNull();
  });

  it('shows progress on goals against the visits that carried them', () => {
    const goal = fullVisit().goal!;
    const c = showHistory(actions(), { current: goal, history: [goal] });
    const section = getByRole(c, 'region', 'Your goals');
    // Open-question share met in b, c, d (75%) and missed in a (30%).
    expect(section.querySelector('li strong')!.textContent).toBe('Make at least 50% of my questions open.');
    expect(section.querySelector('.attune-badge')!.textContent).toBe('current');
    expect(section.textContent).toContain('met in 3 of 4 measured visits (4 with this goal)');
  });

  it('exports what is shown, imports a chosen file, deletes all after confirming', async () => {
    const a = actions();
    const c = showHistory(a);
    const data = getByRole(c, 'region', 'Your data');
    expect(data.textContent).toContain('deleted automatically 90 days after');
    click(getByRole(data, 'button', 'Export all as JSON'));
    click(getByRole(data, 'button', 'Export all as CSV'));
    expect(a.onExport.mock.calls.map(([list, f]) => [(list as VisitSummary[]).map((v) => v.id), f])).toEqual([
      [['d', 'c', 'b', 'a'], 'json'],
      [['d', 'c', 'b', 'a'], 'csv'],
    ]);
    const input = data.querySelector<HTMLInputElement>('input[type=file]')!;
    const file = new File(['{"format":"attune-visits"}'], 'visits.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    fire(input, new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(a.onImport).toHaveBeenCalledWith('{"format":"attune-visits"}'));
    click(getByRole(data, 'button', 'Delete all visits'));
    click(getByRole(data, 'button', 'Yes, delete all 4 visits'));
    expect(a.onDeleteAll).toHaveBeenCalledOnce();
  });

  it('opens a visit from the table, and marks partial visits', () => {
    const onSelect = vi.fn();
    const c = mount(<SummaryApp visits={history} view="history" selectedId={null} onSelect={onSelect} loading={false} message={null} />);
    const rows = rowsOf(c.querySelector('.attune-history__table')!);
    expect(rows.map((r) => r[6])).toEqual(['', 'Yes', '', '']);
    click(queryAllByRole(c.querySelector('.attune-history__table')!, 'button')[1]!);
    expect(onSelect).toHaveBeenCalledWith('c');
    expect(queryByRole(c, 'region', 'Your data')).toBeNull(); // read-only without actions
  });

  it('a storage problem and unreadable records are shown, and the rest of the history still renders', () => {
    const c = mount(
      <SummaryApp visits={history} view="history" selectedId={null} onSelect={() => {}} loading={false} message="Your computer is out of space." notice="1 saved visit could not be read and is not shown (durationS: Invalid type)." />,
    );
    expect(getByRole(c, 'alert').textContent).toBe('Your computer is out of space.');
    expect(getByText(c, /could not be read/)).toBeTruthy();
    expect(c.querySelectorAll('.attune-history__table tbody tr')).toHaveLength(4);
  });
});

describe('sparkline', () => {
  it('spaces points evenly, puts larger values higher and the dot on the latest', () => {
    const g = sparklineGeometry([0, 0.5, 1], null, [0, 1]);
    expect(g.path).toBe(`M4 ${SPARK_H - 4} L${SPARK_W / 2} ${SPARK_H / 2} L${SPARK_W - 4} 4`);
    expect(g.last).toEqual([SPARK_W - 4, 4]);
    expect(g.targetY).toBeNull();
  });

  it('fits the range to the values and the target, and handles one point and a flat series', () => {
    const g = sparklineGeometry([10, 20], 30);
    expect(g.targetY).toBe(4); // the target is the highest value
    expect(g.last![1]).toBeCloseTo(4 + (SPARK_H - 8) / 2, 5);
    expect(sparklineGeometry([5], null)).toEqual({ path: `M${SPARK_W / 2} ${SPARK_H / 2}`, last: [SPARK_W / 2, SPARK_H / 2], points: [[SPARK_W / 2, SPARK_H / 2]], targetY: null });
    expect(sparklineGeometry([], null)).toEqual({ path: '', last: null, points: [], targetY: null });
  });

  it('renders as a labelled image', () => {
    const pts = [0.2, 0.4].map((value, i) => ({ visitId: String(i), startedAt: i, value }));
    const c = mount(<Sparkline points={pts} target={0.5} range={[0, 1]} label="Open questions: 20%, 40%" />);
    expect(getByRole(c, 'img', 'Open questions: 20%, 40%')).toBeTruthy();
    expect(c.querySelector('path')!.getAttribute('d')).toBe(sparklineGeometry([0.2, 0.4], 0.5, [0, 1]).path);
    expect(c.querySelector('.attune-spark__target')!.getAttribute('y1')).toBe(String(SPARK_H / 2));
  });

  it('formats values and targets by unit', () => {
    expect(formatMetricValue('share', 0.444)).toBe('44%');
    expect(formatMetricValue('seconds', 92)).toBe('1 min 32 s');
    expect(formatMetricValue('ratio', 1.25)).toBe('1.3');
    expect(formatMetricValue('count', 3)).toBe('3');
    expect(formatMetricValue('count', null)).toBe('—');
    expect(formatMetricValue('yes-no', 1)).toBe('Yes');
    expect(formatMetricValue('yes-no', 0)).toBe('No');
    expect(formatMetricValue('yes-no', 0.25)).toBe('25% of visits');
    const targets = { ...DEFAULT_SETTINGS.targets, agendaWithinS: 120 };
    expect(formatTarget(metricById('open-share'), { kind: 'at-least', value: 0.7 }, targets)).toBe('≥ 70%');
    expect(formatTarget(metricById('opening'), null, targets)).toBe('Not interrupted');
    expect(formatTarget(metricById('agenda'), { kind: 'at-least', value: 1 }, targets)).toBe('Once, in the first 2 min');
    expect(formatTarget(metricById('permission'), { kind: 'at-least', value: 1 }, targets)).toBe('Every time');
    expect(formatTarget(metricById('summaries'), null, targets)).toBe('—');
  });
});

describe('print stylesheet', () => {
  it('hides the controls on paper and keeps chart colours', () => {
    const css = readFileSync('src/ui/summary/summary.css', 'utf8');
    const print = css.slice(css.indexOf('@media print'));
    for (const selector of ['.attune-summary__list', '.attune-actions', '.attune-tabs', '.attune-history__filters', '.attune-history__data', '.attune-utterances select', '.attune-visit__goal', '.attune-print-only']) {
      expect(print).toContain(selector);
    }
    expect(print).toMatch(/print-color-adjust: exact/);
    // Same specificity as the screen rules, so the print block must come after them to win.
    expect(css.indexOf('@media print')).toBeGreaterThan(css.lastIndexOf('\n.attune-actions {'));
  });
});

describe('action results beside their controls', () => {
  const history = (result: NonNullable<typeof DEFAULT_CONTEXT.result>) =>
    mount(
      <SummaryApp
        visits={[fullVisit()]}
        view="history"
        selectedId={null}
        onSelect={() => {}}
        loading={false}
        message={null}
        context={{ ...DEFAULT_CONTEXT, result }}
        actions={actions() as unknown as SummaryActions}
      />,
    );

  it('shows an import failure in the "Your data" section, as a status, not at the top of the page', () => {
    const c = history({ area: 'data', text: 'That file is not an Attune export.', error: true });
    const status = c.querySelector('[data-area="data"]')!;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toBe('That file is not an Attune export.');
    expect(status.closest('section')!.getAttribute('aria-label')).toBe('Your data');
    expect(status.classList.contains('attune-action-status--error')).toBe(true);
    expect(c.querySelector('[role="alert"]')).toBeNull();
  });

  it('keeps the goal section quiet when the result came from elsewhere', () => {
    const c = mount(
      <SummaryApp
        visits={[fullVisit()]}
        selectedId={null}
        onSelect={() => {}}
        loading={false}
        message={null}
        context={{ ...DEFAULT_CONTEXT, result: { area: 'visit', text: 'Saved attune-visit.json (1 visit) to your downloads.', error: false } }}
        actions={actions() as unknown as SummaryActions}
      />,
    );
    expect(c.querySelector('[data-area="goal"]')!.textContent).toBe('');
    expect(c.querySelector('[data-area="visit"]')!.textContent).toMatch(/Saved attune-visit\.json/);
    // The visit's status sits right after its action buttons.
    expect(c.querySelector('.attune-visit__actions')!.nextElementSibling).toBe(c.querySelector('[data-area="visit"]'));
  });
});
