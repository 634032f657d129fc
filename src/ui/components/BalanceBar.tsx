/**
 * Clinician vs patient share of talk time as one horizontal bar. The percentages and names are
 * always printed and a sentence states when the clinician is talking most, so colour is never
 * the only signal.
 */
import '../theme.css';
import './components.css';
import { balanceTone } from '../balance';
import { formatSharePair } from '../format';

export interface BalanceBarProps {
  /** clinicianS / (clinicianS + patientS); null before anyone has spoken. */
  clinicianShare: number | null;
}

export function BalanceBar({ clinicianShare }: BalanceBarProps) {
  const tone = balanceTone(clinicianShare);
  const pair = formatSharePair(clinicianShare);
  const youPct = clinicianShare === null ? 0 : Math.min(100, Math.max(0, clinicianShare * 100));
  return (
    <div class={`attune-balance attune-balance--${tone}`}>
      <div class="attune-balance__legend">
        <span class="attune-balance__you">
          <span class="attune-swatch attune-swatch--you" aria-hidden="true" />
          You <strong>{pair.you}</strong>
        </span>
        <span class="attune-balance__patient">
          Patient <strong>{pair.patient}</strong>
          <span class="attune-swatch attune-swatch--patient" aria-hidden="true" />
        </span>
      </div>
      {/* The bar repeats the legend visually; hidden from assistive tech to avoid reading it twice. */}
      <div class="attune-balance__track" aria-hidden="true">
        {tone !== 'none' && (
          <>
            <div class="attune-balance__fill attune-balance__fill--you" style={{ width: `${youPct}%` }} />
            <div class="attune-balance__fill attune-balance__fill--patient" style={{ width: `${100 - youPct}%` }} />
          </>
        )}
      </div>
      <p class="attune-balance__hint">
        {tone === 'none' && 'No speech yet'}
        {tone === 'balanced' && 'Balanced conversation'}
        {tone === 'high' && 'You are doing most of the talking'}
      </p>
    </div>
  );
}
