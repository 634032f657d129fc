import { render } from 'preact';
import type { CallState, TabView } from '../../core/protocol/messages';
import { Panel } from './Panel';
import type { PanelModel, Position } from './model';

/**
 * Keeps the panel's state in the content script and re-renders on every change. Everything
 * that talks to the extension comes in as `ports`, so this is rendered in tests as it is live.
 */
export interface PanelPorts {
  start(): void;
  end(): void;
  openSummary(visitId: string | null): void;
  openSetup(): void;
  savePosition(position: Position): void;
}

interface PanelState {
  view: TabView | null;
  callState: CallState;
  visible: boolean;
  minimized: boolean;
  position: Position | null;
}

export function toPanelModel(platformLabel: string, state: Pick<PanelState, 'view' | 'callState'>): PanelModel {
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
  };
}

export function createPanelController(container: HTMLElement, platformLabel: string, ports: PanelPorts, initial: Partial<PanelState> = {}) {
  let state: PanelState = { view: null, callState: 'unknown', visible: true, minimized: false, position: null, ...initial };

  function draw(): void {
    if (!state.visible) {
      render(null, container);
      return;
    }
    render(
      <Panel
        model={toPanelModel(platformLabel, state)}
        actions={{
          onStart: ports.start,
          onEnd: ports.end,
          onOpenSummary: () => ports.openSummary(state.view?.lastVisitId ?? null),
          onOpenSetup: ports.openSetup,
          onHide: () => update({ visible: false }),
        }}
        minimized={state.minimized}
        onMinimizedChange={(minimized) => update({ minimized })}
        position={state.position}
        onPositionChange={(position) => {
          update({ position });
          ports.savePosition(position);
        }}
      />,
      container,
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
    get state(): Readonly<PanelState> {
      return state;
    },
    unmount: () => render(null, container),
  };
}
