import { describe, expect, it, vi } from 'vitest';
import { FirstRun, PATIENTS_INFORMED_TEXT } from '../../../src/ui/options/FirstRun';
import { Popup, PRIVACY_OFF_NOTE } from '../../../src/ui/popup/Popup';
import { click, fire, getByRole, getByText, mount, queryAllByText } from './dom';

describe('first run', () => {
  it('asks the clinician to confirm patients are informed; Confirm works only once ticked', () => {
    const onConfirm = vi.fn();
    const c = mount(<FirstRun confirmed={false} onConfirm={onConfirm} />);
    expect(getByRole(c, 'region', 'Before your first visit')).toBeTruthy();
    const confirm = getByRole(c, 'button', 'Confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    const box = c.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    expect(box.closest('label')!.textContent!.trim()).toBe(PATIENTS_INFORMED_TEXT);
    box.checked = true;
    fire(box, new Event('change', { bubbles: true }));
    expect(confirm.disabled).toBe(false);
    click(confirm);
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('says plainly what is processed, and disappears once confirmed', () => {
    const c = mount(<FirstRun confirmed={false} onConfirm={() => {}} />);
    expect(getByText(c, /never records audio, never transcribes the patient and sends nothing anywhere/)).toBeTruthy();
    const done = mount(<FirstRun confirmed={true} onConfirm={() => {}} />);
    expect(done.textContent).toBe('');
  });
});

describe('popup privacy indicator', () => {
  const model = (privacyLocal: boolean) => ({ tab: null, coaching: 'idle' as const, live: null, privacyLocal, micPermission: 'granted' as const, message: null });
  const actions = { onStart() {}, onStop() {}, onPrivacyLocalChange() {}, onOpenSummaries() {}, onOpenSetup() {} };

  it('shows the on-device badge when privacy-local mode is on, and what changes when it is off', () => {
    const on = mount(<Popup model={model(true)} actions={actions} />);
    expect(queryAllByText(on, 'On-device')).toHaveLength(1);
    expect(queryAllByText(on, PRIVACY_OFF_NOTE)).toHaveLength(0);
    const off = mount(<Popup model={model(false)} actions={actions} />);
    expect(queryAllByText(off, 'On-device')).toHaveLength(0);
    expect(getByText(off, PRIVACY_OFF_NOTE)).toBeTruthy();
  });
});
