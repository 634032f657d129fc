import { describe, expect, it, vi } from 'vitest';
import { Panel } from '../../../src/ui/panel/Panel';
import { BALANCE_MIN_EACH_S } from '../../../src/core/coach/balance-verdict';
import { coachingText } from '../../../src/ui/popup/Popup';
import { mount } from './dom';
import { liveTalk, panelActions, panelModel } from './fixtures';

/**
 * Issue 19.4: at 0:03 the panel said "You 100% · You are doing most of the talking" before the
 * patient had said a word. No verdict (words, colour, share) until both sides have spoken
 * BALANCE_MIN_EACH_S.
 */
function panelAt(clinicianS: number, patientS: number, minimized = false) {
  const live = liveTalk({ clinicianS, patientS, clinicianShare: clinicianS / (clinicianS + patientS), elapsedS: clinicianS + patientS, speakingNow: 'clinician' });
  const model = panelModel({ coaching: 'active', live });
  return mount(<Panel model={model} actions={panelActions()} minimized={minimized} onMinimizedChange={vi.fn()} position={null} onPositionChange={vi.fn()} />);
}

describe('the balance gives no verdict until both sides have spoken', () => {
  it('0:03, only the clinician spoke: no "most of the talking", no 100%, no amber', () => {
    const c = panelAt(3, 0);
    const text = c.textContent ?? '';
    expect(text).not.toMatch(/most of the talking|Balanced/);
    expect(text).not.toMatch(/100%/);
    expect(text).toMatch(/Waiting for the patient to speak/);
    expect(c.querySelector('.attune-balance--high')).toBeNull();
    const dot = panelAt(3, 0, true).querySelector('.attune-dot')!;
    expect(dot.className).not.toMatch(/--high/);
    expect(dot.textContent).not.toMatch(/100/);
    expect(coachingText('active', liveTalk({ clinicianS: 3, patientS: 0, clinicianShare: 1 }))).not.toMatch(/100%/);
  });

  it('the patient has spoken a little: still waiting until each side reaches the minimum', () => {
    const c = panelAt(40, BALANCE_MIN_EACH_S - 1);
    expect(c.textContent).toMatch(/Waiting for the patient to speak/);
    expect(c.querySelector('.attune-balance--high')).toBeNull();
  });

  it('both have spoken enough: the verdict and the shares show, the dot reads "You 80%"', () => {
    const c = panelAt(40, BALANCE_MIN_EACH_S);
    expect(c.textContent).toMatch(/You are doing most of the talking/);
    expect(c.querySelector('.attune-balance--high')).not.toBeNull();
    const dot = panelAt(40, BALANCE_MIN_EACH_S, true).querySelector('.attune-dot')!;
    expect(dot.className).toMatch(/--high/);
    // Issue 19.9: the minimized dot says what the number is.
    expect(dot.textContent).toBe('You 80%');
    expect(coachingText('active', liveTalk({ clinicianS: 40, patientS: 10, clinicianShare: 0.8 }))).toBe('Coaching — you 80% of talk time');
  });
});
