/**
 * The one gentle prompt. Its text is announced once (polite status); why it appeared and the
 * evidence behind it open on hover, on keyboard focus of "Why?", or on a click for touch screens.
 * Dismissing hides this prompt; the coach raises the next one only after its own gap.
 */
import { useId, useState } from 'preact/hooks';
import type { Nudge } from '../../core/session/schema';

export interface NudgeCardProps {
  nudge: Nudge;
  onDismiss?(): void;
}

export function NudgeCard({ nudge, onDismiss }: NudgeCardProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const detailsId = `${id}-why`;
  return (
    <div class={`attune-nudge${open ? ' attune-nudge--open' : ''}`} data-nudge={nudge.id}>
      <div class="attune-nudge__row">
        <svg class="attune-nudge__icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.6" />
          <path d="M8 4.5v4.5M8 11.2v.3" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
        </svg>
        <p class="attune-nudge__text" role="status" aria-live="polite">
          {nudge.text}
        </p>
        <button
          type="button"
          class="attune-nudge__why"
          aria-expanded={open}
          aria-controls={detailsId}
          aria-describedby={detailsId}
          onClick={() => setOpen(!open)}
        >
          Why?
        </button>
        {onDismiss && (
          <button type="button" class="attune-icon-btn attune-nudge__dismiss" aria-label={`Dismiss: ${nudge.text}`} title="Dismiss" onClick={onDismiss}>
            <svg width="12" height="12" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
              <path d="M3 3l8 8M11 3l-8 8" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
            </svg>
          </button>
        )}
      </div>
      <div id={detailsId} class="attune-nudge__details">
        <p class="attune-nudge__reason">{nudge.reason}</p>
        <p class="attune-nudge__source">
          <span class="attune-sr-only">Source: </span>
          {nudge.source}
        </p>
      </div>
    </div>
  );
}
