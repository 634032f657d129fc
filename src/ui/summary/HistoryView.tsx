/**
 * Every visit over time: filters by site and date, a sparkline per metric with its trend,
 * progress on the clinician's goals, the list of visits, and export, import and delete-all.
 */
import { useId, useState } from 'preact/hooks';
import { goalProgress, knownGoals } from '../../core/history/goals';
import { METRICS, type MetricDefinition } from '../../core/history/metrics';
import { isTooShortToScore } from '../../core/history/too-short';
import { filterVisits, metricSeries, NO_FILTER, sitesOf, trendOf, type VisitFilter } from '../../core/history/trends';
import type { VisitSummary } from '../../core/session/schema';
import { visitQuestionFigures } from '../../core/questions/estimate';
import { formatCount, formatDate, formatDuration, formatPercent } from '../format';
import { siteLabel } from '../labels';
import type { SummaryActions, SummaryContext } from './actions';
import { ActionStatus } from '../components/ActionStatus';
import { ConfirmButton } from './ConfirmButton';
import { formatMetricValue, formatTarget } from './metric-format';
import { Sparkline } from './Sparkline';
import { trendSentence } from './trend-text';

export interface HistoryViewProps {
  visits: readonly VisitSummary[];
  context: SummaryContext;
  actions?: SummaryActions;
  onSelect(id: string): void;
}

const DAY_MS = 86_400_000;
/** A date input's value ("2025-03-14") as local midnight, epoch ms; null when empty. */
export const dateInputMs = (value: string): number | null => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y!, m! - 1, d!).getTime();
};

function TrendCard({ metric, visits, context }: { metric: MetricDefinition; visits: readonly VisitSummary[]; context: SummaryContext }) {
  const points = metricSeries(visits, metric);
  const trend = trendOf(points, metric.better);
  const target = metric.target(context.targets, context.longTurnS);
  const fmt = (x: number) => formatMetricValue(metric.unit, x);
  return (
    <li class="attune-trend">
      <h3 class="attune-trend__title">{metric.label}</h3>
      {points.length > 0 && (
        <Sparkline
          points={points}
          target={target && !(metric.unit === 'count' && target.value === 0) ? target.value : null}
          range={metric.unit === 'share' || metric.unit === 'yes-no' ? [0, 1] : undefined}
          format={fmt}
          label={`${metric.label} across visits, oldest to newest: ${points.map((p) => fmt(p.value)).join(', ')}`}
        />
      )}
      <p class="attune-trend__text">
        {trendSentence(trend, metric.better, fmt)}
        {target && <span class="attune-muted"> · target {formatTarget(metric, target, context.targets)}</span>}
      </p>
      {points.length > 0 && (
        <details class="attune-trend__values">
          <summary>Values by visit</summary>
          <table>
            <caption class="attune-visually-hidden">{metric.label} by visit</caption>
            <thead>
              <tr>
                <th scope="col">Visit</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {[...points].reverse().map((p) => (
                <tr key={p.visitId}>
                  <th scope="row">{formatDate(p.startedAt)}</th>
                  <td>{fmt(p.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </li>
  );
}

export function HistoryView({ visits, context, actions, onSelect }: HistoryViewProps) {
  const headingId = useId();
  const [filter, setFilter] = useState<VisitFilter>(NO_FILTER);
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const shown = filterVisits(visits, filter);
  const sites = sitesOf(visits);
  const goals = context.goals;
  const recentGoals = knownGoals(goals?.history ?? [], visits).slice(0, 5);

  return (
    <article class="attune-history" aria-labelledby={headingId}>
      <h2 id={headingId}>History and trends</h2>
      <form class="attune-history__filters" aria-label="Filter visits" onSubmit={(e) => e.preventDefault()}>
        <label>
          Site{' '}
          <select
            value={filter.site ?? ''}
            onChange={(e) => setFilter({ ...filter, site: (e.currentTarget as HTMLSelectElement).value || null })}
          >
            <option value="">All sites</option>
            {sites.map((s) => (
              <option key={s} value={s}>
                {siteLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          From{' '}
          <input
            type="date"
            value={fromText}
            onInput={(e) => {
              const text = (e.currentTarget as HTMLInputElement).value;
              setFromText(text);
              setFilter({ ...filter, fromMs: dateInputMs(text) });
            }}
          />
        </label>
        <label>
          To{' '}
          <input
            type="date"
            value={toText}
            onInput={(e) => {
              const text = (e.currentTarget as HTMLInputElement).value;
              const day = dateInputMs(text);
              setToText(text);
              // The "to" day is included: the bound is the next midnight.
              setFilter({ ...filter, toMs: day === null ? null : day + DAY_MS });
            }}
          />
        </label>
      </form>
      <p role="status" class="attune-history__count">
        {shown.length === visits.length ? formatCount(visits.length, 'visit') : `${shown.length} of ${visits.length} visits shown`}
      </p>

      <section aria-label="Trends">
        <ul class="attune-trends">
          {METRICS.map((m) => (
            <TrendCard key={m.id} metric={m} visits={shown} context={context} />
          ))}
        </ul>
      </section>

      <section aria-label="Your goals" class="attune-history__goals">
        <h3>Your goals</h3>
        {recentGoals.length === 0 ? (
          <p class="attune-muted">No goals yet. Pick one at the end of a visit’s summary.</p>
        ) : (
          <ul>
            {recentGoals.map(({ goal: g, firstSetAt, timesSet }) => {
              const p = goalProgress(g, visits, context.targets, context.longTurnS);
              const isCurrent = goals?.current?.id === g.id;
              const progress = p.visits.length === 0 ? 'no visits with this goal yet' : `met in ${p.met} of ${p.measured} measured visit${p.measured === 1 ? '' : 's'} (${p.visits.length} with this goal)`;
              return (
                <li key={g.id} class="attune-history__goal">
                  <strong>{g.text}</strong> {isCurrent && <span class="attune-badge">current</span>}
                  <br />
                  <span class="attune-muted">
                    {timesSet > 1 ? `Set ${formatDate(firstSetAt)}, renewed ${formatDate(g.setAt)}` : `Set ${formatDate(g.setAt)}`} · {progress}
                  </span>
                  {p.measured > 0 && <progress class="attune-history__goal-bar" value={p.met} max={p.measured} aria-label={`${g.text}: ${progress}`} />}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-label="Visits" class="attune-history__visits">
        <h3>Visits</h3>
        {visits.length === 0 ? (
          <p>No visits yet. Start coaching on a call and its summary will appear here when the visit ends.</p>
        ) : shown.length === 0 ? (
          <p>No visits match these filters.</p>
        ) : (
          <table class="attune-history__table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Site</th>
                <th scope="col">Duration</th>
                <th scope="col">Your talk</th>
                <th scope="col">Open questions</th>
                <th scope="col">Reflections per question</th>
                <th scope="col">Partial</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((v) => (
                <tr key={v.id}>
                  <th scope="row">
                    <button type="button" class="attune-link" onClick={() => onSelect(v.id)}>
                      {formatDate(v.startedAt)}
                    </button>
                  </th>
                  <td>{siteLabel(v.site)}</td>
                  <td>
                    {formatDuration(v.durationS)}
                    {isTooShortToScore(v) && <span class="attune-muted"> (too short to score)</span>}
                  </td>
                  <td>{formatPercent(v.clinicianShare)}</td>
                  <td>{formatPercent(visitQuestionFigures(v)?.openShare ?? null)}</td>
                  <td>{formatMetricValue('ratio', visitQuestionFigures(v)?.reflectionToQuestion ?? null)}</td>
                  <td>{v.partial ? 'Yes' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {actions && (
        <section aria-label="Your data" class="attune-history__data">
          <h3>Your data</h3>
          <p class="attune-muted">
            {context.retentionDays > 0
              ? `Visits are deleted automatically ${context.retentionDays} days after they took place.`
              : 'Visits are kept until you delete them.'}{' '}
            Everything stays on this computer.
          </p>
          <div class="attune-actions">
            <button type="button" class="attune-btn" disabled={shown.length === 0} onClick={() => actions.onExport(shown, 'json')}>
              Export {shown.length === visits.length ? 'all' : shown.length} as JSON
            </button>
            <button type="button" class="attune-btn" disabled={shown.length === 0} onClick={() => actions.onExport(shown, 'csv')}>
              Export {shown.length === visits.length ? 'all' : shown.length} as CSV
            </button>
            <label class="attune-btn attune-file">
              Import JSON…
              <input
                type="file"
                accept="application/json,.json"
                class="attune-file__input"
                onChange={async (e) => {
                  const input = e.currentTarget as HTMLInputElement;
                  const file = input.files?.[0];
                  if (file) actions.onImport(await file.text());
                  input.value = '';
                }}
              />
            </label>
            {visits.length > 0 && <ConfirmButton label="Delete all visits" confirmLabel={`Yes, delete all ${visits.length} visits`} onConfirm={actions.onDeleteAll} />}
          </div>
          <ActionStatus result={context.result} area="data" />
        </section>
      )}
    </article>
  );
}
