/**
 * "Review N uncertain labels": the labels the classifier was least sure of, least confident
 * first, each correctable through the same path as the full list (actions.onCorrectLabel) or
 * confirmed as right (actions.onConfirmLabel), after which it counts in full. Shown first in the
 * labels section so that a few corrections fix most of the error (issue 13 §4). A reviewed label
 * leaves the list; the full list below says it was confirmed and can undo that.
 * In privacy-local mode the words come from the background's memory, never from storage
 * (issue 19.5): available for a while after the visit, then gone.
 */
import { useEffect, useRef } from 'preact/hooks';
import { reviewQueue } from '../../core/questions/review';
import type { UtteranceLabel } from '../../core/questions/labels';
import type { VisitWordsReply } from '../../core/protocol/messages';
import type { LabelledUtterance } from '../../core/session/schema';
import { formatClock, formatPercent } from '../format';
import { UTTERANCE_LABEL_TEXT } from './visit-labels';
import { LabelSelect } from './LabelSelect';
import { effectiveLabel } from '../../core/speech/question-counts';

export const WORDS_IN_MEMORY_NOTE = ' Privacy-local mode: these words are kept in memory only, for an hour after the visit, and never saved.';
export const WORDS_GONE_NOTE =
  ' The words of this visit are gone (the browser was restarted or the review time passed): privacy-local mode never saves them, so only times and labels remain. Use the time to recall what you said.';

/** What the labels' status line says after a confirmation, and after one is withdrawn. */
export const CONFIRMED_TEXT = 'Confirmed: that label now counts in full. The list below can undo it.';
export const UNCONFIRMED_TEXT = 'Your confirmation was withdrawn: that label counts by how sure Attune was again.';

export interface ReviewLabelsProps {
  utterances: readonly LabelledUtterance[];
  privacyLocal: boolean;
  /** The words held in memory for a privacy-local visit; null when they are gone; absent while not asked. */
  memoryWords?: VisitWordsReply;
  onCorrect(utteranceId: string, label: UtteranceLabel | null): void;
  onConfirm(utteranceId: string, confirmed: boolean): void;
}

export function ReviewLabels({ utterances, privacyLocal, memoryWords, onCorrect, onConfirm }: ReviewLabelsProps) {
  const fromMemory = new Map((memoryWords ?? []).map((w) => [w.utteranceId, w.text]));
  const queue = reviewQueue(utterances).map((u) => ({ ...u, words: u.text ?? fromMemory.get(u.id) }));
  const listRef = useKeepFocus(queue.map((u) => u.id));
  if (queue.length === 0) return null;
  const anyWords = queue.some((u) => u.words);
  return (
    <section class="attune-review" aria-label="Uncertain labels">
      <h4>
        Review {queue.length} uncertain {queue.length === 1 ? 'label' : 'labels'}
      </h4>
      <p class="attune-muted">
        Attune was least sure of these; the least certain come first. Confirm each one that is right and change each one that is wrong: either way it then counts in full.
        {wordsNote(privacyLocal, anyWords, memoryWords)}
      </p>
      <ol class="attune-review__list" ref={listRef}>
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
              </label>{' '}
              <button
                type="button"
                class="attune-btn attune-review__confirm"
                aria-label={`Confirm ${UTTERANCE_LABEL_TEXT[effectiveLabel(u)].toLowerCase()} at ${time}`}
                onClick={() => onConfirm(u.id, true)}
              >
                Confirm
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/**
 * A reviewed label leaves the list, and with it the control that had the keyboard focus: the
 * focus then moves to the same control of the label now in its place (or the last one), so a
 * keyboard user goes on to the next label instead of back to the top of the page.
 */
function useKeepFocus(ids: readonly string[]) {
  const listRef = useRef<HTMLOListElement>(null);
  const focused = useRef<{ index: number; confirm: boolean } | null>(null);
  const key = ids.join('\n');
  useEffect(() => {
    const list = listRef.current;
    const was = focused.current;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (list && was && lost) {
      const items = list.querySelectorAll('li');
      const item = items[Math.min(was.index, items.length - 1)];
      item?.querySelector<HTMLElement>(was.confirm ? 'button' : 'select')?.focus();
    }
    const onFocus = (e: FocusEvent) => {
      const li = (e.target as HTMLElement).closest('li');
      if (li && list) focused.current = { index: Array.from(list.children).indexOf(li), confirm: (e.target as HTMLElement).tagName === 'BUTTON' };
    };
    // Focus moved elsewhere on purpose: a later change to the list must not pull it back.
    const onBlur = (e: FocusEvent) => {
      if (e.relatedTarget instanceof Node && !list?.contains(e.relatedTarget)) focused.current = null;
    };
    list?.addEventListener('focusin', onFocus);
    list?.addEventListener('focusout', onBlur);
    return () => {
      list?.removeEventListener('focusin', onFocus);
      list?.removeEventListener('focusout', onBlur);
    };
  }, [key]);
  return listRef;
}

function wordsNote(privacyLocal: boolean, anyWords: boolean, memoryWords: VisitWordsReply | undefined): string {
  if (!privacyLocal) return anyWords ? '' : ' No words were kept for this visit, only the time.';
  if (anyWords) return WORDS_IN_MEMORY_NOTE;
  if (memoryWords === null) return WORDS_GONE_NOTE;
  return ' Privacy-local mode kept no words, only the time: use it to recall what you said.';
}
