/**
 * When the clinician's share of talk time counts as "talking most". One threshold for every
 * surface, so the minimized dot, the bar and the popup change colour (and wording) together.
 */
export const CLINICIAN_SHARE_LIMIT = 0.6;

export type BalanceTone = 'none' | 'balanced' | 'high';

export function balanceTone(clinicianShare: number | null): BalanceTone {
  if (clinicianShare === null || !Number.isFinite(clinicianShare)) return 'none';
  return clinicianShare > CLINICIAN_SHARE_LIMIT ? 'high' : 'balanced';
}
