/**
 * Counts of the clinician's questions and reflections, and the two MITI ratios, over labelled
 * utterances. A clinician's correction (`correctedLabel`) wins over the classifier's label.
 *
 * Summaries and reflections (issue 16): MITI codes a summary as a complex reflection, so an
 * utterance whose behaviours include `summary` counts as a complex reflection whatever the
 * question classifier said ("So far you've told me …, … and …. Did I get that right?" included),
 * unless the clinician corrected its label. One relation, here, for the counts, the panel, the
 * summary page's labels and the timeline (they all read `effectiveLabel`).
 */
import { countBehaviours, effectiveBehaviours, hasBehaviours } from '../behaviours/counts';
import type { LabelledUtterance, QuestionCounts } from '../session/schema';

type Labelled = Pick<LabelledUtterance, 'label' | 'correctedLabel' | 'behaviours' | 'correctedBehaviours'>;

const isSummary = (u: Labelled) => effectiveBehaviours(u).includes('summary');

export function effectiveLabel(u: Labelled): LabelledUtterance['label'] {
  return u.correctedLabel ?? (isSummary(u) ? 'reflection' : u.label);
}

/**
 * `withBehaviours`: include the behaviour counts (default: when the detector ran on any utterance;
 * the live pipeline always includes them, zeros before the first utterance).
 */
export function countQuestions(utterances: readonly LabelledUtterance[], withBehaviours = hasBehaviours(utterances)): QuestionCounts {
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
      // A summary is a complex reflection; otherwise a corrected reflection keeps its type only
      // if the classifier also called it one.
      if (isSummary(u)) complexReflections++;
      else if (u.label === 'reflection' && u.reflectionType === 'simple') simpleReflections++;
      else if (u.label === 'reflection' && u.reflectionType === 'complex') complexReflections++;
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
    ...(withBehaviours && { behaviours: countBehaviours(utterances) }),
  };
}
