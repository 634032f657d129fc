import { render } from 'preact';
import type { MicPermission } from '../../src/core/protocol/messages';
import { loadSettings, updateSettings } from '../../src/adapters/storage/settings-store';
import { readMicPermission, requestMicPermission } from '../../src/adapters/browser/microphone-permission';
import { SetupPage } from '../../src/ui/options/SetupPage';
import { FirstRun } from '../../src/ui/options/FirstRun';

// Setup and options: wiring only. The microphone grant must happen here, on a visible page.
const root = document.getElementById('app')!;

async function main() {
  let micPermission: MicPermission = await readMicPermission();
  const settings = await loadSettings();
  let privacyLocal = settings.privacyLocal;
  let patientsInformed = settings.patientsInformedConfirmed;
  let message: string | null = null;
  const confirmPatientsInformed = () =>
    void updateSettings({ patientsInformedConfirmed: true }).then((s) => {
      patientsInformed = s.patientsInformedConfirmed;
      draw();
    });
  const draw = () =>
    render(
      <>
        <FirstRun confirmed={patientsInformed} onConfirm={confirmPatientsInformed} />
        <SetupPage
          micPermission={micPermission}
          privacyLocal={privacyLocal}
          message={message}
          onRequestMic={() =>
            void requestMicPermission().then(
              (state) => {
                micPermission = state;
                message = null;
                draw();
              },
              async (error: unknown) => {
                micPermission = await readMicPermission();
                message =
                  error instanceof DOMException && error.name === 'NotFoundError'
                    ? 'No microphone was found. Connect one, then choose “Allow microphone” again.'
                    : 'Microphone access was not granted. You can allow it in Chrome’s site settings for Attune.';
                draw();
              },
            )
          }
          onPrivacyLocalChange={(on) =>
            void updateSettings({ privacyLocal: on }).then((s) => {
              privacyLocal = s.privacyLocal;
              draw();
            })
          }
        />
      </>,
      root,
    );
  draw();
}

void main();
