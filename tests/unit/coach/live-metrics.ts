import type { LiveMetrics } from '../../../src/core/session/schema';

/** Live conversation metrics of a quiet visit, with the fields a timeline case sets overridden. */
export const liveMetrics = (over: Partial<LiveMetrics> = {}): LiveMetrics => ({
  turns: 0,
  turnsPerMin: 0,
  interruptions: { clinician: 0, patient: 0 },
  backchannels: { clinician: 0, patient: 0 },
  longestMonologueS: { clinician: 0, patient: 0 },
  clinicianLongMonologues: [],
  clinicianResponseLatencyS: null,
  patientResponseLatencyS: null,
  opening: null,
  floor: null,
  currentTurnS: 0,
  recentClinicianShare: null,
  ...over,
});
