/** Panel title bar: the drag area, a keyboard move handle, the on-device badge, minimize and hide. */
import { useId } from 'preact/hooks';
import { LockBadge } from '../components/LockBadge';

export interface PanelHeaderProps {
  titleId: string;
  platformLabel: string;
  privacyLocal: boolean;
  minimizeRef: { current: HTMLButtonElement | null };
  /** In its own picture-in-picture window: no move handle or minimize; a button returns it to the page. */
  docked?: boolean;
  /** Present when the browser can pop the panel out into its own window. */
  onPopOut?(): void;
  onPopIn?(): void;
  onPointerDown(e: PointerEvent): void;
  onHandleKeyDown(e: KeyboardEvent): void;
  onMinimize(): void;
  onHide(): void;
}

export function PanelHeader(props: PanelHeaderProps) {
  const hintId = useId();
  return (
    <header class="attune-panel__header" onPointerDown={props.onPointerDown}>
      {!props.docked && (
        <>
          <button
            type="button"
            class="attune-panel__handle attune-icon-btn"
            data-drag-handle=""
            aria-label="Move panel"
            aria-describedby={hintId}
            onKeyDown={props.onHandleKeyDown}
          >
            <svg width="12" height="16" viewBox="0 0 12 16" aria-hidden="true" focusable="false">
              {[3, 8, 13].map((cy) => (
                <g key={cy} fill="currentColor">
                  <circle cx="3" cy={cy} r="1.5" />
                  <circle cx="9" cy={cy} r="1.5" />
                </g>
              ))}
            </svg>
          </button>
          <span id={hintId} class="attune-sr-only">
            Drag, or use the arrow keys, to move the panel.
          </span>
        </>
      )}
      <div class="attune-panel__titles">
        {/* Badge beside the title, not the platform, so long platform names keep the full width. */}
        <div class="attune-panel__title-row">
          <h2 id={props.titleId} class="attune-panel__title">
            Attune
          </h2>
          {props.privacyLocal && <LockBadge />}
        </div>
        <span class="attune-panel__platform">{props.platformLabel}</span>
      </div>
      {props.docked
        ? props.onPopIn && (
            <button type="button" class="attune-icon-btn" aria-label="Put the panel back on the call page" title="Back to the page" onClick={props.onPopIn}>
              <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
                <rect x="1.5" y="1.5" width="11" height="11" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.5" />
                <path d="M10 4L5 9M5 5.5V9h3.5" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
              </svg>
            </button>
          )
        : props.onPopOut && (
            <button
              type="button"
              class="attune-icon-btn"
              aria-label="Pop the panel out into its own window (hidden when you share this tab)"
              title="Pop out"
              onClick={props.onPopOut}
            >
              <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
                <path d="M8 1.5h4.5V6M12.5 1.5L6.5 7.5M11 9v3.5H1.5V3H5" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
              </svg>
            </button>
          )}
      {!props.docked && (
        <button
          type="button"
          ref={props.minimizeRef}
          class="attune-icon-btn"
          aria-label="Minimize Attune panel"
          title="Minimize"
          onClick={props.onMinimize}
        >
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
            <path d="M2 10h10" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
        </button>
      )}
      <button type="button" class="attune-icon-btn" aria-label="Hide Attune panel" title="Hide" onClick={props.onHide}>
        <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
          <path d="M3 3l8 8M11 3l-8 8" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </svg>
      </button>
    </header>
  );
}
