/**
 * When talk balance can be judged at all (issue 19.4). A share from a few seconds of one voice
 * ("You 100%" at 0:03, before the patient has said a word) is not a measure of the conversation,
 * so every surface (the panel's bar, the minimized dot, the popup) waits until both sides have
 * spoken this long. 10 s is about two full sentences each (~2.5 words/s): enough for a share to
 * mean "who is carrying the conversation"; the balance nudge itself waits for a full window.
 */
export const BALANCE_MIN_EACH_S = 10;

export interface TalkSoFar {
  clinicianS: number;
  patientS: number;
}

/** Who we are still waiting for before the balance says anything, or null when it can be judged. */
export function balanceWaitingFor(talk: TalkSoFar): 'patient' | 'clinician' | null {
  if (talk.patientS < BALANCE_MIN_EACH_S) return 'patient';
  if (talk.clinicianS < BALANCE_MIN_EACH_S) return 'clinician';
  return null;
}

/** The clinician's share when it can be judged, else null (the surfaces then show no verdict). */
export function judgeableShare(talk: TalkSoFar & { clinicianShare: number | null }): number | null {
  return balanceWaitingFor(talk) === null ? talk.clinicianShare : null;
}
