import { describe, expect, it, vi } from 'vitest';
import { SummaryApp } from '../../../src/ui/summary/SummaryApp';
import { TalkTimeline } from '../../../src/ui/summary/TalkTimeline';
import { formatDate } from '../../../src/ui/format';
import { click, getByRole, getByText, mount, queryAllByRole, queryAllByText, queryByRole } from './dom';
import { visit } from './fixtures';

const older = visit({ id: 'old', site: 'zoom', startedAt: new Date(2025, 2, 10, 14, 0).getTime(), durationS: 125, clinicianShare: 0.5 });
const newer = visit({ id: 'new', site: 'meet', startedAt: new Date(2025, 2, 14, 9, 5).getTime() });

function facts(container: HTMLElement): Record<string, string> {
  return Object.fromEntries(
    Array.from(container.querySelectorAll('.attune-visit__facts > div')).map((d) => [
      d.querySelector('dt')!.textContent,
      d.querySelector('dd')!.textContent!.replace(/\s+/g, ' ').trim(),
    ]),
  );
}

describe('SummaryApp: list', () => {
  it('lists visits newest first with date, platform, duration and share', () => {
    const c = mount(<SummaryApp visits={[older, newer]} selectedId={null} onSelect={() => {}} loading={false} message={null} />);
    const nav = getByRole(c, 'navigation', 'Visits');
    const items = queryAllByRole(nav, 'button');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain(formatDate(newer.startedAt));
    expect(items[0]!.textContent).toContain('Google Meet');
    expect(items[0]!.textContent).toContain('10 min 00 s · You 70%');
    expect(items[1]!.textContent).toContain('Zoom');
    expect(items[1]!.textContent).toContain('2 min 05 s · You 50%');
  });

  it('shows the newest visit when none is selected, and marks it current', () => {
    const c = mount(<SummaryApp visits={[older, newer]} selectedId={null} onSelect={() => {}} loading={false} message={null} />);
    expect(getByRole(c, 'heading', `Visit on ${formatDate(newer.startedAt)}`)).toBeTruthy();
    const current = c.querySelectorAll('[aria-current="true"]');
    expect(current).toHaveLength(1);
    expect(current[0]!.textContent).toContain('Google Meet');
  });

  it('selects a visit through onSelect and shows the selected one', () => {
    const onSelect = vi.fn();
    const c = mount(<SummaryApp visits={[older, newer]} selectedId="old" onSelect={onSelect} loading={false} message={null} />);
    expect(getByRole(c, 'heading', `Visit on ${formatDate(older.startedAt)}`)).toBeTruthy();
    click(queryAllByRole(getByRole(c, 'navigation'), 'button')[0]!);
    expect(onSelect).toHaveBeenCalledWith('new');
  });

  it('has an empty state, a loading state and a not-found state', () => {
    const empty = mount(<SummaryApp visits={[]} selectedId={null} onSelect={() => {}} loading={false} message={null} />);
    expect(getByText(empty, /^No visits yet\./)).toBeTruthy();
    expect(queryByRole(empty, 'article')).toBeNull();
    const loading = mount(<SummaryApp visits={[]} selectedId={null} onSelect={() => {}} loading={true} message={null} />);
    expect(getByRole(loading, 'status').textContent).toBe('Loading visits…');
    const missing = mount(<SummaryApp visits={[newer]} selectedId="gone" onSelect={() => {}} loading={false} message={null} />);
    expect(getByText(missing, /That visit was not found/)).toBeTruthy();
  });

  it('shows a message as an alert', () => {
    const c = mount(<SummaryApp visits={[]} selectedId={null} onSelect={() => {}} loading={false} message="Storage is unavailable." />);
    expect(getByRole(c, 'alert').textContent).toBe('Storage is unavailable.');
  });
});

describe('SummaryApp: selected visit', () => {
  it('shows time, site, duration, end reason, talk time, shares and overlap', () => {
    const c = mount(<SummaryApp visits={[newer]} selectedId="new" onSelect={() => {}} loading={false} message={null} />);
    const f = facts(c);
    expect(f['Site']).toBe('Google Meet (meet.google.com)');
    expect(f['Duration']).toBe('10 min 00 s');
    expect(f['How it ended']).toBe('You ended the visit');
    expect(f['Time']).toContain(formatDate(newer.startedAt));
    const rows = Array.from(c.querySelectorAll('.attune-visit__talk tbody tr')).map((r) => Array.from(r.children).map((x) => x.textContent));
    expect(rows).toEqual([
      ['You', '3 min 30 s', '70%'],
      ['Patient', '1 min 30 s', '30%'],
    ]);
    expect(getByText(c, 'Both speaking at once: 12 s')).toBeTruthy();
    expect(queryAllByText(c, /ended unexpectedly/)).toHaveLength(0);
  });

  it('warns when the visit is partial and explains the end reason', () => {
    const partial = visit({ id: 'p', partial: true, endReason: 'engine-lost' });
    const c = mount(<SummaryApp visits={[partial]} selectedId="p" onSelect={() => {}} loading={false} message={null} />);
    expect(getByText(c, 'The visit ended unexpectedly; figures cover up to the last checkpoint.')).toBeTruthy();
    expect(facts(c)['How it ended']).toBe('Attune stopped unexpectedly');
  });
});

describe('TalkTimeline', () => {
  it('draws one bar per speech segment in two lanes, with minute ticks', () => {
    const v = visit();
    const c = mount(<TalkTimeline durationS={v.durationS} segments={v.segments} />);
    const you = c.querySelectorAll('.attune-timeline__lane--clinician .attune-timeline__seg');
    const patient = c.querySelectorAll('.attune-timeline__lane--patient .attune-timeline__seg');
    expect(you).toHaveLength(2);
    expect(patient).toHaveLength(2);
    // Second clinician segment 200–310 s of 600 s: starts a third of the way along the plot.
    const plotX = Number(c.querySelector('.attune-timeline__track')!.getAttribute('x'));
    const plotW = Number(c.querySelector('.attune-timeline__track')!.getAttribute('width'));
    expect(Number(you[1]!.getAttribute('x'))).toBeCloseTo(plotX + plotW / 3, 5);
    expect(Number(you[1]!.getAttribute('width'))).toBeCloseTo((plotW * 110) / 600, 5);
    const ticks = Array.from(c.querySelectorAll('.attune-timeline__axis text')).map((t) => t.textContent);
    expect(ticks).toEqual(['0', '2 min', '4 min', '6 min', '8 min', '10 min']);
  });

  it('has a text alternative: a described image and a per-minute table', () => {
    const v = visit();
    const c = mount(<TalkTimeline durationS={v.durationS} segments={v.segments} />);
    const img = getByRole(c, 'img', /^Who spoke when Timeline of a 10 min 00 s visit\. You spoke in 2 stretches, the patient in 2\./);
    expect(img.tagName.toLowerCase()).toBe('svg');
    const rows = Array.from(c.querySelectorAll('.attune-timeline__table tbody tr')).map((r) => Array.from(r.children).map((x) => x.textContent));
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual(['1', '60', '0']);
    // Patient 100–150 s straddles minutes 2 and 3; clinician 200–310 s spans minutes 4–6.
    expect(rows[1]).toEqual(['2', '40', '20']);
    expect(rows[2]).toEqual(['3', '0', '30']);
    expect(rows.slice(3, 6).map((r) => r[1])).toEqual(['40', '60', '10']);
    expect(rows[6]).toEqual(['7', '0', '20']);
  });
});
