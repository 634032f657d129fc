import { describe, expect, it, vi } from 'vitest';
import { SetupPage } from '../../../src/ui/options/SetupPage';
import type { SpeechSectionProps } from '../../../src/ui/options/SpeechSection';
import { click, getByRole, mount } from './dom';

function page(speech: Partial<SpeechSectionProps>) {
  const props: SpeechSectionProps = { speechEngine: 'moonshine', privacyLocal: true, webSpeech: 'unavailable', onSpeechEngineChange: vi.fn(), ...speech };
  const c = mount(
    <SetupPage micPermission="granted" onRequestMic={vi.fn()} privacyLocal={props.privacyLocal} onPrivacyLocalChange={vi.fn()} message={null} speech={props} />,
  );
  return { c, props };
}

describe('SpeechSection (options)', () => {
  it('says Moonshine runs on this computer by default', () => {
    const { c } = page({});
    expect(getByRole(c, 'heading', 'Speech recognition')).toBeTruthy();
    expect(c.querySelector('.attune-speech__running')!.textContent).toMatch(/Runs in your visits: Moonshine \(on this computer\)\..*never leave/);
  });

  it('explains why Chrome recognition does not run in privacy-local mode without the on-device pack', () => {
    const { c } = page({ speechEngine: 'web-speech', privacyLocal: true, webSpeech: 'downloadable' });
    expect(c.querySelector('.attune-speech__running')!.textContent).toMatch(/Runs in your visits: Moonshine.*would send your voice to Google/);
  });

  it('runs Chrome recognition when privacy-local mode is off, and says where the audio goes', () => {
    const { c } = page({ speechEngine: 'web-speech', privacyLocal: false, webSpeech: 'unavailable' });
    expect(c.querySelector('.attune-speech__running')!.textContent).toMatch(/Runs in your visits: Chrome speech recognition\..*sends your voice/);
  });

  it('changes the engine from the radio buttons', () => {
    const { c, props } = page({});
    const radio = c.querySelector<HTMLInputElement>('input[type="radio"][value="web-speech"]')!;
    expect(radio.closest('label')?.textContent).toMatch(/Chrome speech recognition/);
    click(radio);
    expect(props.onSpeechEngineChange).toHaveBeenCalledWith('web-speech');
  });

  it('waits for the browser check before naming the engine', () => {
    const { c } = page({ webSpeech: null });
    expect(c.querySelector('.attune-speech__running')!.textContent).toBe('Checking what this browser offers…');
  });
});
