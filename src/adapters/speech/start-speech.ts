/**
 * Starts the speech-to-text engine for one visit in the engine host: picks the engine from the
 * clinician's settings and what the browser offers (engine-choice.ts), and reports its status.
 */
import type { SpeechStatus } from '../../core/session/schema';
import { chooseSpeechEngine, type SpeechEngineChoice } from '../../core/speech/engine-choice';
import type { Transcriber } from '../../core/speech/transcriber';
import type { Settings } from '../../core/settings/settings';
import { startMoonshineWorker } from './moonshine-worker-client';
import { createWebSpeechTranscriber, probeWebSpeech } from './web-speech';

export interface SpeechHostOptions {
  /** The Moonshine worker script's extension URL. */
  workerUrl: string;
  assetUrl(path: string): string;
}

export interface RunningSpeech {
  transcriber: Transcriber;
  choice: SpeechEngineChoice;
  status(): SpeechStatus;
  /** Status changes after start (the model finished loading, or failed). */
  onStatus(listener: (status: SpeechStatus) => void): void;
}

export async function startSpeech(options: SpeechHostOptions, settings: Pick<Settings, 'speechEngine' | 'privacyLocal'>): Promise<RunningSpeech> {
  // Probing is only needed when the clinician asked for Web Speech.
  const onDevice = settings.speechEngine === 'web-speech' ? await probeWebSpeech() : 'unsupported';
  const choice = chooseSpeechEngine(settings, { onDevice });
  let status: SpeechStatus = { engine: choice.engine, state: 'loading', message: null };
  let listener: (status: SpeechStatus) => void = () => undefined;
  const setStatus = (next: SpeechStatus) => {
    status = next;
    listener(next);
  };
  let transcriber: Transcriber;
  if (choice.engine === 'web-speech') {
    transcriber = createWebSpeechTranscriber({ processLocally: choice.processLocally });
    setStatus({ engine: 'web-speech', state: 'ready', message: null, ...(choice.processLocally ? {} : { sentToGoogle: true }) });
  } else {
    transcriber = startMoonshineWorker({ workerUrl: options.workerUrl, assetUrl: options.assetUrl, onStatus: setStatus });
  }
  return {
    transcriber,
    choice,
    status: () => status,
    onStatus(l) {
      listener = l;
      l(status);
    },
  };
}
