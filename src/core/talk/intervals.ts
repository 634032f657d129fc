import type { Interval } from '../session/schema';

/** Interval arithmetic on sorted, non-overlapping [startS, endS] lists. */

export function totalSeconds(intervals: readonly Interval[]): number {
  let sum = 0;
  for (const [a, b] of intervals) sum += b - a;
  return sum;
}

/** Seconds covered by both lists (two-pointer sweep, linear time). */
export function overlapSeconds(x: readonly Interval[], y: readonly Interval[]): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < x.length && j < y.length) {
    const [a0, a1] = x[i]!;
    const [b0, b1] = y[j]!;
    sum += Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
    if (a1 < b1) i++;
    else j++;
  }
  return sum;
}

/** clinician / (clinician + patient), or null before anyone spoke. */
export function clinicianShare(clinicianS: number, patientS: number): number | null {
  const total = clinicianS + patientS;
  return total > 0 ? clinicianS / total : null;
}

export const roundTo = (value: number, digits: number): number => {
  const k = 10 ** digits;
  return Math.round(value * k) / k;
};
