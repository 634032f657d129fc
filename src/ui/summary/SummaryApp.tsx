/** The visit summaries page: a visit beside the list of visits, or the history with trends. Data comes from the entrypoint. */
import '../theme.css';
import '../page.css';
import '../components/components.css';
import './summary.css';
import type { VisitSummary } from '../../core/session/schema';
import { ActionStatus } from '../components/ActionStatus';
import { Alert } from '../components/Alert';
import { DEFAULT_CONTEXT, type SummaryActions, type SummaryContext } from './actions';
import { HistoryView } from './HistoryView';
import { VisitDetail } from './VisitDetail';
import { VisitList } from './VisitList';

export interface SummaryAppProps {
  visits: VisitSummary[];
  /** null → the newest visit is shown. */
  selectedId: string | null;
  onSelect(id: string): void;
  loading: boolean;
  /** An error or storage problem (role=alert). */
  message: string | null;
  /** A non-error note, e.g. "2 saved visits could not be read" or what an import did. */
  notice?: string | null;
  /** Which page: one visit (default) or the history. */
  view?: 'visit' | 'history';
  onShowHistory?(): void;
  context?: SummaryContext;
  actions?: SummaryActions;
}

export function SummaryApp(props: SummaryAppProps) {
  const { visits, selectedId, onSelect, loading, message, notice = null, view = 'visit', context = DEFAULT_CONTEXT, actions } = props;
  const sorted = [...visits].sort((a, b) => b.startedAt - a.startedAt);
  const selected = selectedId === null ? sorted[0] : sorted.find((v) => v.id === selectedId);
  return (
    <div class={`attune-theme attune-page attune-summary attune-summary--${view}`}>
      <header class="attune-summary__header">
        <h1>{view === 'history' ? 'Your visits over time' : 'Visit summaries'}</h1>
        <p class="attune-muted">Attune never records audio and never transcribes the patient. Everything stays on this computer.</p>
        {props.onShowHistory && (
          <nav class="attune-tabs" aria-label="Pages">
            <button type="button" class="attune-tabs__tab" aria-current={view === 'visit' ? 'page' : undefined} onClick={() => selected && onSelect(selected.id)} disabled={!selected}>
              Visit summary
            </button>
            <button type="button" class="attune-tabs__tab" aria-current={view === 'history' ? 'page' : undefined} onClick={props.onShowHistory}>
              History and trends
            </button>
          </nav>
        )}
      </header>
      <Alert message={message} />
      {notice && (
        <p class="attune-notice" role="status">
          {notice}
        </p>
      )}
      {view === 'history' ? (
        // The history is the page's main content (axe: landmark-one-main; also issue 19's coherence branch).
        <main class="attune-summary__history">
          {loading ? <p role="status">Loading visits…</p> : <HistoryView visits={sorted} context={context} actions={actions} onSelect={onSelect} />}
        </main>
      ) : (
        <div class="attune-summary__layout">
          <nav class="attune-summary__list" aria-label="Visits">
            {loading ? (
              <p role="status">Loading visits…</p>
            ) : sorted.length === 0 ? (
              <p>No visits yet. Start coaching on a call and its summary will appear here when the visit ends.</p>
            ) : (
              <VisitList visits={sorted} currentId={selected?.id ?? null} onSelect={onSelect} />
            )}
          </nav>
          <main class="attune-summary__main">
            {selected ? (
              <VisitDetail visit={selected} context={context} actions={actions} />
            ) : (
              <>
                {!loading && sorted.length > 0 && <p>That visit was not found. Choose one from the list.</p>}
                {/* "The visit was deleted." stays in view when it was the last one. */}
                <ActionStatus result={context.result} area="visit" />
              </>
            )}
          </main>
        </div>
      )}
    </div>
  );
}
