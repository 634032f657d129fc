/**
 * Counts of the clinician's questions and reflections, and the two MITI ratios, over labelled
 * utterances. A clinician's correction (`correctedLabel`) wins over the classifier's label.
 */
import type { LabelledUtterance, QuestionCounts } from '../session/schema';

export function effectiveLabel(u: Pick<LabelledUtterance, 'label' | 'correctedLabel'>): LabelledUtterance['label'] {
  return u.correctedLabel ?? u.label;
}

export function countQuestions(utterances: readonly LabelledUtterance[]): QuestionCounts {
  let open = 0;
  let closed = 0;
  let simpleReflections = 0;
  let complexReflections = 0;
  let reflections = 0;
  let other = 0;
  for (const u of utterances) {
    const label = effectiveLabel(u);
    if (label === 'open_question') open++;
    else if (label === 'closed_question') closed++;
    else if (label === 'reflection') {
      reflections++;
      // A corrected reflection keeps its type only if the classifier also called it one.
      if (u.label === 'reflection' && u.reflectionType === 'simple') simpleReflections++;
      if (u.label === 'reflection' && u.reflectionType === 'complex') complexReflections++;
    } else other++;
  }
  const questions = open + closed;
  return {
    open,
    closed,
    reflections,
    simpleReflections,
    complexReflections,
    other,
    openShare: questions === 0 ? null : open / questions,
    reflectionToQuestion: questions === 0 ? null : reflections / questions,
  };
}
