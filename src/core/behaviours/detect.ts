/**
 * Listening behaviours of one clinician utterance (issue 16), and the small streaming state that
 * tells advice given after a permission-ask from advice given without one.
 *
 * Only the clinician's words are there: in privacy-local mode the patient is never transcribed,
 * so a patient who asked for advice ("What should I do?") is not visible and the advice still
 * counts as given without permission. The permission that counts is the clinician's own ask,
 * earlier in the same utterance or in one of the last few utterances (PERMISSION_MEMORY_*).
 * Pure TypeScript; a few dozen regular expressions per sentence, well under 1 ms per utterance.
 */
import { BEHAVIOURS, type Behaviour } from './labels';
import { isAdvice, isAffirmation, isAgenda, isPermission, isTeachBack } from './rules';
import { isSummaryUtterance } from './summary';
import { sentencesOf } from './sentences';

/** A permission-ask covers the advice of this many following clinician utterances… */
export const PERMISSION_MEMORY_UTTERANCES = 3;
/** …or of the following seconds, whichever reaches further (a long explanation is cut into many utterances). */
export const PERMISSION_MEMORY_S = 120;

export interface UtteranceBehaviours {
  /** In `BEHAVIOURS` order, each at most once. */
  behaviours: Behaviour[];
  /** The utterance gave advice or information, with or without permission (the teach-back nudge waits for one). */
  advice: boolean;
}

/**
 * Behaviours of one utterance. `permissionBefore`: the clinician asked permission shortly before
 * (the tracker below decides; the evaluation gives it from the item's preceding utterances).
 */
export function detectBehaviours(text: string, permissionBefore: boolean): UtteranceBehaviours & { permissionAsked: boolean } {
  const found = new Set<Behaviour>();
  let permitted = permissionBefore;
  let permissionAsked = false;
  let advice = false;
  const sentences = sentencesOf(text);
  if (isSummaryUtterance(sentences)) found.add('summary');
  for (const sentence of sentences) {
    if (isAffirmation(sentence)) found.add('affirmation');
    if (isAgenda(sentence)) found.add('agenda');
    if (isTeachBack(sentence)) found.add('teach_back');
    if (isPermission(sentence)) {
      found.add('permission');
      permitted = true;
      permissionAsked = true;
      continue; // "Can I suggest something?" asks; it does not advise
    }
    // What a summary gathers ("… and the drinking helps you unwind") is the patient's, not advice.
    if (!found.has('summary') && isAdvice(sentence)) {
      advice = true;
      if (!permitted) found.add('advice_without_permission');
    }
  }
  return { behaviours: BEHAVIOURS.filter((b) => found.has(b)), advice, permissionAsked };
}

/** Whether any of the clinician's preceding utterances (oldest first, as in the behaviour sets) asked permission. */
export function askedPermission(precedingClinician: readonly string[]): boolean {
  return precedingClinician.slice(-PERMISSION_MEMORY_UTTERANCES).some((text) => detectBehaviours(text, false).permissionAsked);
}

/** What the permission memory needs of an earlier utterance (no text: privacy-local mode keeps none). */
export interface PermissionMark {
  endS: number;
  permissionAsked: boolean;
}

/**
 * Whether the clinician asked permission in one of the `earlier` utterances (oldest first, all
 * before the one at `atS`) that still covers it: among the last PERMISSION_MEMORY_UTTERANCES or
 * within PERMISSION_MEMORY_S.
 */
export function permissionCovers(earlier: readonly PermissionMark[], atS: number): boolean {
  const firstRecent = earlier.length - PERMISSION_MEMORY_UTTERANCES;
  return earlier.some((u, i) => u.permissionAsked && (i >= firstRecent || atS - u.endS <= PERMISSION_MEMORY_S));
}

export interface BehaviourTracker {
  /** The behaviours of the next clinician utterance, in the order spoken; `endS` from the start of the visit. */
  observe(text: string, endS: number): UtteranceBehaviours;
}

/** The streaming state for utterances that arrive in order (the CLI, the evaluation). */
export function createBehaviourTracker(): BehaviourTracker {
  const marks: PermissionMark[] = [];
  return {
    observe(text, endS) {
      const result = detectBehaviours(text, permissionCovers(marks, endS));
      marks.push({ endS, permissionAsked: result.permissionAsked });
      if (marks.length > 64) marks.shift(); // two minutes of utterances at most matter
      return { behaviours: result.behaviours, advice: result.advice };
    },
  };
}
