/**
 * Options: which speech-to-text engine transcribes the clinician (for question and reflection
 * counts), which one actually runs, and why. The choice follows engine-choice.ts, the same rule
 * the engine applies at the start of a visit, so the page never promises what will not happen.
 */
import { ActionStatus, type ActionResult } from '../components/ActionStatus';
import { chooseSpeechEngine, type WebSpeechAvailability } from '../../core/speech/engine-choice';
import type { Settings } from '../../core/settings/settings';
import './speech-section.css';

export interface SpeechSectionProps {
  speechEngine: Settings['speechEngine'];
  privacyLocal: boolean;
  /** What Chrome offers for on-device recognition; null while it is being checked. */
  webSpeech: WebSpeechAvailability | null;
  onSpeechEngineChange(engine: Settings['speechEngine']): void;
  /** The last action's result, shown (and announced) at the end of this section when it came from here. */
  result?: ActionResult | null;
}

const ENGINE_NAMES = { moonshine: 'Moonshine (on this computer)', 'web-speech': 'Chrome speech recognition' } as const;

export function SpeechSection({ speechEngine, privacyLocal, webSpeech, onSpeechEngineChange, result }: SpeechSectionProps) {
  const choice = webSpeech === null ? null : chooseSpeechEngine({ speechEngine, privacyLocal }, { onDevice: webSpeech });
  return (
    <li class="attune-setup__step">
      <h2 id="attune-speech-heading">Speech recognition</h2>
      <p>
        To count your open and closed questions and your reflections, Attune transcribes your microphone during the visit. The
        patient's audio is never transcribed. With privacy-local mode on, only the labels and times are kept, never the words.
      </p>
      <fieldset class="attune-speech__engines" aria-labelledby="attune-speech-heading">
        {(['moonshine', 'web-speech'] as const).map((engine) => (
          <label key={engine} class="attune-speech__engine">
            <input type="radio" name="attune-speech-engine" value={engine} checked={speechEngine === engine} onChange={() => onSpeechEngineChange(engine)} />{' '}
            {ENGINE_NAMES[engine]}
          </label>
        ))}
      </fieldset>
      <p class="attune-speech__running" role="status">
        {choice === null ? (
          'Checking what this browser offers…'
        ) : (
          <>
            <strong>Runs in your visits: {ENGINE_NAMES[choice.engine]}.</strong> {choice.reason}
          </>
        )}
      </p>
      <ActionStatus result={result} area="speech" />
    </li>
  );
}
