/**
 * "Review N uncertain labels": the labels the classifier was least sure of, least confident
 * first, each correctable through the same path as the full list (actions.onCorrectLabel). Shown
 * first in the labels section so that a few corrections fix most of the error (issue 13 §4).
 * In privacy-local mode the words come from the background's memory, never from storage
 * (issue 19.5): available for a while after the visit, then gone.
 */
import { reviewQueue } from '../../core/questions/review';
import type { UtteranceLabel } from '../../core/questions/labels';
import type { VisitWordsReply } from '../../core/protocol/messages';
import type { LabelledUtterance } from '../../core/session/schema';
import { formatClock, formatPercent } from '../format';
import { UTTERANCE_LABEL_TEXT } from './visit-labels';
import { LabelSelect } from './LabelSelect';

export const WORDS_IN_MEMORY_NOTE = ' Privacy-local mode: these words are kept in memory only, for an hour after the visit, and never saved.';
export const WORDS_GONE_NOTE =
  ' The words of this visit are gone (the browser was restarted or the review time passed): privacy-local mode never saves them, so only times and labels remain. Use the time to recall what you said.';

export interface ReviewLabelsProps {
  utterances: readonly LabelledUtterance[];
  privacyLocal: boolean;
  /** The words held in memory for a privacy-local visit; null when they are gone; absent while not asked. */
  memoryWords?: VisitWordsReply;
  onCorrect(utteranceId: string, label: UtteranceLabel | null): void;
}

export function ReviewLabels({ utterances, privacyLocal, memoryWords, onCorrect }: ReviewLabelsProps) {
  const fromMemory = new Map((memoryWords ?? []).map((w) => [w.utteranceId, w.text]));
  const queue = reviewQueue(utterances).map((u) => ({ ...u, words: u.text ?? fromMemory.get(u.id) }));
  if (queue.length === 0) return null;
  const anyWords = queue.some((u) => u.words);
  return (
    <section class="attune-review" aria-label="Uncertain labels">
      <h4>
        Review {queue.length} uncertain {queue.length === 1 ? 'label' : 'labels'}
      </h4>
      <p class="attune-muted">
        Attune was least sure of these; the least certain come first. Confirm or change each one: the counts follow.
        {wordsNote(privacyLocal, anyWords, memoryWords)}
      </p>
      <ol class="attune-review__list">
        {queue.map((u) => {
          const time = formatClock(u.startS);
          return (
            <li key={u.id}>
              <span class="attune-review__time">{time}</span> {u.words && <q class="attune-review__words">{u.words}</q>}{' '}
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

function wordsNote(privacyLocal: boolean, anyWords: boolean, memoryWords: VisitWordsReply | undefined): string {
  if (!privacyLocal) return anyWords ? '' : ' No words were kept for this visit, only the time.';
  if (anyWords) return WORDS_IN_MEMORY_NOTE;
  if (memoryWords === null) return WORDS_GONE_NOTE;
  return ' Privacy-local mode kept no words, only the time: use it to recall what you said.';
}
