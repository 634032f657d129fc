/**
 * One saved visit in full: when, where, how long; the skills with their targets and evidence;
 * what went well and what to try; who talked how much; the conversation metrics; the timeline
 * with questions, gaze and nudges; the questions and reflections (correctable); a goal for
 * the next visit; and export, print and delete.
 */
import { useId } from 'preact/hooks';
import { makeGoal, suggestGoals } from '../../core/history/goals';
import { visitMetricRows } from '../../core/history/metrics';
import { observeVisit } from '../../core/history/observations';
import { isTooShortToScore, MIN_SCORED_SPEECH_S, MIN_SCORED_VISIT_S } from '../../core/history/too-short';
import type { VisitSummary } from '../../core/session/schema';
import { formatDate, formatDuration, formatSharePair, formatTime } from '../format';
import { endReasonText, siteLabel } from '../labels';
import { DEFAULT_CONTEXT, type SummaryActions, type SummaryContext } from './actions';
import { ActionStatus } from '../components/ActionStatus';
import { ConfirmButton } from './ConfirmButton';
import { ConversationFacts } from './ConversationFacts';
import { GoalPicker } from './GoalPicker';
import { MetricTable } from './MetricTable';
import { Observations } from './Observations';
import { ShareTimeline } from './ShareTimeline';
import { TalkTimeline } from './TalkTimeline';
import { ReviewLabels } from './ReviewLabels';
import { UtteranceList } from './UtteranceList';
import { ReviewBehaviours } from './ReviewBehaviours';
import { hasBehaviours } from '../../core/behaviours/counts';
import type { Behaviour } from '../../core/behaviours/labels';

/** A visit saved before Attune detected listening skills: they were not measured, which is not zero. */
export const SKILLS_NOT_MEASURED =
  'Listening skills (summaries, affirmations, asking for the agenda, asking permission, teach-back) were not measured in this visit: it was recorded before Attune detected them.';

export const PARTIAL_NOTICE = 'The visit ended unexpectedly; figures cover up to the last checkpoint.';

/** What a visit too short to score says instead of its skills (issue 19.2). */
export function tooShortText(durationS: number): string {
  return (
    `Too short to score: this visit lasted ${formatDuration(durationS)}. Attune scores visits of at least ${formatDuration(MIN_SCORED_VISIT_S)} ` +
    `with at least ${formatDuration(MIN_SCORED_SPEECH_S)} of speech. Its times are kept below; it is left out of your trends and goals.`
  );
}

export interface VisitDetailProps {
  visit: VisitSummary;
  context?: SummaryContext;
  /** Absent: the visit is shown read-only. */
  actions?: SummaryActions;
}

/** The page tap runs in the call page's own world: what it measured is only as trustworthy as that page. */
export const PAGE_TAP_NOTE =
  'Patient audio came from the call page itself (coaching was started on the panel, not from the toolbar), so the call page could have altered the patient figures. Start from the Attune toolbar button to measure from the tab’s own audio.';

export function VisitDetail({ visit, context = DEFAULT_CONTEXT, actions }: VisitDetailProps) {
  const headingId = useId();
  const conversationId = useId();
  const metrics = visit.metrics;
  const pair = formatSharePair(visit.clinicianShare);
  const rows = visitMetricRows(visit, context.targets, context.longTurnS);
  const observations = observeVisit(visit, context.targets, context.longTurnS);
  const utterances = visit.utterances ?? [];
  const tooShort = isTooShortToScore(visit);
  const measuredSkills = hasBehaviours(utterances);
  const onCorrectBehaviours = actions?.onCorrectBehaviours;
  const correctBehaviours = measuredSkills && onCorrectBehaviours ? (utteranceId: string, b: Behaviour[] | null) => onCorrectBehaviours(visit.id, utteranceId, b) : null;
  return (
    <article class="attune-visit" aria-labelledby={headingId}>
      <h2 id={headingId}>Visit on {formatDate(visit.startedAt)}</h2>
      {actions && (
        <div class="attune-actions attune-visit__actions" role="group" aria-label="This visit">
          <button type="button" class="attune-btn" onClick={() => actions.onExport([visit], 'json')}>
            Export JSON
          </button>
          <button type="button" class="attune-btn" onClick={() => actions.onExport([visit], 'csv')}>
            Export CSV
          </button>
          <button type="button" class="attune-btn" onClick={actions.onPrint}>
            Print or save as PDF
          </button>
          <ConfirmButton label="Delete this visit" confirmLabel="Yes, delete this visit" onConfirm={() => actions.onDeleteVisit(visit.id)} />
        </div>
      )}
      {actions && <ActionStatus result={context.result} area="visit" />}
      {visit.partial && <p class="attune-notice">{PARTIAL_NOTICE}</p>}
      <dl class="attune-visit__facts">
        <div>
          <dt>Time</dt>
          <dd>
            {formatDate(visit.startedAt)} – {formatTime(visit.endedAt)}
          </dd>
        </div>
        <div>
          <dt>Site</dt>
          <dd>
            {siteLabel(visit.site)} <span class="attune-muted">({visit.host})</span>
          </dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration(visit.durationS)}</dd>
        </div>
        <div>
          <dt>How it ended</dt>
          <dd>{endReasonText(visit.endReason)}</dd>
        </div>
        {visit.goal && (
          <div>
            <dt>Your goal for this visit</dt>
            <dd>{visit.goal.text}</dd>
          </div>
        )}
      </dl>

      {tooShort ? (
        <p class="attune-notice attune-visit__too-short">{tooShortText(visit.durationS)}</p>
      ) : (
        <>
          <h3>Skills at a glance</h3>
          <MetricTable rows={rows} targets={context.targets} />

          <h3>Observations</h3>
          <Observations items={observations} />
        </>
      )}

      <h3>Talk time</h3>
      <table class="attune-visit__talk">
        <thead>
          <tr>
            <th scope="col">Speaker</th>
            <th scope="col">Talk time</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">You</th>
            <td>{formatDuration(visit.clinicianS)}</td>
            <td>{pair.you}</td>
          </tr>
          <tr>
            <th scope="row">Patient</th>
            <td>{formatDuration(visit.patientS)}</td>
            <td>{pair.patient}</td>
          </tr>
        </tbody>
      </table>
      {/* With metrics, overlap is listed under Conversation instead. */}
      {!metrics && (
        <p>
          Both speaking at once: <strong>{formatDuration(visit.overlapS)}</strong>
        </p>
      )}
      {visit.remoteSource === 'page-tap' && <p class="attune-muted">{PAGE_TAP_NOTE}</p>}
      {visit.remoteSource === 'none' && (
        <p class="attune-muted">Patient audio was not connected for this visit, so patient figures may be missing.</p>
      )}
      {visit.privacyLocal && <p class="attune-muted">Recorded in privacy-local mode.</p>}

      {/* Rates and turn counts over a few seconds mean nothing ("19.5 turns per minute"). */}
      {metrics && !tooShort && (
        <section aria-labelledby={conversationId}>
          <h3 id={conversationId}>Conversation</h3>
          <ConversationFacts metrics={metrics} overlapS={visit.overlapS} openingWithinS={context.targets.openingWithinS} />
        </section>
      )}

      <h3>Who spoke when</h3>
      <TalkTimeline durationS={visit.durationS} segments={visit.segments} utterances={visit.utterances} gaze={visit.gaze} nudges={visit.nudges} excluded={visit.excluded} />

      {metrics && !tooShort && metrics.timeline.length > 0 && (
        <>
          <h3>Talk share by minute</h3>
          <ShareTimeline bins={metrics.timeline} />
        </>
      )}

      {utterances.length > 0 && (
        <>
          <h3>{measuredSkills ? 'Your questions, reflections and listening skills' : 'Your questions and reflections'}</h3>
          {!measuredSkills && <p class="attune-muted attune-visit__skills-not-measured">{SKILLS_NOT_MEASURED}</p>}
          {actions && (
            <ReviewLabels
              utterances={utterances}
              privacyLocal={visit.privacyLocal}
              {...(context.reviewWords?.visitId === visit.id && { memoryWords: context.reviewWords.words })}
              onCorrect={(utteranceId, label) => actions.onCorrectLabel(visit.id, utteranceId, label)}
              onConfirm={(utteranceId, confirmed) => actions.onConfirmLabel(visit.id, utteranceId, confirmed)}
            />
          )}
          {correctBehaviours && (
            <ReviewBehaviours
              utterances={utterances}
              {...(context.reviewWords?.visitId === visit.id && { memoryWords: context.reviewWords.words })}
              onCorrect={correctBehaviours}
            />
          )}
          <UtteranceList
            utterances={utterances}
            privacyLocal={visit.privacyLocal}
            onCorrect={actions ? (utteranceId, label) => actions.onCorrectLabel(visit.id, utteranceId, label) : null}
            onConfirm={actions ? (utteranceId, confirmed) => actions.onConfirmLabel(visit.id, utteranceId, confirmed) : null}
            onCorrectBehaviours={correctBehaviours}
          />
          {actions && <ActionStatus result={context.result} area="labels" />}
        </>
      )}

      {actions && !tooShort && (
        <section class="attune-visit__goal" aria-label="Goal for your next visit">
          <h3>Goal for your next visit</h3>
          <GoalPicker
            suggestions={suggestGoals(visit, context.targets, context.longTurnS)}
            current={context.goals?.current ?? null}
            onSetGoal={(s) => actions.onSetGoal(s ? makeGoal(s, Date.now(), visit.id) : null)}
          />
          <ActionStatus result={context.result} area="goal" />
        </section>
      )}
    </article>
  );
}
