/**
 * How long saved visits are kept. The background's retention alarm deletes older ones
 * (src/adapters/background; default 90 days).
 */
import { ActionStatus, type ActionResult } from '../components/ActionStatus';
import './setup.css';

export interface RetentionSectionProps {
  retentionDays: number;
  onChange(days: number): void;
  /** The last action's result, shown (and announced) at the end of this section when it came from here. */
  result?: ActionResult | null;
}

/** The choices offered; 0 keeps visits until the clinician deletes them. */
export const RETENTION_CHOICES: ReadonlyArray<{ days: number; label: string }> = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days (default)' },
  { days: 180, label: '6 months' },
  { days: 365, label: '1 year' },
  { days: 0, label: 'Until I delete them' },
];

export function RetentionSection({ retentionDays, onChange, result }: RetentionSectionProps) {
  const known = RETENTION_CHOICES.some((c) => c.days === retentionDays);
  return (
    <section class="attune-setup__step" aria-labelledby="attune-retention-title">
      <h2 id="attune-retention-title">Keeping visit summaries</h2>
      <p>Summaries hold times, counts and labels only, never audio. They stay on this computer.</p>
      <label>
        Keep summaries for{' '}
        <select value={String(retentionDays)} onChange={(e) => onChange(Number((e.target as HTMLSelectElement).value))}>
          {!known && <option value={String(retentionDays)}>{retentionDays} days</option>}
          {RETENTION_CHOICES.map((c) => (
            <option key={c.days} value={String(c.days)}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <ActionStatus result={result} area="retention" />
    </section>
  );
}
