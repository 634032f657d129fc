/**
 * The clinician's questions and reflections on the panel: counts, the open-question share and
 * reflections per question, each against its published target (MITI). Not a live region: the
 * counts change during the call and reading them out would talk over the patient; each figure
 * carries its meaning in words for screen readers.
 */
import type { LiveQuestions, SpeechStatus } from '../../core/session/schema';
import { formatPercent } from '../format';
import './question-counters.css';

/** MITI 3.1.1 (Moyers et al., 2010): percent open questions. */
export const OPEN_SHARE_TARGETS = { beginning: 0.5, competent: 0.7, source: 'MITI 3.1.1' } as const;
/** MITI 4.2.1 (Moyers et al., 2014): reflection-to-question ratio. */
export const REFLECTION_RATIO_TARGETS = { fair: 1, good: 2, source: 'MITI 4.2.1' } as const;

export function openShareLevel(share: number | null): string | null {
  if (share === null) return null;
  if (share >= OPEN_SHARE_TARGETS.competent) return 'competent';
  if (share >= OPEN_SHARE_TARGETS.beginning) return 'beginning proficiency';
  return 'below target';
}

export function reflectionRatioLevel(ratio: number | null): string | null {
  if (ratio === null) return null;
  if (ratio >= REFLECTION_RATIO_TARGETS.good) return 'good';
  if (ratio >= REFLECTION_RATIO_TARGETS.fair) return 'fair';
  return 'below target';
}

const formatRatio = (ratio: number | null) => (ratio === null ? '—' : ratio.toFixed(1));

function statusText(status: SpeechStatus): string | null {
  if (status.state === 'loading') return 'Loading speech recognition…';
  if (status.state === 'error') return `Speech recognition stopped: ${status.message ?? 'unknown error'}`;
  if (status.state === 'off') return 'Speech recognition is off.';
  return null;
}

export function QuestionCounters({ questions }: { questions: LiveQuestions | undefined }) {
  if (!questions) return null;
  const { counts, status } = questions;
  const note = statusText(status);
  const openLevel = openShareLevel(counts.openShare);
  const ratioLevel = reflectionRatioLevel(counts.reflectionToQuestion);
  return (
    <section class="attune-questions" aria-label="Your questions and reflections">
      <dl class="attune-questions__counts">
        <div>
          <dt>Open questions</dt>
          <dd data-count="open">{counts.open}</dd>
        </div>
        <div>
          <dt>Closed questions</dt>
          <dd data-count="closed">{counts.closed}</dd>
        </div>
        <div>
          <dt>Reflections</dt>
          <dd data-count="reflections">{counts.reflections}</dd>
        </div>
      </dl>
      <ul class="attune-questions__targets">
        <li class={`attune-questions__target attune-questions__target--${counts.openShare === null ? 'none' : openLevel === 'below target' ? 'low' : 'ok'}`}>
          <span class="attune-questions__figure">{formatPercent(counts.openShare)}</span> open
          {openLevel && <span class="attune-questions__level"> · {openLevel}</span>}
          <span class="attune-questions__source">
            Target: at least 50% (beginning), 70% (competent), {OPEN_SHARE_TARGETS.source}
          </span>
        </li>
        <li
          class={`attune-questions__target attune-questions__target--${counts.reflectionToQuestion === null ? 'none' : ratioLevel === 'below target' ? 'low' : 'ok'}`}
        >
          <span class="attune-questions__figure">{formatRatio(counts.reflectionToQuestion)}</span> reflections per question
          {ratioLevel && <span class="attune-questions__level"> · {ratioLevel}</span>}
          <span class="attune-questions__source">Target: at least 1 (fair), 2 (good), {REFLECTION_RATIO_TARGETS.source}</span>
        </li>
      </ul>
      {note && (
        <p class="attune-questions__status" role="status">
          {note}
        </p>
      )}
    </section>
  );
}
