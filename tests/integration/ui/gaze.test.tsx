import { describe, expect, it, vi } from 'vitest';
import type { LiveGaze } from '../../../src/core/session/schema';
import { GazeIndicator } from '../../../src/ui/panel/GazeIndicator';
import { GazeSection, type GazeSectionProps } from '../../../src/ui/options/GazeSection';
import { SetupPage } from '../../../src/ui/options/SetupPage';
import { click, getByRole, getByText, mount, queryByRole } from './dom';

const live = (over: Partial<LiveGaze> = {}): LiveGaze => ({ state: 'on-screen', awayForS: 0, nods: 2, onScreenWhilePatientSpeaksShare: 0.83, message: null, ...over });

describe('GazeIndicator (panel)', () => {
  it('is absent when gaze does not run', () => {
    const c = mount(<GazeIndicator gaze={undefined} />);
    expect(c.querySelector('.attune-gaze')).toBeNull();
  });

  it('says where the clinician looks, the on-screen share while the patient spoke and the nods', () => {
    const c = mount(<GazeIndicator gaze={live()} />);
    expect(getByText(c, 'Looking at the screen')).toBeTruthy();
    expect(c.textContent).toMatch(/Eyes on screen while patient spoke: 83% · 2 nods/);
  });

  it('counts a look-away in whole seconds, in words', () => {
    const c = mount(<GazeIndicator gaze={live({ state: 'down', awayForS: 9.6, nods: 1 })} />);
    expect(c.textContent).toMatch(/Looking down · 9 s/);
    expect(c.textContent).toMatch(/1 nod$/);
  });

  it.each([
    ['camera-denied', /Camera not allowed/],
    ['camera-busy', /Camera busy or stopped/],
    ['unavailable', /Gaze cues unavailable/],
    ['multiple-faces', /More than one face/],
    ['low-light', /Too dark/],
    ['no-face', /not in view/],
  ] as const)('shows %s plainly', (state, text) => {
    const c = mount(<GazeIndicator gaze={live({ state, message: state.startsWith('camera') ? 'Allow it on Attune’s setup page.' : null })} />);
    expect(c.textContent).toMatch(text);
    if (state.startsWith('camera')) {
      expect(c.textContent).toMatch(/Allow it on Attune’s setup page\./);
      expect(c.textContent).not.toMatch(/nods/);
    }
  });
});

function props(over: Partial<GazeSectionProps> = {}): GazeSectionProps {
  return {
    enabled: false,
    onEnabledChange: vi.fn(),
    camera: 'prompt',
    onRequestCamera: vi.fn(),
    modelAvailable: true,
    calibration: { kind: 'none' },
    onCalibrate: vi.fn(),
    ...over,
  };
}

describe('GazeSection (options)', () => {
  it('is off by default and turns on with its switch', () => {
    const p = props();
    const c = mount(<GazeSection {...p} />);
    click(getByRole(c, 'switch', 'Gaze cues'));
    expect(p.onEnabledChange).toHaveBeenCalledWith(true);
    expect(queryByRole(c, 'button', 'Allow camera')).toBeNull();
  });

  it('once on, asks for the camera, then offers the 3-second calibration', () => {
    const p = props({ enabled: true });
    const c = mount(<GazeSection {...p} />);
    click(getByRole(c, 'button', 'Allow camera'));
    expect(p.onRequestCamera).toHaveBeenCalled();
    const granted = mount(<GazeSection {...props({ enabled: true, camera: 'granted', onCalibrate: p.onCalibrate })} />);
    expect(getByText(granted, /Not calibrated yet/)).toBeTruthy();
    click(getByRole(granted, 'button', 'Calibrate'));
    expect(p.onCalibrate).toHaveBeenCalled();
  });

  it('shows progress while calibrating and the outcome after', () => {
    const running = mount(<GazeSection {...props({ enabled: true, camera: 'granted', calibration: { kind: 'running', progress: 0.4 } })} />);
    expect((getByRole(running, 'button', 'Look at the patient’s video…') as HTMLButtonElement).disabled).toBe(true);
    expect((running.querySelector('progress') as HTMLProgressElement).value).toBeCloseTo(0.4);
    const failed = mount(<GazeSection {...props({ enabled: true, camera: 'granted', calibration: { kind: 'failed', message: 'Your face was not found.', savedAt: null } })} />);
    expect(getByText(failed, 'Your face was not found.')).toBeTruthy();
    const saved = mount(<GazeSection {...props({ enabled: true, camera: 'granted', calibration: { kind: 'saved', savedAt: 1 } })} />);
    expect(getByText(saved, /Calibrated\. Gaze cues are ready\./)).toBeTruthy();
    expect(getByRole(saved, 'button', 'Calibrate again')).toBeTruthy();
  });

  it('says plainly when the build has no face model, and offers no switch', () => {
    const c = mount(<GazeSection {...props({ modelAvailable: false })} />);
    expect(c.textContent).toMatch(/Gaze cues are unavailable in this build/);
    expect(queryByRole(c, 'switch', 'Gaze cues')).toBeNull();
  });

  it('explains how to unblock a denied camera', () => {
    const c = mount(<GazeSection {...props({ enabled: true, camera: 'denied' })} />);
    expect(c.textContent).toMatch(/camera is blocked for Attune/);
  });

  it('sits in the setup page before "Start coaching"', () => {
    const c = mount(
      <SetupPage micPermission="granted" onRequestMic={vi.fn()} privacyLocal onPrivacyLocalChange={vi.fn()} message={null} gaze={props()} />,
    );
    const headings = [...c.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings.indexOf('Gaze cues (optional)')).toBe(headings.indexOf('Start coaching') - 1);
  });
});
