import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { Panel } from '../../../src/ui/panel/Panel';
import { SummaryApp } from '../../../src/ui/summary/SummaryApp';
import { importNotice, deletedNotice, skippedNotice } from '../../../src/ui/summary/notices';
import { mount } from './dom';
import { liveTalk, panelActions, panelModel, visit } from './fixtures';

/** Issue 19.9: the small things that read like errors or contradictions. */
const DAY_MS = 86_400_000;
const panel = (over: Parameters<typeof panelModel>[0]) =>
  mount(<Panel model={panelModel(over)} actions={panelActions()} minimized={false} onMinimizedChange={vi.fn()} position={null} onPositionChange={vi.fn()} />);

describe('polish (issue 19.9)', () => {
  it('an unknown call state invites, not alarms: "Start when your call begins"', () => {
    const text = panel({ callState: 'unknown' }).textContent ?? '';
    expect(text).toMatch(/Start when your call begins/);
    expect(text).not.toMatch(/unknown/i);
  });

  it('R:Q and MITI are explained in plain words on the panel, not only on hover', () => {
    const questions = {
      counts: { open: 2, closed: 2, reflections: 1, simpleReflections: 1, complexReflections: 0, other: 0, openShare: 0.5, reflectionToQuestion: 0.25 },
      recent: [],
      status: { engine: 'moonshine' as const, state: 'ready' as const, message: null },
    };
    const text = panel({ coaching: 'active', live: liveTalk({ questions }) }).textContent ?? '';
    expect(text).toMatch(/Reflections per question/);
    expect(text).toMatch(/MITI[^.]*(standard|scoring)[^.]*counselling/i);
  });

  it('the thin bar under the balance has a legend', () => {
    const c = panel({ coaching: 'active', live: liveTalk() });
    expect(c.querySelector('.attune-balance__foot')?.textContent).toMatch(/thin bar/i);
  });

  it('counts read in proper English, never "visit(s)"', () => {
    expect(deletedNotice(1)).toBe('1 visit deleted.');
    expect(deletedNotice(3)).toBe('3 visits deleted.');
    expect(skippedNotice(['bad'])).toMatch(/^1 saved visit could not be read/);
    const reply = { added: 1, replaced: 0, skipped: [], skippedTotal: 0 };
    expect(importNotice(reply, [], 90, Date.now())).toBe('Imported 1 new visit, replaced none.');
  });

  it('a large import of visits older than the retention period says they will be removed', () => {
    const now = Date.UTC(2026, 0, 1);
    const old = Array.from({ length: 3000 }, (_, i) => visit({ id: `o${i}`, startedAt: now - 200 * DAY_MS }));
    const text = importNotice({ added: 3000, replaced: 0, skipped: [], skippedTotal: 0 }, [...old, visit({ id: 'new', startedAt: now - DAY_MS })], 90, now);
    expect(text).toMatch(/^Imported 3000 new visits, replaced none\./);
    expect(text).toMatch(/3000 visits started more than 90 days ago.*will be deleted/);
    expect(importNotice({ added: 3000, replaced: 0, skipped: [], skippedTotal: 0 }, old, 0, now)).not.toMatch(/deleted/);
  });

  it('an empty history says "No visits yet"; filters that match nothing say so', () => {
    const empty = mount(<SummaryApp visits={[]} view="history" selectedId={null} onSelect={() => {}} loading={false} message={null} />);
    expect(empty.textContent).toMatch(/No visits yet/);
    expect(empty.textContent).not.toMatch(/match these filters/);
  });

  it('the History view has a main landmark and no axe violations for landmarks', async () => {
    const c = mount(<SummaryApp visits={[visit()]} view="history" selectedId={null} onSelect={() => {}} loading={false} message={null} />);
    expect(c.querySelector('main')).not.toBeNull();
    const result = await axe.run(c, { runOnly: ['region', 'landmark-one-main'] });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  }, 20_000);
});
