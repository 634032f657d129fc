/** The visit summaries page: the list of visits beside the selected one. Data comes from the entrypoint. */
import '../theme.css';
import '../page.css';
import '../components/components.css';
import './summary.css';
import type { VisitSummary } from '../../core/session/schema';
import { Alert } from '../components/Alert';
import { VisitDetail } from './VisitDetail';
import { VisitList } from './VisitList';

export interface SummaryAppProps {
  visits: VisitSummary[];
  /** null → the newest visit is shown. */
  selectedId: string | null;
  onSelect(id: string): void;
  loading: boolean;
  message: string | null;
}

export function SummaryApp({ visits, selectedId, onSelect, loading, message }: SummaryAppProps) {
  const sorted = [...visits].sort((a, b) => b.startedAt - a.startedAt);
  const selected = selectedId === null ? sorted[0] : sorted.find((v) => v.id === selectedId);
  return (
    <div class="attune-theme attune-page attune-summary">
      <header class="attune-summary__header">
        <h1>Visit summaries</h1>
        <p class="attune-muted">Talk-time figures only. Attune never records or transcribes what was said.</p>
      </header>
      <Alert message={message} />
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
            <VisitDetail visit={selected} />
          ) : (
            !loading && sorted.length > 0 && <p>That visit was not found. Choose one from the list.</p>
          )}
        </main>
      </div>
    </div>
  );
}
