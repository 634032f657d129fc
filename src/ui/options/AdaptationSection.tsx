/**
 * What Attune learnt from the clinician's label corrections (src/core/questions/adaptation.ts),
 * and a reset. Two clicks to reset (ConfirmButton); the outcome is announced in a status line.
 */
import './setup.css';
import { Alert } from '../components/Alert';
import { ConfirmButton } from '../summary/ConfirmButton';
import { formatCount } from '../format';

export interface AdaptationSectionProps {
  /** Corrections the layer is fitted on. */
  corrections: number;
  /** The layer's shift of the open-vs-closed log-odds; 0 = the classifier's own labels. */
  openLogOdds: number;
  /** Why the stored adaptation could not be read (then labels are not adapted). */
  problem: string | null;
  /** The outcome of the last reset, announced to screen readers. */
  status: string | null;
  onReset(): void;
}

/** Below this shift (odds within ±5 %) the labels are, in effect, the classifier's own. */
const NOTICEABLE = 0.05;

function describeLean(openLogOdds: number): string {
  if (Math.abs(openLogOdds) < NOTICEABLE) return 'So far it has not changed how it tells open from closed questions.';
  const towards = openLogOdds > 0 ? 'open' : 'closed';
  return `It now leans towards calling a question ${towards} (odds × ${Math.exp(Math.abs(openLogOdds)).toFixed(1)}).`;
}

export function AdaptationSection({ corrections, openLogOdds, problem, status, onReset }: AdaptationSectionProps) {
  return (
    <section class="attune-setup__step" aria-labelledby="attune-adaptation-title">
      <h2 id="attune-adaptation-title">Labels that learn from your corrections</h2>
      <p>
        When you correct a question or reflection label on a visit summary, Attune adjusts to how you tell open from closed questions,
        on this computer. For each correction it keeps the classifier’s four scores and your label, never your words.
      </p>
      <Alert message={problem} />
      {!problem && (
        <p>{corrections === 0 ? 'No corrections yet: labels are the classifier’s own.' : `Learnt from ${formatCount(corrections, 'correction')}. ${describeLean(openLogOdds)}`}</p>
      )}
      {(corrections > 0 || problem) && (
        <ConfirmButton label="Reset what Attune learnt" confirmLabel={problem ? 'Yes, start again' : `Yes, forget ${formatCount(corrections, 'correction')}`} onConfirm={onReset} />
      )}
      <p role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
