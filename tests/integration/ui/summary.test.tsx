import { describe, expect, it, vi } from 'vitest';
import { SummaryApp } from '../../../src/ui/summary/SummaryApp';
import { PAGE_TAP_NOTE } from '../../../src/ui/summary/VisitDetail';
import { TalkTimeline } from '../../../src/ui/summary/TalkTimeline';
import { ShareTimeline } from '../../../src/ui/summary/ShareTimeline';
import { interruptionsText, longTurnsText, openingText } from '../../../src/ui/summary/ConversationFacts';
import { OPENING_EVIDENCE } from '../../../src/ui/conversation';
import { formatDate } from '../../../src/ui/format';
import { click, getByRole, getByText, mount, queryAllByRole, queryAllByText, queryByRole } from './dom';
import { talkMetrics, visit } from './fixtures';

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
    expect(getByRole(loading, 'status', 'Loading visits…').textContent).toBe('Loading visits…');
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

function terms(dl: Element): Record<string, string> {
  return Object.fromEntries(
    Array.from(dl.querySelectorAll(':scope > div')).map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent!.replace(/\s+/g, ' ').trim()]),
  );
}

const headings = (c: HTMLElement) => queryAllByRole(c.querySelector('article')!, 'heading').map((h) => h.textContent);

describe('VisitDetail: Conversation', () => {
  const withMetrics = visit({ id: 'm', metrics: talkMetrics() });
  const show = (v: ReturnType<typeof visit>) => mount(<SummaryApp visits={[v]} selectedId={v.id} onSelect={() => {}} loading={false} message={null} />);

  it('lists the conversation metrics in a labelled section, in plain words with units', () => {
    const c = show(withMetrics);
    const section = getByRole(c, 'region', 'Conversation');
    const dl = section.querySelector('dl')!;
    expect(terms(dl)).toEqual({
      Turns: '24 (2.4 per minute)',
      'Interruptions by you': '3, not counting 5 backchannels such as ‘mm-hm’',
      'Interruptions by the patient': '1, not counting 1 backchannel such as ‘mm-hm’',
      'Both speaking at once': '12 s',
      'Your longest turn': '1 min 50 s',
      "Patient's longest turn": '50 s',
      'Your turns over 1 min': '2 (at 0:00, 3:20)',
      'Your usual pause before replying': '0.8 s (median)',
      "Patient's opening statement": `23 s, interrupted by you after 8 s ${OPENING_EVIDENCE}`,
    });
  });

  it('cites the evidence as a small note next to the opening statement', () => {
    const c = show(withMetrics);
    const cite = c.querySelector('.attune-visit__opening dd small')!;
    expect(cite.textContent).toBe(OPENING_EVIDENCE);
    expect(cite.closest('div')!.querySelector('dt')!.textContent).toBe("Patient's opening statement");
  });

  it('moves overlap into the section instead of repeating it, and adds the share chart', () => {
    const c = show(withMetrics);
    expect(queryAllByText(c, /^Both speaking at once: /)).toHaveLength(0);
    expect(headings(c).slice(1)).toEqual(['Skills at a glance', 'Observations', 'Talk time', 'Conversation', 'Who spoke when', 'Talk share by minute']);
    expect(getByRole(c, 'img', /^Talk share by minute/)).toBeTruthy();
  });

  it('reads sensibly with no backchannels, no replies and no opening statement', () => {
    const v = visit({
      id: 'q',
      metrics: talkMetrics({
        backchannels: { clinician: 0, patient: 0 },
        clinicianResponseLatencyS: null,
        clinicianLongMonologues: [],
        opening: null,
        turns: 1,
        turnsPerMin: 0.1,
      }),
    });
    const t = terms(getByRole(show(v), 'region', 'Conversation').querySelector('dl')!);
    expect(t['Turns']).toBe('1 (0.1 per minute)');
    expect(t['Interruptions by you']).toBe('3');
    expect(t['Your turns over 1 min']).toBe('None');
    expect(t['Your usual pause before replying']).toBe('— (no replies measured)');
    expect(t["Patient's opening statement"]).toContain('Not detected (no patient turn of 5 s or more)');
  });

  it('renders an older visit without metrics as before', () => {
    const c = show(visit({ id: 'old' }));
    expect(headings(c).slice(1)).toEqual(['Skills at a glance', 'Observations', 'Talk time', 'Who spoke when']);
    expect(queryByRole(c, 'region', 'Conversation')).toBeNull();
    expect(getByText(c, 'Both speaking at once: 12 s')).toBeTruthy();
    expect(c.querySelector('.attune-share')).toBeNull();
    expect(queryAllByText(c, /Marvel/)).toHaveLength(0);
  });

  it('words the parts in helpers', () => {
    expect(interruptionsText(2, 0)).toBe('2');
    expect(interruptionsText(0, 1)).toBe('0, not counting 1 backchannel such as ‘mm-hm’');
    expect(longTurnsText([[65, 140]])).toBe('1 (at 1:05)');
    expect(longTurnsText([])).toBe('None');
    const base = { startS: 2, durationS: 92.4, ended: true, interrupted: false, interruptedAfterS: null };
    expect(openingText(base)).toBe('1 min 32 s, not interrupted');
    expect(openingText({ ...base, ended: false })).toBe('1 min 32 s, still going when the visit ended');
    expect(openingText({ ...base, durationS: 11, interrupted: true, interruptedAfterS: 11 })).toBe('11 s, interrupted by you after 11 s');
    expect(openingText(null)).toBe('Not detected (no patient turn of 5 s or more)');
  });
});

describe('ShareTimeline', () => {
  const bins = talkMetrics().timeline;
  const num = (el: Element, a: string) => Number(el.getAttribute(a));

  it('draws one bar per minute, your share from the bottom and the patient above it', () => {
    const c = mount(<ShareTimeline bins={bins} />);
    const bars = c.querySelectorAll('.attune-share__bar');
    expect(bars).toHaveLength(10);
    const track = bars[1]!.querySelector('.attune-share__track')!;
    const you = bars[1]!.querySelector('.attune-share__you')!;
    const patient = bars[1]!.querySelector('.attune-share__patient')!;
    // Minute 2: you 40 s, patient 20 s, so two thirds of the bar is yours.
    expect(num(you, 'height')).toBeCloseTo((num(track, 'height') * 2) / 3, 5);
    expect(num(you, 'y') + num(you, 'height')).toBeCloseTo(num(track, 'y') + num(track, 'height'), 5);
    expect(num(patient, 'y')).toBeCloseTo(num(track, 'y'), 5);
    expect(num(patient, 'height') + num(you, 'height')).toBeCloseTo(num(track, 'height'), 5);
    expect(bars[1]!.querySelector('title')!.textContent).toBe('Minute 2: you 40 s, patient 20 s (you 67%)');
    // Minutes without speech: the empty track only.
    expect(bars[8]!.querySelectorAll('.attune-share__you, .attune-share__patient')).toHaveLength(0);
    expect(bars[8]!.querySelector('title')!.textContent).toBe('Minute 9: you 0 s, patient 0 s, no speech');
  });

  it('marks the 60% target with a labelled line and labels both axes', () => {
    const c = mount(<ShareTimeline bins={bins} />);
    const track = c.querySelector('.attune-share__track')!;
    const line = c.querySelector('.attune-share__target line')!;
    expect(num(line, 'y1')).toBeCloseTo(num(track, 'y') + num(track, 'height') * 0.4, 5);
    expect(c.querySelector('.attune-share__target text')!.textContent).toBe('60% target');
    expect(Array.from(c.querySelectorAll('.attune-share__grid text')).map((t) => t.textContent)).toEqual(['0%', '50%', '100%']);
    const axis = Array.from(c.querySelectorAll('.attune-share__axis text')).map((t) => t.textContent);
    expect(axis).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'Minute of the visit']);
  });

  it('has a text alternative: a described image and a per-minute table', () => {
    const c = mount(<ShareTimeline bins={bins} />);
    const img = getByRole(c, 'img', /^Talk share by minute Your share of talk time in each of 10 minutes of the visit\. You were above the 60% target in 5 of 7 minutes with speech\./);
    expect(img.tagName.toLowerCase()).toBe('svg');
    const rows = Array.from(c.querySelectorAll('.attune-share__table tbody tr')).map((r) => Array.from(r.children).map((x) => x.textContent));
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual(['1', '60', '0', '100%']);
    expect(rows[1]).toEqual(['2', '40', '20', '67%']);
    expect(rows[2]).toEqual(['3', '0', '30', '0%']);
    expect(rows[9]).toEqual(['10', '0', '0', '—']);
  });

  it('thins minute labels on a long visit', () => {
    const long = Array.from({ length: 45 }, (_, i) => ({ startS: i * 60, clinicianS: 30, patientS: 30, clinicianShare: 0.5 }));
    const c = mount(<ShareTimeline bins={long} />);
    expect(c.querySelectorAll('.attune-share__bar')).toHaveLength(45);
    const axis = Array.from(c.querySelectorAll('.attune-share__axis text')).map((t) => t.textContent);
    expect(axis).toEqual(['1', '5', '10', '15', '20', '25', '30', '35', '40', '45', 'Minute of the visit']);
  });
});

describe('VisitDetail: where the patient figures came from (issue 17.1)', () => {
  const show = (v: ReturnType<typeof visit>) => mount(<SummaryApp visits={[v]} selectedId={v.id} onSelect={() => {}} loading={false} message={null} />);

  it('says so when the page tap (the call page itself) was the source, and not for tab capture', () => {
    expect(show(visit({ id: 'p', remoteSource: 'page-tap' })).textContent).toContain(PAGE_TAP_NOTE);
    expect(show(visit({ id: 't', remoteSource: 'tab-capture' })).textContent).not.toContain(PAGE_TAP_NOTE);
  });
});
