/**
 * "Check N listening skills Attune found" (issue 16): every utterance the detector credited with
 * a listening skill or faulted for advice without asking, until the clinician confirms or
 * corrects it (a wrong "well done" is worse than a missing one). Beside the review of uncertain
 * labels, with the same words: from the saved visit, or from memory for a privacy-local visit.
 */
import { behaviourReviewQueue } from '../../core/behaviours/review';
import type { VisitWordsReply } from '../../core/protocol/messages';
import type { LabelledUtterance } from '../../core/session/schema';
import { formatClock } from '../format';
import { BehaviourPicker, behavioursText, type CorrectBehaviours } from './BehaviourPicker';

export interface ReviewBehavioursProps {
  utterances: readonly LabelledUtterance[];
  memoryWords?: VisitWordsReply;
  onCorrect: CorrectBehaviours;
}

export function ReviewBehaviours({ utterances, memoryWords, onCorrect }: ReviewBehavioursProps) {
  const fromMemory = new Map((memoryWords ?? []).map((w) => [w.utteranceId, w.text]));
  const queue = behaviourReviewQueue(utterances);
  if (queue.length === 0) return null;
  return (
    <section class="attune-review attune-review--behaviours" aria-label="Listening skills to check">
      <h4>
        Check {queue.length} listening {queue.length === 1 ? 'skill' : 'skills'} Attune found
      </h4>
      <p class="attune-muted">
        Open each one to confirm or change it: untick what you did not do, tick what Attune missed. The counts, the skills table and your trends follow.
      </p>
      <ol class="attune-review__list">
        {queue.map((u) => {
          const time = formatClock(u.startS);
          const words = u.text ?? fromMemory.get(u.id);
          return (
            <li key={u.id}>
              <span class="attune-review__time">{time}</span> {words && <q class="attune-review__words">{words}</q>}{' '}
              <span class="attune-muted">Attune found: {behavioursText(u.behaviours ?? []).toLowerCase()}.</span>{' '}
              <BehaviourPicker utterance={u} time={time} onCorrect={onCorrect} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
