import { render } from 'preact';
import type { MicPermission } from '../../src/core/protocol/messages';
import { loadSettings, updateSettings } from '../../src/adapters/storage/settings-store';
import { readMicPermission, requestMicPermission } from '../../src/adapters/browser/microphone-permission';
import { SetupPage } from '../../src/ui/options/SetupPage';
import { NudgeSection } from '../../src/ui/options/NudgeSection';
import { FirstRun } from '../../src/ui/options/FirstRun';
import { RetentionSection } from '../../src/ui/options/RetentionSection';
import { AdaptationSection } from '../../src/ui/options/AdaptationSection';
import { loadAdaptation, resetAdaptation, watchAdaptation } from '../../src/adapters/storage/adaptation-store';
import type { AdaptationRead } from '../../src/core/questions/adaptation-profile';
import type { Settings } from '../../src/core/settings/settings';
import { probeWebSpeech } from '../../src/adapters/speech/web-speech';
import type { WebSpeechAvailability } from '../../src/core/speech/engine-choice';
import type { GazeSectionProps } from '../../src/ui/options/GazeSection';
import { faceModelAvailable, loadCalibration, readCameraPermission, requestCameraPermission, runCalibration } from '../../src/adapters/vision/gaze-setup';
import { browser } from 'wxt/browser';
import type { ActionResult } from '../../src/ui/components/ActionStatus';

// Setup and options: wiring only. The microphone grant must happen here, on a visible page.
const root = document.getElementById('app')!;

async function main() {
  let micPermission: MicPermission = await readMicPermission();
  let settings: Settings = await loadSettings();
  let webSpeech: WebSpeechAvailability | null = null;
  let adaptation: AdaptationRead = await loadAdaptation();
  let adaptationStatus: string | null = null;
  // A correction saved in the summaries while this page is open shows here at once.
  watchAdaptation((read) => {
    adaptation = read;
    if (read.profile.corrections.length > 0 || read.problem) adaptationStatus = null; // the last reset is no longer the news
    draw();
  });
  const onResetAdaptation = () =>
    void resetAdaptation().then(
      () => {
        adaptationStatus = 'Reset: labels are the classifier’s own again. Your visits and their corrections are kept.';
        draw();
      },
      (error: unknown) => {
        adaptationStatus = `The reset could not be saved: ${String(error)}`;
        draw();
      },
    );
  // What the last change did, shown beside the controls that made it (ActionStatus).
  let result: ActionResult | null = null;
  const save = (change: Partial<Settings>, area: string) =>
    void updateSettings(change).then(
      (s) => {
        settings = s;
        result = { area, text: 'Saved.', error: false };
        draw();
      },
      (error: unknown) => {
        result = { area, text: `Your change could not be saved: ${String(error)}`, error: true };
        draw();
      },
    );
  const url = (path: string) => browser.runtime.getURL(path as '/');
  // Gaze cues: the camera grant and calibration happen here, on a visible page.
  let gaze: Omit<GazeSectionProps, 'onEnabledChange' | 'onRequestCamera' | 'onCalibrate'> = {
    enabled: settings.gazeEnabled,
    camera: await readCameraPermission(),
    modelAvailable: null,
    calibration: ((saved) => (saved ? { kind: 'saved', savedAt: saved.savedAt } : { kind: 'none' }))(loadCalibration()),
  };
  const setGaze = (patch: Partial<typeof gaze>) => {
    gaze = { ...gaze, ...patch };
    draw();
  };
  void faceModelAvailable(url).then((modelAvailable) => setGaze({ modelAvailable }));
  const gazeProps = (): GazeSectionProps => ({
    ...gaze,
    onEnabledChange: (on) =>
      void updateSettings({ gazeEnabled: on }).then((s) => {
        settings = s;
        setGaze({ enabled: s.gazeEnabled });
      }),
    onRequestCamera: () => void requestCameraPermission().then((camera) => setGaze({ camera }), async () => setGaze({ camera: await readCameraPermission() })),
    onCalibrate: () => {
      const before = gaze.calibration.kind === 'saved' ? gaze.calibration.savedAt : null;
      setGaze({ calibration: { kind: 'running', progress: 0 } });
      void runCalibration(url, (progress) => setGaze({ calibration: { kind: 'running', progress } })).then((run) =>
        setGaze({ calibration: run.ok ? { kind: 'saved', savedAt: run.saved.savedAt } : { kind: 'failed', message: run.message, savedAt: before } }),
      );
    },
  });
  const draw = () =>
    render(
      <>
        <FirstRun confirmed={settings.patientsInformedConfirmed} onConfirm={() => save({ patientsInformedConfirmed: true }, 'first-run')} />
        <SetupPage
          micPermission={micPermission}
          privacyLocal={settings.privacyLocal}
          message={null}
          result={result}
          gaze={gazeProps()}
          speech={{
            speechEngine: settings.speechEngine,
            privacyLocal: settings.privacyLocal,
            webSpeech,
            onSpeechEngineChange: (speechEngine) => save({ speechEngine }, 'speech'),
            result,
          }}
          onRequestMic={() =>
            void requestMicPermission().then(
              (state) => {
                micPermission = state;
                result = { area: 'mic', text: state === 'granted' ? 'Microphone allowed.' : 'The microphone was not allowed.', error: state !== 'granted' };
                draw();
              },
              async (error: unknown) => {
                micPermission = await readMicPermission();
                const text =
                  error instanceof DOMException && error.name === 'NotFoundError'
                    ? 'No microphone was found. Connect one, then choose “Allow microphone” again.'
                    : 'Microphone access was not granted. You can allow it in Chrome’s site settings for Attune.';
                result = { area: 'mic', text, error: true };
                draw();
              },
            )
          }
          onPrivacyLocalChange={(privacyLocal) => save({ privacyLocal }, 'privacy')}
        >
          <NudgeSection
            nudges={settings.nudges}
            quietMode={settings.quietMode}
            onNudgesChange={(nudges) => save({ nudges }, 'nudges')}
            onQuietModeChange={(quietMode) => save({ quietMode }, 'nudges')}
            result={result}
          />
          <RetentionSection retentionDays={settings.retentionDays} onChange={(retentionDays) => save({ retentionDays }, 'retention')} result={result} />
          <AdaptationSection
            corrections={adaptation.profile.layer.corrections}
            openLogOdds={adaptation.profile.layer.openLogOdds}
            problem={adaptation.problem}
            status={adaptationStatus}
            onReset={onResetAdaptation}
          />
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
