import { describe, expect, it, vi } from 'vitest';
import axe from 'axe-core';
import { Panel, type PanelModel } from '../../../src/ui/panel/Panel';
import { DEFAULT_PANEL_PREFS } from '../../../src/ui/panel/model';
import type { BehaviourCounts, LiveQuestions } from '../../../src/core/session/schema';
import { getByRole, mount } from './dom';
import { liveMetrics, liveTalk, panelActions, panelModel } from './fixtures';

const ZERO: BehaviourCounts = { summary: 0, affirmation: 0, agenda: 0, permission: 0, teach_back: 0, advice_without_permission: 0 };

const questions = (behaviours: BehaviourCounts | undefined, state: LiveQuestions['status']['state'] = 'ready'): LiveQuestions => ({
  counts: { open: 3, closed: 5, reflections: 2, simpleReflections: 1, complexReflections: 1, other: 4, openShare: 3 / 8, reflectionToQuestion: 2 / 8, ...(behaviours && { behaviours }) },
  recent: [],
  status: { engine: 'moonshine', state, message: null },
});

function renderPanel(q: LiveQuestions, over: Partial<PanelModel> = {}) {
  const model = panelModel({ coaching: 'active', live: liveTalk({ metrics: liveMetrics(), questions: q }), ...over });
  return mount(<Panel model={model} actions={panelActions()} minimized={false} onMinimizedChange={vi.fn()} position={null} onPositionChange={vi.fn()} />);
}

describe('Panel: listening skills line', () => {
  it('shows the skills seen so far with counts, names and explanations; advice without asking set apart', async () => {
    const c = renderPanel(questions({ ...ZERO, summary: 1, affirmation: 2, agenda: 1, advice_without_permission: 1 }));
    const line = getByRole(c, 'region', 'Listening skills so far');
    const items = Array.from(line.querySelectorAll('li'));
    expect(items.map((li) => li.querySelector('[aria-hidden="true"]')!.textContent)).toEqual(['Summary 1', 'Affirm 2', 'Agenda 1', 'Avoid: Unasked advice 1']);
    expect(items[1]!.getAttribute('title')).toMatch(/^You recognised the patient’s feelings or efforts/);
    expect(items[1]!.querySelector('.attune-sr-only')!.textContent).toMatch(/^Affirmations: 2\. You recognised/);
    const avoid = items[3]!;
    expect(avoid.classList.contains('attune-skill--avoid')).toBe(true);
    expect(avoid.querySelector('.attune-sr-only')!.textContent).toMatch(/^To avoid: Advice without asking: 1\./);
    expect(items.slice(0, 3).every((li) => !li.classList.contains('attune-skill--avoid'))).toBe(true);
    const result = await axe.run(c, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((x) => x.id)).toEqual([]);
  }, 30_000); // axe-core is slow on a loaded machine

  it('says “none yet” before any skill, instead of a row of zeros', () => {
    const c = renderPanel(questions(ZERO));
    expect(getByRole(c, 'region', 'Listening skills so far').textContent).toBe('Skillsnone yet');
    expect(c.querySelectorAll('.attune-skill')).toHaveLength(0);
  });

  it('is absent without the detector, while speech recognition loads or fails, and in quiet mode', () => {
    expect(renderPanel(questions(undefined)).querySelector('.attune-skills')).toBeNull();
    expect(renderPanel(questions({ ...ZERO, summary: 1 }, 'loading')).querySelector('.attune-skills')).toBeNull();
    expect(renderPanel(questions({ ...ZERO, summary: 1 }, 'error')).querySelector('.attune-skills')).toBeNull();
    expect(renderPanel(questions({ ...ZERO, summary: 1 }), { prefs: { ...DEFAULT_PANEL_PREFS, quiet: true } }).querySelector('.attune-skills')).toBeNull();
  });
});
