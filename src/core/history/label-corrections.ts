/**
 * The clinician's corrections of the classifier's labels and of the listening behaviours found in
 * each utterance, on the summary page. Counts always use the correction where there is one, so a
 * correction changes the visit's figures (countQuestions counts the behaviours too, once measured).
 */
import type { LabelledUtterance, VisitSummary } from '../session/schema';
import type { UtteranceLabel } from '../questions/labels';
import type { Behaviour } from '../behaviours/labels';
import { normalizeBehaviours } from '../behaviours/counts';
import { countQuestions, effectiveLabel } from '../speech/question-counts';

/**
 * The visit with one utterance relabelled (or its correction removed with `label: null`, or a
 * correction equal to the classifier's label), and its counts recomputed. Null when the visit has no such utterance.
 * Any change here is a new verdict, so it also withdraws a confirmation: choosing the label it
 * shows uncorrected is the dropdown's undo, and the clinician confirms with the review's button.
 */
export function correctLabel(visit: VisitSummary, utteranceId: string, label: UtteranceLabel | null): VisitSummary | null {
  return relabel(visit, utteranceId, (u) => {
    const { correctedLabel: _old, labelConfirmed: _confirmed, ...rest } = u;
    // What it shows without a correction (a summary shows as a reflection even if the classifier said other).
    return label === null || label === effectiveLabel(rest) ? rest : { ...rest, correctedLabel: label };
  });
}

/**
 * The visit with the clinician's confirmation of one utterance's label recorded (`confirmed`) or
 * withdrawn, and its counts recomputed: a confirmed label counts in full in the estimates
 * (estimate.ts) without being a correction. A corrected label already counts in full, so
 * confirming it changes nothing. Null when the visit has no such utterance.
 */
export function confirmLabel(visit: VisitSummary, utteranceId: string, confirmed: boolean): VisitSummary | null {
  return relabel(visit, utteranceId, (u) => {
    const { labelConfirmed: _old, ...rest } = u;
    return confirmed && !u.correctedLabel ? { ...rest, labelConfirmed: true } : rest;
  });
}

function relabel(visit: VisitSummary, utteranceId: string, change: (u: LabelledUtterance) => LabelledUtterance): VisitSummary | null {
  const utterances = visit.utterances;
  if (!utterances?.some((u) => u.id === utteranceId)) return null;
  const next = utterances.map((u) => (u.id === utteranceId ? change(u) : u));
  return { ...visit, utterances: next, questions: countQuestions(next) };
}

const sameSet = (a: readonly Behaviour[], b: readonly Behaviour[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The visit with one utterance's listening behaviours corrected (issue 16): `behaviours` is the
 * clinician's complete set for it (null, or the detector's own set, removes the correction), and
 * the counts recomputed, the summary-as-complex-reflection relation included. Null when the visit
 * has no such utterance, or the utterance was never measured for behaviours (a visit saved before
 * the detector: correcting one utterance would make the rest read as zeros). A confirmed label
 * whose shown label changes with it (a summary shows as a reflection) loses the confirmation: the
 * clinician confirmed what was shown then.
 */
export function correctBehaviours(visit: VisitSummary, utteranceId: string, behaviours: readonly Behaviour[] | null): VisitSummary | null {
  const target = visit.utterances?.find((u) => u.id === utteranceId);
  if (!target || target.behaviours === undefined) return null;
  return relabel(visit, utteranceId, (u) => {
    const { correctedBehaviours: _old, ...rest } = u;
    const wanted = behaviours === null ? null : normalizeBehaviours(behaviours);
    const changed = wanted === null || sameSet(wanted, u.behaviours ?? []) ? rest : { ...rest, correctedBehaviours: wanted };
    if (!changed.labelConfirmed || effectiveLabel(changed) === effectiveLabel(u)) return changed;
    const { labelConfirmed: _confirmed, ...unconfirmed } = changed;
    return unconfirmed;
  });
}
