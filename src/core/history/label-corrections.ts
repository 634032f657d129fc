/**
 * The clinician's corrections of the classifier's labels on the summary page. Counts always
 * use the corrected label where there is one, so a correction changes the visit's figures.
 */
import type { LabelledUtterance, QuestionCounts, VisitSummary } from '../session/schema';
import type { UtteranceLabel } from '../questions/labels';

export const effectiveLabel = (u: LabelledUtterance): UtteranceLabel => u.correctedLabel ?? u.label;

/** Question and reflection counts over the utterances, corrections applied. */
export function countUtterances(utterances: readonly LabelledUtterance[]): QuestionCounts {
  const c = { open: 0, closed: 0, reflections: 0, simpleReflections: 0, complexReflections: 0, other: 0 };
  for (const u of utterances) {
    const label = effectiveLabel(u);
    if (label === 'open_question') c.open++;
    else if (label === 'closed_question') c.closed++;
    else if (label === 'reflection') {
      c.reflections++;
      // The subtype belongs to the classifier's reflection; a reflection the clinician relabelled has none.
      if (u.label === 'reflection' && u.reflectionType === 'simple') c.simpleReflections++;
      if (u.label === 'reflection' && u.reflectionType === 'complex') c.complexReflections++;
    } else c.other++;
  }
  const questions = c.open + c.closed;
  return { ...c, openShare: questions ? c.open / questions : null, reflectionToQuestion: questions ? c.reflections / questions : null };
}

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
    return label === null || label === u.label ? rest : { ...rest, correctedLabel: label };
  });
  return { ...visit, utterances: next, questions: countUtterances(next) };
}
