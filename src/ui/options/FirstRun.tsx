/**
 * First run: before the first visit, the clinician confirms that patients are informed that
 * Attune is used, as their clinic's policy requires. Shown above the setup steps until confirmed;
 * it does not block the microphone step.
 */
import '../theme.css';
import '../components/components.css';
import './setup.css';
import { useId, useState } from 'preact/hooks';

export interface FirstRunProps {
  confirmed: boolean;
  onConfirm(): void;
}

export const PATIENTS_INFORMED_TEXT = 'My patients are informed that I use Attune during video visits, as my clinic’s policy requires.';

export function FirstRun({ confirmed, onConfirm }: FirstRunProps) {
  const headingId = useId();
  const [ticked, setTicked] = useState(false);
  if (confirmed) return null;
  return (
    <section class="attune-theme attune-firstrun" aria-labelledby={headingId}>
      <div class="attune-setup__inner">
        <h2 id={headingId}>Before your first visit</h2>
        <p>
          Attune listens to your microphone and times the patient’s audio during a visit, on this computer only. It never records
          audio, never transcribes the patient and sends nothing anywhere. Saved visits hold figures (talk times, counts of your
          questions and reflections) and are deleted after 90 days unless you change that.
        </p>
        <p>Many clinics ask that patients are told when a coaching tool runs during their visit. Please confirm before you start.</p>
        <label class="attune-firstrun__confirm">
          <input type="checkbox" checked={ticked} onChange={(e) => setTicked((e.currentTarget as HTMLInputElement).checked)} /> {PATIENTS_INFORMED_TEXT}
        </label>
        <button type="button" class="attune-btn attune-btn--primary" disabled={!ticked} onClick={onConfirm}>
          Confirm
        </button>
      </div>
    </section>
  );
}
