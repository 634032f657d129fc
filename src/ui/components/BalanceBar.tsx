/**
 * Clinician vs patient share of talk time as one horizontal bar, with the clinician's target
 * zone (their share up to `targetMax`) marked under it. The percentages and names are always
 * printed and a sentence states when the clinician is over the target, so colour is never the
 * only signal.
 */
import '../theme.css';
import './components.css';
import { balanceTone, CLINICIAN_SHARE_LIMIT } from '../balance';
import { formatPercent, formatSharePair } from '../format';
import { balanceWaitingFor, type TalkSoFar } from '../../core/coach/balance-verdict';

export interface BalanceBarProps {
  /** clinicianS / (clinicianS + patientS); null before anyone has spoken. */
  clinicianShare: number | null;
  /** Highest clinician share in the target zone (settings.targets.clinicianShareMax). */
  targetMax?: number;
  /** Show the target zone under the bar (the panel does; compact surfaces may not). */
  showTarget?: boolean;
  /** Talk so far: until both sides have spoken BALANCE_MIN_EACH_S the bar gives no verdict. */
  talk?: TalkSoFar;
}

const WAITING_TEXT = { patient: 'Waiting for the patient to speak', clinician: 'Waiting for you to speak' } as const;

export function BalanceBar({ clinicianShare: rawShare, targetMax = CLINICIAN_SHARE_LIMIT, showTarget = false, talk }: BalanceBarProps) {
  const waitingFor = talk && rawShare !== null ? balanceWaitingFor(talk) : null;
  const clinicianShare = waitingFor ? null : rawShare;
  const tone = balanceTone(clinicianShare, targetMax);
  const pair = formatSharePair(clinicianShare);
  const youPct = clinicianShare === null ? 0 : Math.min(100, Math.max(0, clinicianShare * 100));
  const targetPct = Math.min(100, Math.max(0, targetMax * 100));
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
      <div class="attune-balance__scale" aria-hidden="true">
        <div class="attune-balance__track">
          {tone !== 'none' && (
            <>
              <div class="attune-balance__fill attune-balance__fill--you" style={{ width: `${youPct}%` }} />
              <div class="attune-balance__fill attune-balance__fill--patient" style={{ width: `${100 - youPct}%` }} />
            </>
          )}
        </div>
        {showTarget && (
          <>
            <div class="attune-balance__marker" style={{ left: `${targetPct}%` }} />
            <div class="attune-balance__zone" style={{ width: `${targetPct}%` }} />
          </>
        )}
      </div>
      <div class="attune-balance__foot">
        <p class="attune-balance__hint">
          {tone === 'none' && (waitingFor ? WAITING_TEXT[waitingFor] : 'No speech yet')}
          {tone === 'balanced' && 'Balanced conversation'}
          {tone === 'high' && 'You are doing most of the talking'}
        </p>
        {/* The legend of the thin bar under the main one: it spans the shares that meet the target. */}
        {showTarget && <span class="attune-balance__target">Thin bar: your target, you ≤ {formatPercent(targetMax)}</span>}
      </div>
    </div>
  );
}
