import { render } from 'preact';
import type { CallState, TabView } from '../../core/protocol/messages';
import { Panel } from './Panel';
import { DEFAULT_PANEL_PREFS, type PanelModel, type PanelPrefs, type Position } from './model';
import type { Rect } from './position';

/**
 * Keeps the panel's state in the content script and re-renders on every change. Everything
 * that talks to the extension comes in as `ports`, so this is rendered in tests as it is live.
 */
export interface PanelPorts {
  start(): void;
  end(): void;
  /** Pause (true) or Resume (false) the running visit. */
  pause?(paused: boolean): void;
  openSummary(visitId: string | null): void;
  openSetup(): void;
  savePosition(position: Position): void;
  /** Moves the panel into its own window (Document Picture-in-Picture); absent where unsupported. */
  popOut?(): void;
  /** Closes that window; the panel comes back to the page. */
  popIn?(): void;
  /** Remembers that the one-time toolbar tip was dismissed. */
  dismissToolbarTip?(): void;
  /** The call's own controls (hang-up, mute, camera) in viewport pixels, for the panel to keep off. */
  callControls?(): Rect[];
}

interface PanelState {
  view: TabView | null;
  callState: CallState;
  visible: boolean;
  minimized: boolean;
  position: Position | null;
  prefs: PanelPrefs;
  /** `id@raisedAtS` of the nudge the clinician dismissed. */
  dismissedNudge: string | null;
  placement: 'page' | 'pop-out';
  /** Show the one-time "start from the toolbar" tip (first real call, Chrome). */
  toolbarTip: boolean;
}

export function toPanelModel(platformLabel: string, state: Pick<PanelState, 'view' | 'callState'> & Partial<PanelState>, canPopOut = false): PanelModel {
  const view = state.view;
  return {
    platformLabel,
    callState: state.callState,
    coaching: view?.coaching ?? 'idle',
    live: view?.live ?? null,
    remoteSource: view?.remoteSource ?? 'none',
    privacyLocal: view?.privacyLocal ?? true,
    message: view?.message ?? null,
    lastVisitId: view?.lastVisitId ?? null,
    goal: view?.goal ?? null,
    prefs: state.prefs ?? DEFAULT_PANEL_PREFS,
    dismissedNudge: state.dismissedNudge ?? null,
    placement: state.placement ?? 'page',
    canPopOut,
    toolbarTip: state.toolbarTip ?? false,
  };
}

export function createPanelController(container: HTMLElement, platformLabel: string, ports: PanelPorts, initial: Partial<PanelState> = {}) {
  let state: PanelState = {
    view: null,
    callState: 'unknown',
    visible: true,
    minimized: false,
    position: null,
    prefs: DEFAULT_PANEL_PREFS,
    dismissedNudge: null,
    placement: 'page',
    toolbarTip: false,
    ...initial,
  };
  const pageContainer = container;
  let target = container;

  function draw(): void {
    // A popped-out panel shows even when hidden on the page: the clinician asked for the window.
    if (!state.visible && state.placement === 'page') {
      render(null, target);
      return;
    }
    render(
      <Panel
        model={toPanelModel(platformLabel, state, ports.popOut !== undefined)}
        actions={{
          onStart: ports.start,
          onEnd: ports.end,
          onPause: ports.pause,
          onOpenSummary: () => ports.openSummary(state.view?.lastVisitId ?? null),
          onOpenSetup: ports.openSetup,
          onHide: () => (state.placement === 'pop-out' ? ports.popIn?.() : update({ visible: false })),
          onDismissNudge: (key) => update({ dismissedNudge: key }),
          onPopOut: ports.popOut,
          onPopIn: ports.popIn,
          onDismissToolbarTip: () => {
            update({ toolbarTip: false });
            ports.dismissToolbarTip?.();
          },
        }}
        minimized={state.minimized}
        onMinimizedChange={(minimized) => update({ minimized })}
        position={state.position}
        callControls={ports.callControls}
        onPositionChange={(position) => {
          update({ position });
          ports.savePosition(position);
        }}
      />,
      target,
    );
  }

  function update(change: Partial<PanelState>): void {
    state = { ...state, ...change };
    draw();
  }

  draw();
  return {
    update,
    toggle: () => update({ visible: !state.visible, minimized: false }),
    /** Renders the panel into another document's element (the pop-out window), or back on the page (null). */
    moveTo(popOutContainer: HTMLElement | null): void {
      render(null, target);
      target = popOutContainer ?? pageContainer;
      update({ placement: popOutContainer ? 'pop-out' : 'page', minimized: false, visible: true });
    },
    get state(): Readonly<PanelState> {
      return state;
    },
    unmount: () => render(null, target),
  };
}
