/**
 * The collapsed panel: a small pill tinted by talk balance, reading "You 30%" (who and what the
 * number is, issue 19.9) and saying it in its accessible name (colour is never the only signal).
 */
import type { RefObject } from 'preact';
import { balanceTone } from '../balance';
import { formatPercent } from '../format';

export interface MinimizedDotProps {
  /** Null when not coaching or before the balance can be judged (both sides spoke BALANCE_MIN_EACH_S). */
  clinicianShare: number | null;
  /** The clinician's target (settings.targets.clinicianShareMax): above it the dot turns amber. */
  limit?: number;
  active: boolean;
  /** The panel's root ref: while minimized the dot is the element that is positioned and focused. */
  dotRef: RefObject<HTMLElement>;
  style?: Record<string, string>;
  onRestore(): void;
}

export function dotLabel(active: boolean, clinicianShare: number | null): string {
  if (!active) return 'Attune (minimized). Restore panel';
  if (clinicianShare === null) return 'Attune: too early to judge the talk balance. Restore panel';
  return `Attune: you ${formatPercent(clinicianShare)} of talk time. Restore panel`;
}

export function MinimizedDot({ clinicianShare, limit, active, dotRef, style, onRestore }: MinimizedDotProps) {
  const share = active ? clinicianShare : null;
  const tone = balanceTone(share, limit);
  return (
    <button
      type="button"
      ref={dotRef as RefObject<HTMLButtonElement>}
      class={`attune-theme attune-dot attune-dot--${tone}`}
      style={style}
      aria-label={dotLabel(active, clinicianShare)}
      title={dotLabel(active, clinicianShare)}
      onClick={onRestore}
    >
      <span aria-hidden="true">{share === null ? 'A' : `You ${formatPercent(share)}`}</span>
    </button>
  );
}
