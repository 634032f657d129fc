import { render } from 'preact';
import type { MicPermission } from '../../src/core/protocol/messages';
import { loadSettings, updateSettings } from '../../src/adapters/storage/settings-store';
import { readMicPermission, requestMicPermission } from '../../src/adapters/browser/microphone-permission';
import { SetupPage } from '../../src/ui/options/SetupPage';
import { NudgeSection } from '../../src/ui/options/NudgeSection';
import { FirstRun } from '../../src/ui/options/FirstRun';
import { RetentionSection } from '../../src/ui/options/RetentionSection';
import type { Settings } from '../../src/core/settings/settings';
import { probeWebSpeech } from '../../src/adapters/speech/web-speech';
import type { WebSpeechAvailability } from '../../src/core/speech/engine-choice';

// Setup and options: wiring only. The microphone grant must happen here, on a visible page.
const root = document.getElementById('app')!;

async function main() {
  let micPermission: MicPermission = await readMicPermission();
  let settings: Settings = await loadSettings();
  let webSpeech: WebSpeechAvailability | null = null;
  let message: string | null = null;
  const save = (change: Partial<Settings>) =>
    void updateSettings(change).then(
      (s) => {
        settings = s;
        message = null;
        draw();
      },
      (error: unknown) => {
        message = `Your change could not be saved: ${String(error)}`;
        draw();
      },
    );
  const draw = () =>
    render(
      <>
        <FirstRun confirmed={settings.patientsInformedConfirmed} onConfirm={() => save({ patientsInformedConfirmed: true })} />
        <SetupPage
          micPermission={micPermission}
          privacyLocal={settings.privacyLocal}
          message={message}
          speech={{
            speechEngine: settings.speechEngine,
            privacyLocal: settings.privacyLocal,
            webSpeech,
            onSpeechEngineChange: (speechEngine) => save({ speechEngine }),
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
          onPrivacyLocalChange={(privacyLocal) => save({ privacyLocal })}
        >
          <NudgeSection
            nudges={settings.nudges}
            quietMode={settings.quietMode}
            onNudgesChange={(nudges) => save({ nudges })}
            onQuietModeChange={(quietMode) => save({ quietMode })}
          />
          <RetentionSection retentionDays={settings.retentionDays} onChange={(retentionDays) => save({ retentionDays })} />
        </SetupPage>
      </>,
      root,
    );
  draw();
  void probeWebSpeech().then((answer) => {
    webSpeech = answer;
    draw();
  });
}

void main();
