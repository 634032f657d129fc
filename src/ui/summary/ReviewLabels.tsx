/**
 * "Review N uncertain labels": the labels the classifier was least sure of, least confident
 * first, each correctable through the same path as the full list (actions.onCorrectLabel). Shown
 * first in the labels section so that a few corrections fix most of the error (issue 13 §4).
 */
import { reviewQueue } from '../../core/questions/review';
import type { UtteranceLabel } from '../../core/questions/labels';
import type { LabelledUtterance } from '../../core/session/schema';
import { formatClock, formatPercent } from '../format';
import { UTTERANCE_LABEL_TEXT } from './visit-labels';
import { LabelSelect } from './LabelSelect';

export interface ReviewLabelsProps {
  utterances: readonly LabelledUtterance[];
  privacyLocal: boolean;
  onCorrect(utteranceId: string, label: UtteranceLabel | null): void;
}

export function ReviewLabels({ utterances, privacyLocal, onCorrect }: ReviewLabelsProps) {
  const queue = reviewQueue(utterances);
  if (queue.length === 0) return null;
  const anyText = queue.some((u) => u.text);
  return (
    <section class="attune-review" aria-label="Uncertain labels">
      <h4>
        Review {queue.length} uncertain {queue.length === 1 ? 'label' : 'labels'}
      </h4>
      <p class="attune-muted">
        Attune was least sure of these; the least certain come first. Confirm or change each one: the counts follow.
        {!anyText &&
          (privacyLocal
            ? ' Privacy-local mode kept no words, only the time: use it to recall what you said.'
            : ' No words were kept for this visit, only the time.')}
      </p>
      <ol class="attune-review__list">
        {queue.map((u) => {
          const time = formatClock(u.startS);
          return (
            <li key={u.id}>
              <span class="attune-review__time">{time}</span> {u.text && <q class="attune-review__words">{u.text}</q>}{' '}
              <label>
                <span class="attune-muted">
                  Attune said {UTTERANCE_LABEL_TEXT[u.label].toLowerCase()} ({formatPercent(u.confidence)} sure):{' '}
                </span>
                <LabelSelect utterance={u} time={time} onCorrect={onCorrect} />
              </label>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
