/** The list of saved visits, newest first; each entry is a button that selects the visit. */
import type { VisitSummary } from '../../core/session/schema';
import { isTooShortToScore } from '../../core/history/too-short';
import { formatDate, formatDuration, formatPercent } from '../format';
import { siteLabel } from '../labels';

export interface VisitListProps {
  /** Already sorted newest first by the caller. */
  visits: readonly VisitSummary[];
  currentId: string | null;
  onSelect(id: string): void;
}

export function VisitList({ visits, currentId, onSelect }: VisitListProps) {
  return (
    <ul class="attune-visits">
      {visits.map((v) => (
        <li key={v.id}>
          <button
            type="button"
            class="attune-visits__item"
            aria-current={v.id === currentId ? 'true' : undefined}
            onClick={() => onSelect(v.id)}
          >
            <span class="attune-visits__date">{formatDate(v.startedAt)}</span>
            <span class="attune-visits__site">{siteLabel(v.site)}</span>
            <span class="attune-visits__meta">
              {formatDuration(v.durationS)} · {isTooShortToScore(v) ? 'too short to score' : `You ${formatPercent(v.clinicianShare)}`}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
