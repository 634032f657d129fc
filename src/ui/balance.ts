/**
 * When the clinician's share of talk time counts as "talking most". One threshold for every
 * surface, so the minimized dot, the bar and the popup change colour (and wording) together.
 */
export const CLINICIAN_SHARE_LIMIT = 0.6;

export type BalanceTone = 'none' | 'balanced' | 'high';

/** `limit`: the clinician's own target (settings.targets.clinicianShareMax) where a surface knows it. */
export function balanceTone(clinicianShare: number | null, limit = CLINICIAN_SHARE_LIMIT): BalanceTone {
  if (clinicianShare === null || !Number.isFinite(clinicianShare)) return 'none';
  return clinicianShare > limit ? 'high' : 'balanced';
}
