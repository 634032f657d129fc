/**
 * One saved visit in full: when, where, how long, who talked how much, the conversation metrics
 * (visits saved with them), and the timelines.
 */
import { useId } from 'preact/hooks';
import type { VisitSummary } from '../../core/session/schema';
import { formatDate, formatDuration, formatSharePair, formatTime } from '../format';
import { endReasonText, siteLabel } from '../labels';
import { ConversationFacts } from './ConversationFacts';
import { ShareTimeline } from './ShareTimeline';
import { TalkTimeline } from './TalkTimeline';

export const PARTIAL_NOTICE = 'The visit ended unexpectedly; figures cover up to the last checkpoint.';

export function VisitDetail({ visit }: { visit: VisitSummary }) {
  const headingId = useId();
  const conversationId = useId();
  const metrics = visit.metrics;
  const pair = formatSharePair(visit.clinicianShare);
  return (
    <article class="attune-visit" aria-labelledby={headingId}>
      <h2 id={headingId}>Visit on {formatDate(visit.startedAt)}</h2>
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
      </dl>

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
      {visit.remoteSource === 'none' && (
        <p class="attune-muted">Patient audio was not connected for this visit, so patient figures may be missing.</p>
      )}
      {visit.privacyLocal && <p class="attune-muted">Recorded in privacy-local mode.</p>}

      {metrics && (
        <section aria-labelledby={conversationId}>
          <h3 id={conversationId}>Conversation</h3>
          <ConversationFacts metrics={metrics} overlapS={visit.overlapS} />
        </section>
      )}

      <h3>Who spoke when</h3>
      <TalkTimeline durationS={visit.durationS} segments={visit.segments} />

      {metrics && metrics.timeline.length > 0 && (
        <>
          <h3>Talk share by minute</h3>
          <ShareTimeline bins={metrics.timeline} />
        </>
      )}
    </article>
  );
}
