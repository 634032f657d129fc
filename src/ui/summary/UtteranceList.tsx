/**
 * The clinician's questions and reflections with their time and label. The clinician can
 * correct a label; counts and shares follow. Text shows only when it was kept (privacy-local off).
 */
import { effectiveLabel } from '../../core/speech/question-counts';
import { isUncertain } from '../../core/questions/review';
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
  /** Corrects an utterance's listening behaviours; absent: shown read-only. */
  onCorrectBehaviours?: CorrectBehaviours | null;
}

/**
 * How far to trust the automatic labels, so a clinician reads the counts as estimates. From
 * grouped cross-validation on AnnoMI (docs/QUESTIONS.md, "Visit level"): the expert's label on
 * 0.72–0.75 of utterances; per visit, the open-question share (from the labels, as the summary
 * counts it) is off from the expert's by a median of 15 points on punctuated text and 19 on
 * lower-case text, 42–58 at the 90th percentile; a single expert simulated against the
 * majority of ten is off by about 15 points on the one ten-coder visit with questions.
 */
export const LABEL_ACCURACY_NOTE =
  'Labels are automatic. On counselling visits coded by motivational-interviewing experts (AnnoMI), Attune gives the expert’s label to about 3 in 4 utterances, and its share of open questions is typically within 15–20 points of the expert’s (in 1 visit in 10 it is off by 40 or more). Experts differ from each other too. Read the counts as estimates.';

export function UtteranceList({ utterances, onCorrect, privacyLocal, onCorrectBehaviours = null }: UtteranceListProps) {
  const anyText = utterances.some((u) => u.text);
  // A visit saved before the behaviour detector has no skills column at all: not measured is not "none".
  const skills = hasBehaviours(utterances);
  return (
    <>
      <p class="attune-muted attune-utterances__accuracy">
        {LABEL_ACCURACY_NOTE}
        {onCorrect ? ' Correct any label that is wrong; the counts follow.' : ''}
      </p>
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
                  {!u.correctedLabel && isUncertain(u) && <small class="attune-uncertain"> uncertain</small>}
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
