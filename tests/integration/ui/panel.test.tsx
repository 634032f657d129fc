import { describe, expect, it, vi } from 'vitest';
import { useState } from 'preact/hooks';
import { Panel, type PanelModel, type Position } from '../../../src/ui/panel/Panel';
import { click, fire, getByRole, getByText, mount, queryAllByText, queryByRole, rerender } from './dom';
import { OPENING_EVIDENCE } from '../../../src/ui/conversation';
import { liveMetrics, liveTalk, panelActions, panelModel } from './fixtures';

function renderPanel(model: PanelModel, opts: { minimized?: boolean; position?: Position | null } = {}) {
  const actions = panelActions();
  const onMinimizedChange = vi.fn();
  const onPositionChange = vi.fn();
  const props = () => ({
    model,
    actions,
    minimized: opts.minimized ?? false,
    onMinimizedChange,
    position: opts.position ?? null,
    onPositionChange,
  });
  const container = mount(<Panel {...props()} />);
  return { container, actions, onMinimizedChange, onPositionChange, props };
}

describe('Panel: idle', () => {
  it('shows the title, platform and a Start coaching button that starts', () => {
    const { container, actions } = renderPanel(panelModel());
    expect(getByRole(container, 'region', /^Attune$/)).toBeTruthy();
    expect(getByRole(container, 'heading', 'Attune')).toBeTruthy();
    expect(getByText(container, 'Google Meet')).toBeTruthy();
    expect(getByText(container, 'Call in progress')).toBeTruthy();
    click(getByRole(container, 'button', 'Start coaching'));
    expect(actions.onStart).toHaveBeenCalledTimes(1);
    expect(queryByRole(container, 'alert')).toBeNull();
  });

  it('asks to start manually when the call state is unknown', () => {
    const { container } = renderPanel(panelModel({ callState: 'unknown', platformLabel: 'This tab' }));
    expect(getByText(container, 'Start when your call begins')).toBeTruthy();
    expect(getByText(container, 'This tab')).toBeTruthy();
  });

  it('shows the On-device badge only in privacy-local mode', () => {
    expect(queryAllByText(renderPanel(panelModel({ privacyLocal: true })).container, 'On-device')).toHaveLength(1);
    expect(queryAllByText(renderPanel(panelModel({ privacyLocal: false })).container, 'On-device')).toHaveLength(0);
  });

  it('disables the button while starting', () => {
    const { container, actions } = renderPanel(panelModel({ coaching: 'starting' }));
    const btn = getByRole(container, 'button', 'Starting…') as HTMLButtonElement;
    expect(btn.disabled).toBe(true);
    click(btn);
    expect(actions.onStart).not.toHaveBeenCalled();
  });

  it('sits bottom-right (no inline position) until it has a position', () => {
    const { container } = renderPanel(panelModel());
    const section = container.querySelector<HTMLElement>('.attune-panel')!;
    expect(section.style.left).toBe('');
    const placed = renderPanel(panelModel(), { position: { x: 40, y: 60 } }).container.querySelector<HTMLElement>('.attune-panel')!;
    expect(placed.style.left).toBe('40px');
    expect(placed.style.top).toBe('60px');
  });
});

describe('Panel: active', () => {
  it('shows the talk balance with both percentages and labels', () => {
    const { container } = renderPanel(panelModel({ coaching: 'active', live: liveTalk() }));
    expect(getByText(container, 'You 42%')).toBeTruthy();
    expect(getByText(container, 'Patient 58%')).toBeTruthy();
    expect(getByText(container, 'Balanced conversation')).toBeTruthy();
    const fill = container.querySelector<HTMLElement>('.attune-balance__fill--you')!;
    expect(fill.style.width).toBe('42%');
  });

  it('announces who is speaking in a polite live region', () => {
    const { container, props } = renderPanel(panelModel({ coaching: 'active', live: liveTalk() }));
    const live = container.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toBe('Patient is speaking');
    rerender(container, <Panel {...props()} model={panelModel({ coaching: 'active', live: liveTalk({ speakingNow: 'clinician' }) })} />);
    expect(container.querySelector('[aria-live="polite"]')!.textContent).toBe('You are speaking');
    expect(container.querySelector('.attune-speaking__dot--clinician')).not.toBeNull();
  });

  it('shows elapsed time and talk time of each side', () => {
    const { container } = renderPanel(panelModel({ coaching: 'active', live: liveTalk() }));
    const stats = Object.fromEntries(
      Array.from(container.querySelectorAll('.attune-stats > div')).map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]),
    );
    expect(stats).toEqual({ Elapsed: '4:07', You: '1:30', Patient: '2:05' });
  });

  it('says so in words when the clinician talks most', () => {
    const { container } = renderPanel(panelModel({ coaching: 'active', live: liveTalk({ clinicianShare: 0.75 }) }));
    expect(getByText(container, 'You are doing most of the talking')).toBeTruthy();
    expect(container.querySelector('.attune-balance--high')).not.toBeNull();
  });

  it('notes when patient audio is not connected', () => {
    expect(getByText(renderPanel(panelModel({ coaching: 'active', live: liveTalk(), remoteSource: 'none' })).container, 'Patient audio not connected')).toBeTruthy();
    expect(queryAllByText(renderPanel(panelModel({ coaching: 'active', live: liveTalk() })).container, 'Patient audio not connected')).toHaveLength(0);
  });

  it('ends the visit', () => {
    const { container, actions } = renderPanel(panelModel({ coaching: 'active', live: liveTalk() }));
    click(getByRole(container, 'button', 'End visit'));
    expect(actions.onEnd).toHaveBeenCalledTimes(1);
  });

  it('copes with no live figures yet', () => {
    const { container } = renderPanel(panelModel({ coaching: 'active', live: null }));
    expect(getByText(container, 'No speech yet')).toBeTruthy();
    expect(getByText(container, 'You —')).toBeTruthy();
    expect(container.querySelector('[aria-live="polite"]')!.textContent).toBe('No one is speaking');
  });
});

describe('Panel: turn timer and opening statement', () => {
  const active = (live: ReturnType<typeof liveTalk>) => renderPanel(panelModel({ coaching: 'active', live })).container;
  const turn = (c: HTMLElement) => c.querySelector<HTMLElement>('.attune-turn');
  const opening = (c: HTMLElement) => c.querySelector<HTMLElement>('.attune-opening');

  it('shows who holds the floor and for how long, outside the live region', () => {
    const c = active(liveTalk({ metrics: liveMetrics() }));
    expect(turn(c)!.textContent).toBe('Your turn: 0:42');
    expect(turn(c)!.classList.contains('attune-turn--long')).toBe(false);
    expect(turn(c)!.closest('[aria-live]')).toBeNull();
    // The announced speaker line is unchanged.
    expect(c.querySelector('[aria-live="polite"]')!.textContent).toBe('Patient is speaking');
    const p = active(liveTalk({ metrics: liveMetrics({ floor: 'patient', currentTurnS: 65.9 }) }));
    expect(turn(p)!.textContent).toBe('Patient’s turn: 1:05');
    expect(turn(p)!.classList.contains('attune-turn--patient')).toBe(true);
  });

  it('tints a clinician turn over 60 s gently and says so in words', () => {
    const c = active(liveTalk({ metrics: liveMetrics({ currentTurnS: 61.2 }) }));
    expect(turn(c)!.textContent).toBe('Your turn: 1:01 · over 1 min');
    expect(turn(c)!.classList.contains('attune-turn--long')).toBe(true);
    expect(queryByRole(c, 'alert')).toBeNull();
    // At the threshold exactly, and for a long patient turn, no tint.
    expect(turn(active(liveTalk({ metrics: liveMetrics({ currentTurnS: 60 }) })))!.classList.contains('attune-turn--long')).toBe(false);
    const p = active(liveTalk({ metrics: liveMetrics({ floor: 'patient', currentTurnS: 150 }) }));
    expect(turn(p)!.classList.contains('attune-turn--long')).toBe(false);
    expect(turn(p)!.textContent).toBe('Patient’s turn: 2:30');
  });

  it('shows nothing without metrics, and no timer before anyone holds the floor', () => {
    const c = active(liveTalk());
    expect(c.querySelector('.attune-cues')).toBeNull();
    expect(queryAllByText(c, /turn: /)).toHaveLength(0);
    const quiet = active(liveTalk({ elapsedS: 3, metrics: liveMetrics({ floor: null, currentTurnS: 0, opening: null }) }));
    expect(quiet.querySelector('.attune-cues')).toBeNull();
  });

  it('shows the opening statement while it lasts, with the evidence as a tooltip', () => {
    const metrics = liveMetrics({ floor: 'patient', currentTurnS: 23.5, opening: { startS: 3, durationS: 23.5, ended: false, interrupted: false, interruptedAfterS: null } });
    const c = active(liveTalk({ elapsedS: 27, metrics }));
    expect(opening(c)!.textContent).toBe("Patient's opening: 0:23, still going");
    expect(opening(c)!.getAttribute('title')).toBe(OPENING_EVIDENCE);
    expect(OPENING_EVIDENCE).toBe(
      'Clinicians interrupt the opening statement after a median of 11 s (Marvel et al., JAMA 1999; Singh Ospina et al., J Gen Intern Med 2019); ' +
        'uninterrupted, patients finish in about 92 s (Langewitz et al., BMJ 2002).',
    );
  });

  it('keeps an interrupted opening visible briefly after it ends, then drops it', () => {
    // Opening 4–27.4 s, interrupted 8.2 s in; at 40 s it ended 12.6 s ago.
    const c = active(liveTalk({ elapsedS: 40, metrics: liveMetrics() }));
    expect(opening(c)!.textContent).toBe("Patient's opening: 0:23, interrupted after 0:08");
    expect(getByText(c, 'Your turn: 0:42')).toBeTruthy();
    // The fixture's 4:07 into the visit: long past.
    expect(opening(active(liveTalk({ metrics: liveMetrics() })))).toBeNull();
  });
});

describe('Panel: ended and error', () => {
  it('says the visit is saved and opens the summary', () => {
    const { container, actions } = renderPanel(panelModel({ coaching: 'ended', lastVisitId: 'v42' }));
    expect(getByText(container, 'Visit saved')).toBeTruthy();
    click(getByRole(container, 'button', 'See summary'));
    expect(actions.onOpenSummary).toHaveBeenCalledTimes(1);
  });

  it('offers no summary button when nothing was saved', () => {
    const { container } = renderPanel(panelModel({ coaching: 'ended', lastVisitId: null }));
    expect(queryByRole(container, 'button', 'See summary')).toBeNull();
  });

  it('shows the error in an alert and a Set up Attune button', () => {
    const { container, actions } = renderPanel(panelModel({ coaching: 'error', message: 'Microphone permission is needed.' }));
    expect(getByRole(container, 'alert').textContent).toBe('Microphone permission is needed.');
    click(getByRole(container, 'button', 'Set up Attune'));
    expect(actions.onOpenSetup).toHaveBeenCalledTimes(1);
    click(getByRole(container, 'button', 'Try again'));
    expect(actions.onStart).toHaveBeenCalledTimes(1);
  });
});

describe('Panel: header, minimize and hide', () => {
  it('has labelled minimize and hide buttons', () => {
    const { container, actions, onMinimizedChange } = renderPanel(panelModel());
    click(getByRole(container, 'button', 'Minimize Attune panel'));
    expect(onMinimizedChange).toHaveBeenCalledWith(true);
    click(getByRole(container, 'button', 'Hide Attune panel'));
    expect(actions.onHide).toHaveBeenCalledTimes(1);
  });

  it('minimized: a dot named with the clinician share and tinted by balance; click restores', () => {
    const { container, onMinimizedChange } = renderPanel(panelModel({ coaching: 'active', live: liveTalk({ clinicianShare: 0.72 }) }), { minimized: true });
    const dot = getByRole(container, 'button', /you 72% of talk time/);
    expect(dot.classList.contains('attune-dot--high')).toBe(true);
    expect(dot.textContent).toBe('You 72%');
    expect(container.querySelector('.attune-panel')).toBeNull();
    click(dot);
    expect(onMinimizedChange).toHaveBeenCalledWith(false);
  });

  it('minimized dot is teal (balanced) at or under 60%', () => {
    const { container } = renderPanel(panelModel({ coaching: 'active', live: liveTalk({ clinicianShare: 0.6 }) }), { minimized: true });
    expect(getByRole(container, 'button', /you 60% of talk time/).classList.contains('attune-dot--balanced')).toBe(true);
  });

  it('minimized while idle: a neutral dot that still restores', () => {
    const { container } = renderPanel(panelModel(), { minimized: true });
    const dot = getByRole(container, 'button', 'Attune (minimized). Restore panel');
    expect(dot.classList.contains('attune-dot--none')).toBe(true);
  });

  it('moves focus to the dot on minimize and back on restore', () => {
    function Harness() {
      const [minimized, setMinimized] = useState(false);
      return (
        <Panel model={panelModel()} actions={panelActions()} minimized={minimized} onMinimizedChange={setMinimized} position={null} onPositionChange={() => {}} />
      );
    }
    const container = mount(<Harness />);
    click(getByRole(container, 'button', 'Minimize Attune panel'));
    const dot = getByRole(container, 'button', /Restore panel/);
    expect(document.activeElement).toBe(dot);
    click(dot);
    expect(document.activeElement).toBe(getByRole(container, 'button', 'Minimize Attune panel'));
  });
});

describe('Panel: dragging', () => {
  const pointer = (type: string, x: number, y: number) => new PointerEvent(type, { clientX: x, clientY: y, button: 0, pointerId: 1, bubbles: true });

  it('follows the pointer from the header and reports the final position once', () => {
    const { container, onPositionChange } = renderPanel(panelModel());
    const header = container.querySelector('header')!;
    const panel = container.querySelector<HTMLElement>('.attune-panel')!;
    // happy-dom has no layout: the panel's box is at 0,0, so the grab offset equals the pointer position.
    fire(header, pointer('pointerdown', 100, 100));
    fire(window, pointer('pointermove', 250, 220));
    fire(window, pointer('pointermove', 300, 250));
    expect(panel.style.left).toBe('200px');
    expect(panel.style.top).toBe('150px');
    expect(onPositionChange).not.toHaveBeenCalled();
    fire(window, pointer('pointerup', 300, 250));
    expect(onPositionChange).toHaveBeenCalledTimes(1);
    expect(onPositionChange).toHaveBeenCalledWith({ x: 200, y: 150 });
    // Listeners are gone after the drag.
    fire(window, pointer('pointermove', 500, 500));
    expect(panel.style.left).toBe('200px');
  });

  it('clamps the drag to the viewport', () => {
    const { container, onPositionChange } = renderPanel(panelModel());
    fire(container.querySelector('header')!, pointer('pointerdown', 10, 10));
    fire(window, pointer('pointermove', 99999, -500));
    fire(window, pointer('pointerup', 99999, -500));
    expect(onPositionChange).toHaveBeenCalledWith({ x: window.innerWidth - 8, y: 8 });
  });

  it('does not drag from the header buttons', () => {
    const { container, onPositionChange } = renderPanel(panelModel());
    fire(getByRole(container, 'button', 'Hide Attune panel'), pointer('pointerdown', 100, 100));
    fire(window, pointer('pointermove', 300, 300));
    fire(window, pointer('pointerup', 300, 300));
    expect(onPositionChange).not.toHaveBeenCalled();
    expect(container.querySelector<HTMLElement>('.attune-panel')!.style.left).toBe('');
  });

  it('does not report a position for a click on the header without movement', () => {
    const { container, onPositionChange } = renderPanel(panelModel(), { position: { x: 100, y: 100 } });
    fire(container.querySelector('header')!, pointer('pointerdown', 150, 110));
    fire(window, pointer('pointerup', 150, 110));
    expect(onPositionChange).not.toHaveBeenCalled();
  });

  it('moves with arrow keys on the handle, 10 px per press', () => {
    const { container, onPositionChange } = renderPanel(panelModel(), { position: { x: 100, y: 100 } });
    const handle = getByRole(container, 'button', 'Move panel');
    fire(handle, new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(onPositionChange).toHaveBeenLastCalledWith({ x: 110, y: 100 });
    fire(handle, new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(onPositionChange).toHaveBeenLastCalledWith({ x: 110, y: 110 });
    expect(container.querySelector<HTMLElement>('.attune-panel')!.style.top).toBe('110px');
    fire(handle, new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(onPositionChange).toHaveBeenCalledTimes(2);
  });
});

describe('the one-time toolbar tip', () => {
  it('shows before coaching when asked, and "Got it" dismisses it', () => {
    const a = panelActions();
    const c = mount(<Panel model={panelModel({ toolbarTip: true })} actions={a} minimized={false} onMinimizedChange={() => {}} position={null} onPositionChange={() => {}} />);
    expect(getByText(c, /start from the Attune button in the browser toolbar/)).toBeTruthy();
    click(getByRole(c, 'button', 'Got it'));
    expect(a.onDismissToolbarTip).toHaveBeenCalledTimes(1);
    const without = mount(<Panel model={panelModel()} actions={panelActions()} minimized={false} onMinimizedChange={() => {}} position={null} onPositionChange={() => {}} />);
    expect(queryByRole(without, 'button', 'Got it')).toBeNull();
  });
});
