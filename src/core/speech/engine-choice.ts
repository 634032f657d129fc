/**
 * Which speech-to-text engine runs, and why (the options page shows the reason).
 *
 * Moonshine runs on this computer and is always allowed. Chrome's Web Speech API runs only
 * when the clinician chose it AND privacy allows it: with privacy-local mode on, only if Chrome
 * reports on-device recognition (`processLocally`) as `available` — its default mode sends the
 * audio to Google's servers.
 */
import type { Settings } from '../settings/settings';

/** What the browser offers (probed by the adapter; `unsupported` when there is no API at all). */
export type WebSpeechAvailability = 'available' | 'downloadable' | 'downloading' | 'unavailable' | 'unsupported';

export interface SpeechEngineChoice {
  engine: 'moonshine' | 'web-speech';
  /** For Web Speech: recognise on the device only. */
  processLocally: boolean;
  /** One sentence for the clinician. */
  reason: string;
}

export function chooseSpeechEngine(
  settings: Pick<Settings, 'speechEngine' | 'privacyLocal'>,
  webSpeech: { onDevice: WebSpeechAvailability },
): SpeechEngineChoice {
  const moonshine = (reason: string): SpeechEngineChoice => ({ engine: 'moonshine', processLocally: false, reason });
  if (settings.speechEngine === 'moonshine') {
    return moonshine('Moonshine runs on this computer: your words never leave it.');
  }
  if (webSpeech.onDevice === 'unsupported') {
    return moonshine("This browser has no Web Speech recognition that can listen to a call's audio, so Moonshine (on this computer) runs instead.");
  }
  if (webSpeech.onDevice === 'available') {
    return { engine: 'web-speech', processLocally: true, reason: "Chrome's speech recognition runs on this computer (its on-device language pack is installed)." };
  }
  if (settings.privacyLocal) {
    return moonshine(
      "Privacy-local mode is on and Chrome's on-device recognition is not installed here; Chrome's default recognition would send your voice to Google, so Moonshine (on this computer) runs instead.",
    );
  }
  return {
    engine: 'web-speech',
    processLocally: false,
    reason: "Chrome's speech recognition runs, as you chose with privacy-local mode off: Chrome sends your voice (never the patient's) to Google to transcribe it.",
  };
}
