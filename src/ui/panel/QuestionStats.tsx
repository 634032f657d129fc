/**
 * The clinician's open and closed questions and reflections so far, the open-question share and
 * reflections per question (R:Q) against the clinician's targets. Shown when speech-to-text
 * runs (live.questions); while it loads or fails, one line says so instead of zeros.
 */
import type { LiveQuestions } from '../../core/session/schema';
import { formatPercent } from '../format';

export interface QuestionStatsProps {
  questions: LiveQuestions;
  openShareMin: number;
  reflectionToQuestionMin: number;
}

const STATUS_TEXT: Record<LiveQuestions['status']['state'], string | null> = {
  loading: 'Speech recognition is loading…',
  error: 'Speech recognition is unavailable',
  off: null,
  ready: null,
};

/** Where the targets come from (shown on hover and read by screen readers with the figure). */
export const OPEN_SHARE_SOURCE = 'MITI 3.1.1 (Moyers et al. 2010): at least 50% open questions is beginning proficiency, at least 70% competent.';
export const RQ_SOURCE = 'MITI 4.2.1 (Moyers et al. 2014): at least 1 reflection per question is fair, at least 2 good.';

/** MITI in plain words, on the panel itself (issue 19.9): where the targets come from, not only on hover. */
export function mitiPlainText(openShareMin: number, reflectionToQuestionMin: number): string {
  return (
    `Targets from MITI, the standard way of scoring counselling conversations: at least ${formatPercent(openShareMin)} of your questions open, ` +
    `and at least ${formatRatio(reflectionToQuestionMin)} reflection (saying back what you heard) per question.`
  );
}

export function formatRatio(x: number | null): string {
  return x === null ? '—' : (Math.round(x * 10) / 10).toFixed(1);
}

/** Shown while Chrome's server recognition runs: the one case where something leaves the computer. */
export const SENT_TO_GOOGLE_TEXT = 'Speech sent to Google: Chrome’s speech recognition is transcribing your voice (never the patient’s) on Google’s servers.';

export function QuestionStats({ questions, openShareMin, reflectionToQuestionMin }: QuestionStatsProps) {
  const { counts, status } = questions;
  if (status.state === 'off') return null;
  const statusText = status.state === 'error' && status.message ? status.message : STATUS_TEXT[status.state];
  const openOk = counts.openShare === null || counts.openShare >= openShareMin;
  const rqOk = counts.reflectionToQuestion === null || counts.reflectionToQuestion >= reflectionToQuestionMin;
  return (
    <section class="attune-questions" aria-label="Questions and reflections">
      {status.sentToGoogle && (
        <p class="attune-speech-remote" role="status">
          {SENT_TO_GOOGLE_TEXT}
        </p>
      )}
      {statusText && <p class="attune-panel__note">{statusText}</p>}
      <dl class="attune-counts">
        <div>
          <dt>Open</dt>
          <dd data-count="open">{counts.open}</dd>
        </div>
        <div>
          <dt>Closed</dt>
          <dd data-count="closed">{counts.closed}</dd>
        </div>
        <div>
          <dt>Reflections</dt>
          <dd data-count="reflections">{counts.reflections}</dd>
        </div>
      </dl>
      <dl class="attune-ratios">
        <div class={openOk ? '' : 'attune-ratio--below'}>
          <dt title={OPEN_SHARE_SOURCE}>Open questions</dt>
          <dd>
            {formatPercent(counts.openShare)}
            <span class="attune-ratio__target" title={OPEN_SHARE_SOURCE}>
              {' '}
              (target ≥ {formatPercent(openShareMin)}
              {openOk ? '' : ', below'} · MITI 3.1.1)
            </span>
          </dd>
        </div>
        <div class={rqOk ? '' : 'attune-ratio--below'}>
          <dt title={RQ_SOURCE}>Reflections per question</dt>
          <dd>
            {formatRatio(counts.reflectionToQuestion)}
            <span class="attune-ratio__target" title={RQ_SOURCE}>
              {' '}
              (target ≥ {formatRatio(reflectionToQuestionMin)}
              {rqOk ? '' : ', below'} · MITI 4.2.1)
            </span>
          </dd>
        </div>
      </dl>
      <p class="attune-panel__note attune-questions__miti">{mitiPlainText(openShareMin, reflectionToQuestionMin)}</p>
    </section>
  );
}
