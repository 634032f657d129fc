/**
 * The clinician's questions and reflections with their time and label. The clinician can
 * correct a label; counts and shares follow. Text shows only when it was kept (privacy-local off).
 */
import { effectiveLabel } from '../../core/speech/question-counts';
import { isReviewed, uncertainIds } from '../../core/questions/review';
import { hasEstimates } from '../../core/questions/estimate';
import type { UtteranceLabel } from '../../core/questions/labels';
import type { LabelledUtterance } from '../../core/session/schema';
import { formatClock } from '../format';
import { UTTERANCE_LABEL_TEXT } from './visit-labels';
import { LabelSelect } from './LabelSelect';
import { hasBehaviours, effectiveBehaviours } from '../../core/behaviours/counts';
import { BehaviourPicker, behavioursText, type CorrectBehaviours } from './BehaviourPicker';

export interface UtteranceListProps {
  utterances: readonly LabelledUtterance[];
  /** null when the visit is shown read-only. Passing the classifier's own label clears the correction. */
  onCorrect: ((utteranceId: string, label: UtteranceLabel | null) => void) | null;
  privacyLocal: boolean;
  /** Withdraws the clinician's confirmation of a label (`confirmed` false); null when read-only. */
  onConfirm?: ((utteranceId: string, confirmed: boolean) => void) | null;
  /** Corrects an utterance's listening behaviours; absent: shown read-only. */
  onCorrectBehaviours?: CorrectBehaviours | null;
}

/**
 * How far to trust the automatic labels, so a clinician reads the figures as estimates. From
 * grouped cross-validation on AnnoMI spoken by espeak-ng and transcribed by the shipped Moonshine
 * path (docs/QUESTIONS.md, "Visit level in the product's condition"; all 35 scored DEV visits,
 * three fold partitions): the expert's label on 0.70 of utterances; the estimated open-question
 * share (expected counts, as the summary shows it) off from the expert's by a median of 18–21
 * points, 47–48 at the 90th percentile; R:Q by a median of 0.22–0.24. A single expert simulated against the
 * majority of ten is off by about 15 points on the one ten-coder visit with questions.
 */
export const LABEL_ACCURACY_NOTE =
  'Labels are automatic. On counselling visits coded by motivational-interviewing experts (AnnoMI), spoken and transcribed the way Attune hears you, Attune gives the expert’s label to about 7 in 10 utterances. Its estimated share of open questions is typically within about 20 points of the expert’s (in 1 visit in 10 it is off by 40 or more), and its reflections per question within about 0.25. Experts differ from each other too.';

/** How the skills table counted these labels, by the same test as its figures (estimate.ts `hasEstimates`). */
export const SHARES_ESTIMATED_NOTE = ' The shares in the skills table are estimates that count unsure labels in part; the uncertain labels are the ones most worth correcting.';
export const SHARES_COUNTED_NOTE = ' The shares in the skills table count these labels as listed (this visit was saved before Attune kept how sure it was); the uncertain labels are the ones most worth correcting.';

/**
 * How far the listening skills can be trusted (docs/BEHAVIOURS.md, the held-out TEST set in the
 * ASR form: precision 0.85–1.00 per skill, recall 0.23–0.53, summaries 0.06).
 */
export const BEHAVIOUR_ACCURACY_NOTE =
  'Listening skills are found by wording rules that would rather miss a skill than credit one you did not show. On test sentences written apart from the rules and transcribed the way Attune hears you, a skill it named was right at least 85 times in 100, but it found only a quarter to a half of each skill, and about 1 summary in 15. Tick any it missed.';

export function UtteranceList({ utterances, onCorrect, onConfirm = null, privacyLocal, onCorrectBehaviours = null }: UtteranceListProps) {
  const anyText = utterances.some((u) => u.text);
  const uncertain = uncertainIds(utterances);
  // A visit saved before the behaviour detector has no skills column at all: not measured is not "none".
  const skills = hasBehaviours(utterances);
  return (
    <>
      <p class="attune-muted attune-utterances__accuracy">
        {LABEL_ACCURACY_NOTE}
        {hasEstimates(utterances) ? SHARES_ESTIMATED_NOTE : SHARES_COUNTED_NOTE}
        {onCorrect ? ' Correct any label that is wrong; the counts follow.' : ''}
      </p>
      {skills && <p class="attune-muted attune-utterances__skills-accuracy">{BEHAVIOUR_ACCURACY_NOTE}</p>}
      {!anyText && (
        <p class="attune-muted">
          {privacyLocal ? 'Privacy-local mode: only labels and times were kept, never the words.' : 'No words were kept for this visit: only labels and times.'}
        </p>
      )}
      <table class="attune-utterances">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Label</th>
            {skills && <th scope="col">Listening skills</th>}
            {anyText && <th scope="col">What you said</th>}
          </tr>
        </thead>
        <tbody>
          {utterances.map((u) => {
            const label = effectiveLabel(u);
            const time = formatClock(u.startS);
            return (
              <tr key={u.id} class={u.correctedLabel ? 'attune-utterances__corrected' : undefined}>
                <td>{time}</td>
                <td>
                  {onCorrect ? (
                    <>
                      <span class="attune-print-only">{UTTERANCE_LABEL_TEXT[label]}</span>
                      <LabelSelect utterance={u} time={time} onCorrect={onCorrect} />
                    </>
                  ) : (
                    UTTERANCE_LABEL_TEXT[label]
                  )}
                  {u.correctedLabel && <small class="attune-muted"> (corrected; Attune said {UTTERANCE_LABEL_TEXT[u.label].toLowerCase()})</small>}
                  {u.labelConfirmed && !u.correctedLabel && <Confirmed time={time} onUndo={onConfirm ? () => onConfirm(u.id, false) : null} />}
                  {!isReviewed(u) && uncertain.has(u.id) && <small class="attune-uncertain"> uncertain</small>}
                </td>
                {skills && <SkillsCell utterance={u} time={time} onCorrect={onCorrectBehaviours} />}
                {anyText && <td>{u.text ?? '—'}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** A label the clinician confirmed in the review, with the undo (a confirmation is withdrawn like a correction is). */
function Confirmed({ time, onUndo }: { time: string; onUndo: (() => void) | null }) {
  return (
    <small class="attune-muted attune-utterances__confirmed">
      {' '}
      (you confirmed it
      {onUndo && (
        <span class="attune-utterances__undo">
          ;{' '}
          <button type="button" class="attune-link" aria-label={`Undo your confirmation of the label at ${time}`} onClick={onUndo}>
            undo
          </button>
        </span>
      )}
      )
    </small>
  );
}

function SkillsCell({ utterance: u, time, onCorrect }: { utterance: LabelledUtterance; time: string; onCorrect: CorrectBehaviours | null }) {
  const text = behavioursText(effectiveBehaviours(u));
  return (
    <td class="attune-utterances__skills">
      {onCorrect ? (
        <>
          <span class="attune-print-only">{text}</span>
          <BehaviourPicker utterance={u} time={time} onCorrect={onCorrect} />
        </>
      ) : (
        text
      )}
      {u.correctedBehaviours && <small class="attune-muted"> (corrected; Attune found: {behavioursText(u.behaviours ?? []).toLowerCase()})</small>}
    </td>
  );
}
