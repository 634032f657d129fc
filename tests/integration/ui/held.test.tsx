import { describe, expect, it, vi } from 'vitest';
import { Panel } from '../../../src/ui/panel/Panel';
import { click, getByRole, mount } from './dom';
import { liveTalk, panelActions, panelModel, visit } from './fixtures';
import { TalkTimeline } from '../../../src/ui/summary/TalkTimeline';

/**
 * Issue 19.3: with the microphone giving no sound the panel showed "You 100% · You are speaking";
 * issue 19.7: there was no pause. While held, the panel shows why and the fix, and no share.
 */
function renderHeld(held: 'paused' | 'no-microphone' | null) {
  const actions = panelActions();
  const live = liveTalk({ held, clinicianS: 3, patientS: 0, clinicianShare: 1, speakingNow: 'clinician' });
  const c = mount(<Panel model={panelModel({ coaching: 'active', live })} actions={actions} minimized={false} onMinimizedChange={vi.fn()} position={null} onPositionChange={vi.fn()} />);
  return { c, actions };
}

describe('the panel while nothing is counted', () => {
  it('no microphone sound: says so with the fix, shows no share and no speaker', () => {
    const { c, actions } = renderHeld('no-microphone');
    const text = c.textContent ?? '';
    expect(text).toMatch(/No sound from your microphone/);
    expect(text).toMatch(/blocked, muted or switched off/);
    expect(text).not.toMatch(/100%|You are speaking|most of the talking/);
    click(getByRole(c, 'button', 'Open setup'));
    expect(actions.onOpenSetup).toHaveBeenCalledOnce();
    expect(c.querySelector('[aria-pressed]')).toBeNull(); // nothing to pause while nothing is counted
  });

  it('Pause and Resume: the button says which, and the paused panel shows no figures', () => {
    const running = renderHeld(null);
    click(getByRole(running.c, 'button', 'Pause'));
    expect(running.actions.onPause).toHaveBeenCalledWith(true);
    const paused = renderHeld('paused');
    expect(paused.c.textContent).toMatch(/Paused — not counting/);
    expect(paused.c.textContent).not.toMatch(/100%|You are speaking/);
    const resume = getByRole(paused.c, 'button', 'Resume');
    expect(resume.getAttribute('aria-pressed')).toBe('true');
    click(resume);
    expect(paused.actions.onPause).toHaveBeenCalledWith(false);
  });
});

describe('the timeline marks time left out', () => {
  it('a pause shows as a break with its length in words', () => {
    const v = visit();
    const c = mount(<TalkTimeline durationS={v.durationS} segments={v.segments} excluded={[{ atS: 190, durationS: 125, reason: 'paused' }]} />);
    expect(c.querySelectorAll('.attune-excluded')).toHaveLength(1);
    expect(c.textContent).toMatch(/Paused at 3:10 for 2 min 05 s \(not counted\)/);
    expect(c.querySelector('desc')!.textContent).toMatch(/Paused at 3:10/);
  });
});
