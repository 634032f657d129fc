import { describe, expect, it, vi } from 'vitest';
import axe from 'axe-core';
import { NudgeSection } from '../../../src/ui/options/NudgeSection';
import { SetupPage } from '../../../src/ui/options/SetupPage';
import { DEFAULT_SETTINGS, SettingsSchema, type NudgeSettings } from '../../../src/core/settings/settings';
import * as v from 'valibot';
import { click, fire, getByRole, mount, queryByRole } from './dom';

function setup(nudges: NudgeSettings = structuredClone(DEFAULT_SETTINGS.nudges), quietMode = false) {
  const onNudgesChange = vi.fn<(n: NudgeSettings) => void>();
  const onQuietModeChange = vi.fn<(on: boolean) => void>();
  const c = mount(<NudgeSection nudges={nudges} quietMode={quietMode} onNudgesChange={onNudgesChange} onQuietModeChange={onQuietModeChange} />);
  return { c, onNudgesChange, onQuietModeChange };
}

const input = (c: HTMLElement, label: string) => {
  const l = Array.from(c.querySelectorAll('label')).find((x) => x.textContent === label)!;
  return c.querySelector<HTMLInputElement>(`#${CSS.escape(l.htmlFor)}`)!;
};

function type(el: HTMLInputElement, value: string) {
  el.value = value;
  fire(el, new Event('input', { bubbles: true }));
  fire(el, new Event('change', { bubbles: true }));
}

describe('NudgeSection (options)', () => {
  it('switches each nudge off and on', () => {
    const { c, onNudgesChange } = setup();
    const sw = getByRole(c, 'switch', /^Closed questions: “Try an open question”/);
    expect(sw.getAttribute('aria-checked')).toBe('true');
    click(sw);
    const next = onNudgesChange.mock.calls[0]![0];
    expect(next.closedQuestions).toEqual({ enabled: false, inARow: 3 });
    expect(v.safeParse(SettingsSchema, { ...DEFAULT_SETTINGS, nudges: next }).success).toBe(true);
  });

  it('changes thresholds, in the units people use', () => {
    const { c, onNudgesChange } = setup();
    type(input(c, 'Longer than'), '90');
    expect(onNudgesChange.mock.calls.at(-1)![0].monologue.overS).toBe(90);
    expect(input(c, 'Your share above').value).toBe('60');
    type(input(c, 'Your share above'), '55');
    expect(onNudgesChange.mock.calls.at(-1)![0].balance.maxShare).toBe(0.55);
    expect(input(c, 'Over the last').value).toBe('5');
    type(input(c, 'Over the last'), '2.5');
    expect(onNudgesChange.mock.calls.at(-1)![0].balance.windowS).toBe(150);
    type(input(c, 'Same nudge again after at least'), '3');
    expect(onNudgesChange.mock.calls.at(-1)![0].cooldownS).toBe(180);
  });

  it('refuses a value out of range with a message, keeping what was typed', () => {
    const { c, onNudgesChange } = setup();
    const el = input(c, 'Closed questions in a row');
    type(el, '25');
    expect(onNudgesChange).not.toHaveBeenCalled();
    expect(getByRole(c, 'alert').textContent).toBe('Choose a value from 2 to 10 questions.');
    expect(el.getAttribute('aria-invalid')).toBe('true');
    expect(el.value).toBe('25');
    type(el, 'abc');
    expect(getByRole(c, 'alert').textContent).toBe('Enter a number from 2 to 10.');
    type(el, '4');
    expect(queryByRole(c, 'alert')).toBeNull();
    expect(onNudgesChange.mock.calls.at(-1)![0].closedQuestions.inARow).toBe(4);
  });

  it('disables the threshold of a nudge that is off', () => {
    const nudges = structuredClone(DEFAULT_SETTINGS.nudges);
    nudges.gaze.enabled = false;
    const { c } = setup(nudges);
    expect(input(c, 'Looking away longer than').disabled).toBe(true);
    expect(input(c, 'Longer than').disabled).toBe(false);
  });

  it('switches the listening-behaviour nudges, sets their times in minutes, and shows each nudge’s evidence', () => {
    const { c, onNudgesChange } = setup();
    click(getByRole(c, 'switch', /^Asking permission: “Ask permission before advising”/));
    expect(onNudgesChange.mock.calls.at(-1)![0].permission).toEqual({ enabled: false });
    click(getByRole(c, 'switch', /^Teach-back: “Check understanding”/));
    expect(onNudgesChange.mock.calls.at(-1)![0].teachBack.enabled).toBe(false);
    expect(input(c, 'No agenda question by').value).toBe('3');
    type(input(c, 'No agenda question by'), '2.5');
    expect(onNudgesChange.mock.calls.at(-1)![0].agenda).toEqual({ enabled: true, byS: 150 });
    type(input(c, 'No teach-back by'), '8');
    expect(onNudgesChange.mock.calls.at(-1)![0].teachBack.afterS).toBe(480);
    for (const next of onNudgesChange.mock.calls.map((call) => call[0])) expect(v.safeParse(SettingsSchema, { ...DEFAULT_SETTINGS, nudges: next }).success).toBe(true);
    // Every nudge, old and new, carries its evidence: on hover and in a disclosure.
    const rows = Array.from(c.querySelectorAll('fieldset.attune-nudges__row[title]'));
    expect(rows).toHaveLength(9);
    const agenda = rows.find((r) => r.textContent!.includes('Ask what else is on their mind'))!;
    expect(agenda.getAttribute('title')).toMatch(/Singh Ospina/);
    expect(agenda.querySelector('.attune-nudges__evidence')!.textContent).toMatch(/^Evidence.*36% of visits/);
  });

  it('toggles quiet mode', () => {
    const { c, onQuietModeChange } = setup();
    click(getByRole(c, 'switch', 'Quiet mode'));
    expect(onQuietModeChange).toHaveBeenCalledWith(true);
  });

  it('sits in the setup page and has no axe violations', async () => {
    const c = mount(
      <SetupPage micPermission="granted" onRequestMic={vi.fn()} privacyLocal onPrivacyLocalChange={vi.fn()} message={null}>
        <NudgeSection nudges={DEFAULT_SETTINGS.nudges} quietMode={false} onNudgesChange={vi.fn()} onQuietModeChange={vi.fn()} />
      </SetupPage>,
    );
    expect(getByRole(c, 'heading', 'Nudges during the visit')).toBeTruthy();
    const result = await axe.run(c, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((x) => x.id)).toEqual([]);
  }, 30_000); // axe-core is slow on a loaded machine
});
