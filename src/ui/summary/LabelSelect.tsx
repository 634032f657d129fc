/**
 * The dropdown that corrects one utterance's label, shared by the full list and the review of
 * uncertain labels so both correct the same way: choosing the classifier's own label again
 * clears the correction.
 */
import { effectiveLabel } from '../../core/speech/question-counts';
import { UTTERANCE_LABELS, type UtteranceLabel } from '../../core/questions/labels';
import type { LabelledUtterance } from '../../core/session/schema';
import { UTTERANCE_LABEL_TEXT } from './visit-labels';

export interface LabelSelectProps {
  utterance: LabelledUtterance;
  /** The utterance's start as the clinician reads it ("1:05"), for the accessible name. */
  time: string;
  onCorrect(utteranceId: string, label: UtteranceLabel | null): void;
}

export function LabelSelect({ utterance, time, onCorrect }: LabelSelectProps) {
  return (
    <select
      aria-label={`Label of what you said at ${time}`}
      value={effectiveLabel(utterance)}
      onChange={(e) => {
        const next = (e.currentTarget as HTMLSelectElement).value as UtteranceLabel;
        onCorrect(utterance.id, next === utterance.label ? null : next);
      }}
    >
      {UTTERANCE_LABELS.map((l) => (
        <option key={l} value={l}>
          {UTTERANCE_LABEL_TEXT[l]}
        </option>
      ))}
    </select>
  );
}
