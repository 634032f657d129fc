import { render } from 'preact';
import type { MicPermission } from '../../src/core/protocol/messages';
import { loadSettings, updateSettings } from '../../src/adapters/storage/settings-store';
import { readMicPermission, requestMicPermission } from '../../src/adapters/browser/microphone-permission';
import { SetupPage } from '../../src/ui/options/SetupPage';
import { probeWebSpeech } from '../../src/adapters/speech/web-speech';
import type { WebSpeechAvailability } from '../../src/core/speech/engine-choice';

// Setup and options: wiring only. The microphone grant must happen here, on a visible page.
const root = document.getElementById('app')!;

async function main() {
  let micPermission: MicPermission = await readMicPermission();
  const settings = await loadSettings();
  let privacyLocal = settings.privacyLocal;
  let speechEngine = settings.speechEngine;
  let webSpeech: WebSpeechAvailability | null = null;
  let message: string | null = null;
  const draw = () =>
    render(
      <SetupPage
        micPermission={micPermission}
        privacyLocal={privacyLocal}
        message={message}
        speech={{
          speechEngine,
          privacyLocal,
          webSpeech,
          onSpeechEngineChange: (engine) =>
            void updateSettings({ speechEngine: engine }).then((s) => {
              speechEngine = s.speechEngine;
              draw();
            }),
        }}
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
      />,
      root,
    );
  draw();
  void probeWebSpeech().then((answer) => {
    webSpeech = answer;
    draw();
  });
}

void main();
