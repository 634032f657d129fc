import { describe, expect, it, vi } from 'vitest';
import { SetupPage, type SetupPageProps } from '../../../src/ui/options/SetupPage';
import { click, getByRole, getByText, mount, queryAllByText, queryByRole } from './dom';

function props(over: Partial<SetupPageProps> = {}): SetupPageProps {
  return { micPermission: 'prompt', onRequestMic: vi.fn(), privacyLocal: false, onPrivacyLocalChange: vi.fn(), message: null, ...over };
}

describe('SetupPage', () => {
  it('explains what Attune does and that audio stays on this computer', () => {
    const c = mount(<SetupPage {...props()} />);
    expect(getByRole(c, 'heading', 'Set up Attune')).toBeTruthy();
    expect(getByText(c, /analysed on this computer only/)).toBeTruthy();
    expect(getByRole(c, 'heading', 'What Attune does')).toBeTruthy();
    expect(getByRole(c, 'heading', 'What it never does')).toBeTruthy();
    expect(getByText(c, /Send anything over the network/)).toBeTruthy();
    expect(getByText(c, /never transcribed or stored/)).toBeTruthy();
    expect(getByRole(c, 'heading', 'Start coaching')).toBeTruthy();
  });

  it('asks for the microphone when not yet granted', () => {
    const p = props();
    const c = mount(<SetupPage {...p} />);
    const btn = getByRole(c, 'button', 'Allow microphone') as HTMLButtonElement;
    expect(btn.disabled).toBe(false);
    click(btn);
    expect(p.onRequestMic).toHaveBeenCalledTimes(1);
    expect(queryAllByText(c, /Site settings/)).toHaveLength(0);
  });

  it('shows a disabled, checked button once granted', () => {
    const c = mount(<SetupPage {...props({ micPermission: 'granted' })} />);
    const btn = getByRole(c, 'button', 'Microphone allowed') as HTMLButtonElement;
    expect(btn.disabled).toBe(true);
    expect(btn.querySelector('svg')).not.toBeNull();
    expect(queryByRole(c, 'button', 'Allow microphone')).toBeNull();
  });

  it('explains how to re-allow a denied microphone', () => {
    const c = mount(<SetupPage {...props({ micPermission: 'denied' })} />);
    expect(getByText(c, 'The microphone is blocked for Attune.')).toBeTruthy();
    expect(getByText(c, 'Choose Site settings.')).toBeTruthy();
    expect(getByText(c, /Set Microphone to Allow/)).toBeTruthy();
    expect((getByRole(c, 'button', 'Allow microphone') as HTMLButtonElement).disabled).toBe(false);
  });

  it('toggles privacy-local mode', () => {
    const p = props({ privacyLocal: true });
    const c = mount(<SetupPage {...p} />);
    const sw = getByRole(c, 'switch', 'Privacy-local mode');
    expect(sw.getAttribute('aria-checked')).toBe('true');
    click(sw);
    expect(p.onPrivacyLocalChange).toHaveBeenCalledWith(false);
  });

  it('shows a message as an alert', () => {
    const c = mount(<SetupPage {...props({ message: 'Microphone request was dismissed.' })} />);
    expect(getByRole(c, 'alert').textContent).toBe('Microphone request was dismissed.');
  });
});
