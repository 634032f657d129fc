import { describe, expect, it, vi } from 'vitest';
import { useState } from 'preact/hooks';
import { Popup, type PopupModel } from '../../../src/ui/popup/Popup';
import { click, getByRole, getByText, mount, queryAllByText, queryByRole } from './dom';
import { liveTalk } from './fixtures';

function model(over: Partial<PopupModel> = {}): PopupModel {
  return {
    tab: { supported: true, platformLabel: 'Google Meet', host: 'meet.google.com' },
    coaching: 'idle',
    live: null,
    privacyLocal: false,
    micPermission: 'granted',
    message: null,
    ...over,
  };
}

function actions() {
  return { onStart: vi.fn(), onStop: vi.fn(), onPrivacyLocalChange: vi.fn(), onOpenSummaries: vi.fn(), onOpenSetup: vi.fn() };
}

describe('Popup', () => {
  it('shows the platform and host of the current tab and starts coaching', () => {
    const a = actions();
    const c = mount(<Popup model={model()} actions={a} />);
    expect(getByText(c, 'Google Meet')).toBeTruthy();
    expect(getByText(c, 'meet.google.com')).toBeTruthy();
    expect(getByRole(c, 'status').textContent).toBe('Not coaching');
    click(getByRole(c, 'button', 'Start coaching'));
    expect(a.onStart).toHaveBeenCalledTimes(1);
  });

  it('offers any other site as "start on this tab"', () => {
    const c = mount(<Popup model={model({ tab: { supported: true, platformLabel: null, host: 'clinic.example' } })} actions={actions()} />);
    expect(getByText(c, 'Any site: start on this tab')).toBeTruthy();
    expect((getByRole(c, 'button', 'Start coaching') as HTMLButtonElement).disabled).toBe(false);
  });

  it('cannot start on a page where Attune cannot run', () => {
    const c = mount(<Popup model={model({ tab: { supported: false, platformLabel: null, host: null } })} actions={actions()} />);
    expect(getByText(c, 'Attune cannot run on this page')).toBeTruthy();
    expect((getByRole(c, 'button', 'Start coaching') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the live share while coaching and stops', () => {
    const a = actions();
    const c = mount(<Popup model={model({ coaching: 'active', live: liveTalk({ clinicianShare: 0.42 }) })} actions={a} />);
    expect(getByRole(c, 'status').textContent).toBe('Coaching — you 42% of talk time');
    expect(queryByRole(c, 'button', 'Start coaching')).toBeNull();
    click(getByRole(c, 'button', 'Stop coaching'));
    expect(a.onStop).toHaveBeenCalledTimes(1);
  });

  it('has a labelled, described privacy-local switch that toggles', () => {
    function Harness({ onChange }: { onChange: (on: boolean) => void }) {
      const [on, setOn] = useState(false);
      return (
        <Popup
          model={model({ privacyLocal: on })}
          actions={{
            ...actions(),
            onPrivacyLocalChange: (v) => {
              onChange(v);
              setOn(v);
            },
          }}
        />
      );
    }
    const onChange = vi.fn();
    const c = mount(<Harness onChange={onChange} />);
    const sw = getByRole(c, 'switch', 'Privacy-local mode');
    expect(sw.getAttribute('aria-checked')).toBe('false');
    expect(c.querySelector(`#${CSS.escape(sw.getAttribute('aria-describedby')!)}`)!.textContent).toBe(
      'No audio, text or metric leaves this computer.',
    );
    expect(queryAllByText(c, 'On-device')).toHaveLength(0);
    click(sw);
    expect(onChange).toHaveBeenLastCalledWith(true);
    expect(getByRole(c, 'switch', 'Privacy-local mode').getAttribute('aria-checked')).toBe('true');
    expect(queryAllByText(c, 'On-device')).toHaveLength(1);
    click(getByRole(c, 'switch', 'Privacy-local mode'));
    expect(onChange).toHaveBeenLastCalledWith(false);
  });

  it('prompts to finish setup until the microphone is granted', () => {
    const a = actions();
    const c = mount(<Popup model={model({ micPermission: 'prompt' })} actions={a} />);
    expect(getByText(c, /allow the microphone/)).toBeTruthy();
    click(getByRole(c, 'button', 'Finish setup'));
    expect(a.onOpenSetup).toHaveBeenCalledTimes(1);
    const granted = mount(<Popup model={model({ micPermission: 'granted' })} actions={actions()} />);
    expect(queryByRole(granted, 'button', 'Finish setup')).toBeNull();
  });

  it('while coaching: "Show panel" with the keyboard shortcut (issue 19.7)', () => {
    const a = { ...actions(), onShowPanel: vi.fn() };
    const c = mount(<Popup model={model({ coaching: 'active', live: liveTalk() })} actions={a} />);
    click(getByRole(c, 'button', 'Show panel'));
    expect(a.onShowPanel).toHaveBeenCalledTimes(1);
    expect(c.textContent).toMatch(/Alt\+Shift\+A/);
    expect(queryByRole(mount(<Popup model={model()} actions={a} />), 'button', 'Show panel')).toBeNull();
  });

  it('the microphone state agrees with the running visit (issue 19.3)', () => {
    // Sound is arriving: the microphone works, whatever the permission query of this page says.
    const counting = mount(<Popup model={model({ coaching: 'active', live: liveTalk(), micPermission: 'prompt' })} actions={actions()} />);
    expect(queryByRole(counting, 'button', 'Finish setup')).toBeNull();
    // No sound: the popup says what the panel says, with the fix.
    const silent = mount(<Popup model={model({ coaching: 'active', live: liveTalk({ held: 'no-microphone' }), micPermission: 'granted' })} actions={actions()} />);
    expect(silent.textContent).toMatch(/No sound from your microphone/);
    expect(silent.textContent).not.toMatch(/of talk time/);
    expect(getByRole(silent, 'button', 'Finish setup')).toBeTruthy();
  });

  it('links to the privacy policy shipped in the extension', () => {
    const c = mount(<Popup model={model()} actions={actions()} />);
    expect(c.querySelector('a[href="privacy.html"]')!.textContent!.trim()).toBe('Privacy policy');
  });

  it('never asks to allow the microphone while a visit is being coached (its state matches what runs)', () => {
    // The popup's permission query can say "prompt" (or fail: "unknown", as in Firefox) while the engine uses the microphone.
    for (const micPermission of ['prompt', 'unknown'] as const) {
      for (const coaching of ['starting', 'active', 'ending', 'ended'] as const) {
        const c = mount(<Popup model={model({ micPermission, coaching })} actions={actions()} />);
        expect(queryByRole(c, 'button', 'Finish setup')).toBeNull();
        expect(c.textContent).not.toMatch(/allow the microphone/);
      }
      const idle = mount(<Popup model={model({ micPermission, coaching: 'idle' })} actions={actions()} />);
      expect(queryByRole(idle, 'button', 'Finish setup')).not.toBeNull();
    }
  });

  it('links to summaries and setup, and shows messages as alerts', () => {
    const a = actions();
    const c = mount(<Popup model={model({ message: 'Could not capture this tab.' })} actions={a} />);
    expect(getByRole(c, 'alert').textContent).toBe('Could not capture this tab.');
    click(getByRole(c, 'button', 'Visit summaries'));
    click(getByRole(c, 'button', 'Setup & options'));
    expect(a.onOpenSummaries).toHaveBeenCalledTimes(1);
    expect(a.onOpenSetup).toHaveBeenCalledTimes(1);
  });
});
