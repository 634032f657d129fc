/**
 * The clinician's corrections of the classifier's labels and of the listening behaviours found in
 * each utterance, on the summary page. Counts always use the correction where there is one, so a
 * correction changes the visit's figures (countQuestions counts the behaviours too, once measured).
 */
import type { VisitSummary } from '../session/schema';
import type { UtteranceLabel } from '../questions/labels';
import type { Behaviour } from '../behaviours/labels';
import { normalizeBehaviours } from '../behaviours/counts';
import { countQuestions, effectiveLabel } from '../speech/question-counts';

/**
 * The visit with one utterance relabelled (or its correction removed with `label: null`, or a
 * correction equal to the classifier's label), and its counts recomputed. Null when the visit has no such utterance.
 */
export function correctLabel(visit: VisitSummary, utteranceId: string, label: UtteranceLabel | null): VisitSummary | null {
  const utterances = visit.utterances;
  if (!utterances?.some((u) => u.id === utteranceId)) return null;
  const next = utterances.map((u) => {
    if (u.id !== utteranceId) return u;
    const { correctedLabel: _old, ...rest } = u;
    // What it shows without a correction (a summary shows as a reflection even if the classifier said other).
    return label === null || label === effectiveLabel(rest) ? rest : { ...rest, correctedLabel: label };
  });
  return { ...visit, utterances: next, questions: countQuestions(next) };
}

const sameSet = (a: readonly Behaviour[], b: readonly Behaviour[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The visit with one utterance's listening behaviours corrected (issue 16): `behaviours` is the
 * clinician's complete set for it (null, or the detector's own set, removes the correction), and
 * the counts recomputed, the summary-as-complex-reflection relation included. Null when the visit
 * has no such utterance, or the utterance was never measured for behaviours (a visit saved before
 * the detector: correcting one utterance would make the rest read as zeros).
 */
export function correctBehaviours(visit: VisitSummary, utteranceId: string, behaviours: readonly Behaviour[] | null): VisitSummary | null {
  const target = visit.utterances?.find((u) => u.id === utteranceId);
  if (!target || target.behaviours === undefined) return null;
  const next = visit.utterances!.map((u) => {
    if (u.id !== utteranceId) return u;
    const { correctedBehaviours: _old, ...rest } = u;
    const wanted = behaviours === null ? null : normalizeBehaviours(behaviours);
    return wanted === null || sameSet(wanted, u.behaviours ?? []) ? rest : { ...rest, correctedBehaviours: wanted };
  });
  return { ...visit, utterances: next, questions: countQuestions(next) };
}
