/**
 * Visits too short to score (issue 19.2). A 3–8 s visit (a test, a misclick, a dropped call) got
 * a full skills table ("open questions 100% Met", "19.5 turns per minute") and led the trends
 * ("Latest 100%"). Such a visit is still saved, with its times, but it is not scored: no skills,
 * no observations, no goal suggestions, and it is out of the trends and goal progress, because
 * every metric reads visits through `metricValue`/`assess` (metrics.ts), which skip it.
 *
 * Why these minimums: under a minute no per-minute rate or share means anything (the talk
 * timeline's bins are 60 s, and an uninterrupted opening statement alone takes ~1–2 min); and a
 * visit in which the two voices together spoke under 20 s (a muted microphone, a call that never
 * connected) measured no conversation. There is deliberately no minimum for the patient alone:
 * a 10-minute visit in which the clinician did nearly all the talking is exactly the one to score.
 * Computed from stored fields, so it applies to visits saved before it existed and needs no
 * schema change.
 */
import type { VisitSummary } from '../session/schema';

/** A visit shorter than this is not scored, s. */
export const MIN_SCORED_VISIT_S = 60;
/** A visit whose clinician + patient speech is below this is not scored, s. */
export const MIN_SCORED_SPEECH_S = 20;

export function isTooShortToScore(visit: Pick<VisitSummary, 'durationS' | 'clinicianS' | 'patientS'>): boolean {
  return visit.durationS < MIN_SCORED_VISIT_S || visit.clinicianS + visit.patientS < MIN_SCORED_SPEECH_S;
}
