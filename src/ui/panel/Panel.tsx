/**
 * The in-call overlay. Pure view: the content script passes the model and callbacks, and owns
 * persistence of `minimized` and `position`.
 */
import '../theme.css';
import '../components/components.css';
import './panel.css';
import { useEffect, useId, useRef } from 'preact/hooks';
import { judgeableShare } from '../../core/coach/balance-verdict';
import { Alert } from '../components/Alert';
import { LiveView } from './LiveView';
import { MinimizedDot } from './MinimizedDot';
import { PanelHeader } from './PanelHeader';
import { DEFAULT_PANEL_PREFS, nudgeKey, type PanelModel, type PanelProps } from './model';
import { usePanelPosition } from './usePanelPosition';

export type { PanelActions, PanelModel, PanelPrefs, PanelProps, Position } from './model';

const CALL_STATE_TEXT: Record<PanelModel['callState'], string> = {
  live: 'Call in progress',
  ended: 'Call ended',
  // Attune cannot read this page's call state: an invitation, not an error.
  unknown: 'Start when your call begins',
};

export function Panel({ model, actions, minimized, onMinimizedChange, position, onPositionChange, callControls }: PanelProps) {
  const titleId = useId();
  const rootRef = useRef<HTMLElement>(null);
  const minimizeRef = useRef<HTMLButtonElement>(null);
  // Move focus only after the user toggles, never on first mount: the panel must not steal focus from the call.
  const focusNext = useRef<'dot' | 'panel' | null>(null);
  const docked = model.placement === 'pop-out';
  const { pos, maxHeight, onPointerDown, onHandleKeyDown } = usePanelPosition(rootRef, position, onPositionChange, docked ? undefined : callControls);

  useEffect(() => {
    if (focusNext.current === 'dot') rootRef.current?.focus();
    if (focusNext.current === 'panel') minimizeRef.current?.focus();
    focusNext.current = null;
  }, [minimized]);

  const toggle = (next: boolean) => {
    focusNext.current = next ? 'dot' : 'panel';
    onMinimizedChange(next);
  };

  // In its own window the panel fills it: no saved position, no dragging.
  const style =
    pos && !docked
      ? { left: `${pos.x}px`, top: `${pos.y}px`, right: 'auto', bottom: 'auto', ...(maxHeight ? { maxHeight: `${maxHeight}px` } : {}) }
      : undefined;
  const active = model.coaching === 'active' || model.coaching === 'ending';
  const prefs = model.prefs ?? DEFAULT_PANEL_PREFS;

  if (minimized && !docked) {
    return (
      <MinimizedDot
        dotRef={rootRef}
        clinicianShare={model.live ? judgeableShare(model.live) : null}
        limit={prefs.clinicianShareMax}
        active={active}
        style={style}
        onRestore={() => toggle(false)}
      />
    );
  }

  return (
    <section ref={rootRef} class={`attune-theme attune-panel${docked ? ' attune-panel--docked' : ''}`} style={style} aria-labelledby={titleId}>
      <PanelHeader
        titleId={titleId}
        platformLabel={model.platformLabel}
        privacyLocal={model.privacyLocal}
        minimizeRef={minimizeRef}
        docked={docked}
        onPointerDown={docked ? () => undefined : onPointerDown}
        onHandleKeyDown={onHandleKeyDown}
        onMinimize={() => toggle(true)}
        onHide={actions.onHide}
        onPopOut={model.canPopOut ? actions.onPopOut : undefined}
        onPopIn={actions.onPopIn}
      />
      <div class="attune-panel__body">
        {model.goal && !prefs.quiet && (
          <p class="attune-goal">
            <span class="attune-goal__label">Your goal: </span>
            {model.goal.text}
          </p>
        )}
        <Alert message={model.message} />
        <PanelBody model={model} actions={actions} />
      </div>
    </section>
  );
}

function PanelBody({ model, actions }: Pick<PanelProps, 'model' | 'actions'>) {
  const callLine = <p class="attune-panel__call">{CALL_STATE_TEXT[model.callState]}</p>;
  switch (model.coaching) {
    case 'active':
    case 'ending':
      return (
        <LiveView
          live={model.live}
          remoteSource={model.remoteSource}
          ending={model.coaching === 'ending'}
          onEnd={actions.onEnd}
          onPause={actions.onPause}
          onOpenSetup={actions.onOpenSetup}
          prefs={model.prefs}
          nudge={visibleNudge(model)}
          onDismissNudge={actions.onDismissNudge && model.live?.nudge ? () => actions.onDismissNudge!(nudgeKey(model.live!.nudge!)) : undefined}
        />
      );
    case 'ended':
      return (
        <div class="attune-panel__state">
          <p class="attune-panel__headline" role="status">
            Visit saved
          </p>
          <div class="attune-panel__actions">
            {model.lastVisitId && (
              <button type="button" class="attune-btn attune-btn--primary" onClick={actions.onOpenSummary}>
                See summary
              </button>
            )}
            <button type="button" class="attune-btn" onClick={actions.onStart}>
              Start another visit
            </button>
          </div>
        </div>
      );
    case 'error':
      return (
        <div class="attune-panel__state">
          {callLine}
          <div class="attune-panel__actions">
            <button type="button" class="attune-btn attune-btn--primary" onClick={actions.onOpenSetup}>
              Set up Attune
            </button>
            <button type="button" class="attune-btn" onClick={actions.onStart}>
              Try again
            </button>
          </div>
        </div>
      );
    case 'starting':
    case 'idle':
      return (
        <div class="attune-panel__state">
          {callLine}
          {model.toolbarTip && actions.onDismissToolbarTip && (
            <div class="attune-panel__tip" role="note">
              <p>
                Tip: start from the Attune button in the browser toolbar. Chrome then lets Attune time the patient from this tab&apos;s
                sound, on any call site.
              </p>
              <button type="button" class="attune-btn" onClick={actions.onDismissToolbarTip}>
                Got it
              </button>
            </div>
          )}
          <button
            type="button"
            class="attune-btn attune-btn--primary attune-panel__main-btn"
            disabled={model.coaching === 'starting'}
            aria-busy={model.coaching === 'starting'}
            onClick={actions.onStart}
          >
            {model.coaching === 'starting' ? 'Starting…' : 'Start coaching'}
          </button>
        </div>
      );
  }
}

/** The engine's current nudge unless the clinician dismissed that very one. */
function visibleNudge(model: PanelModel) {
  const nudge = model.live?.nudge ?? null;
  return nudge && nudgeKey(nudge) !== model.dismissedNudge ? nudge : null;
}
