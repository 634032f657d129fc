/**
 * The clinician's corrections of the classifier's labels on the summary page. Counts always
 * use the corrected label where there is one, so a correction changes the visit's figures.
 */
import type { VisitSummary } from '../session/schema';
import type { UtteranceLabel } from '../questions/labels';
import { countQuestions, effectiveLabel } from '../speech/question-counts';
import { BEHAVIOURS, type Behaviour } from '../behaviours/labels';

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

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The visit with one utterance's listening behaviours corrected (issue 16): `behaviours` is the
 * clinician's complete set for it (null, or the detector's own set, removes the correction), and
 * the counts recomputed, the summary-as-complex-reflection relation included. Null when the visit
 * has no such utterance.
 */
export function correctBehaviours(visit: VisitSummary, utteranceId: string, behaviours: readonly Behaviour[] | null): VisitSummary | null {
  const utterances = visit.utterances;
  if (!utterances?.some((u) => u.id === utteranceId)) return null;
  const next = utterances.map((u) => {
    if (u.id !== utteranceId) return u;
    const { correctedBehaviours: _old, ...rest } = u;
    if (behaviours === null || sameSet(behaviours, u.behaviours ?? [])) return rest;
    return { ...rest, correctedBehaviours: BEHAVIOURS.filter((b) => behaviours.includes(b)) };
  });
  return { ...visit, utterances: next, questions: countQuestions(next) };
}
