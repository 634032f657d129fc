/**
 * Gaze cues on the setup page: off until the clinician turns them on; the camera grant (asked
 * here because the engine's hidden page cannot ask); the 3-second calibration; and a plain
 * statement when this build has no face model.
 */
import type { MicPermission as CameraPermission } from '../../core/protocol/messages';
import { Switch } from '../components/Switch';

export type CalibrationStatus = { kind: 'none' } | { kind: 'saved'; savedAt: number } | { kind: 'running'; progress: number } | { kind: 'failed'; message: string; savedAt: number | null };

export interface GazeSectionProps {
  enabled: boolean;
  onEnabledChange(on: boolean): void;
  camera: CameraPermission;
  onRequestCamera(): void;
  /** null while checking. */
  modelAvailable: boolean | null;
  calibration: CalibrationStatus;
  onCalibrate(): void;
}

export const GAZE_DESCRIPTION =
  'Uses your webcam during coached visits to tell when you look at the patient, look away or look down to chart. Frames are analysed on this computer and never kept.';

export function GazeSection({ enabled, onEnabledChange, camera, onRequestCamera, modelAvailable, calibration, onCalibrate }: GazeSectionProps) {
  const unavailable = modelAvailable === false;
  const running = calibration.kind === 'running';
  return (
    <li class="attune-setup__step attune-gaze-setup">
      <h2>Gaze cues (optional)</h2>
      {unavailable ? (
        <p role="note">
          <strong>Gaze cues are unavailable in this build:</strong> it was built without the face model. Everything else works as usual.
        </p>
      ) : (
        <>
          <Switch label="Gaze cues" description={GAZE_DESCRIPTION} checked={enabled} onChange={onEnabledChange} />
          {enabled && (
            <div class="attune-gaze-setup__steps">
              <p>
                <button type="button" class={`attune-btn ${camera === 'granted' ? '' : 'attune-btn--primary'}`} disabled={camera === 'granted'} onClick={onRequestCamera}>
                  {camera === 'granted' ? 'Camera allowed' : 'Allow camera'}
                </button>
              </p>
              {camera === 'denied' && (
                <p role="note">The camera is blocked for Attune. Allow it in the site settings of this page (the icon left of the address bar), then reload.</p>
              )}
              {camera === 'granted' && (
                <>
                  <p>
                    Calibrate once: place the call window where you usually have it, choose <strong>Calibrate</strong> and look at where the
                    patient’s video will be for 3 seconds.
                  </p>
                  <p>
                    <button type="button" class="attune-btn" disabled={running || modelAvailable === null} onClick={onCalibrate}>
                      {running ? 'Look at the patient’s video…' : calibration.kind === 'saved' ? 'Calibrate again' : 'Calibrate'}
                    </button>
                  </p>
                  {running && <progress max={1} value={calibration.progress} aria-label="Calibration progress" />}
                  <p aria-live="polite">
                    {calibration.kind === 'saved' && 'Calibrated. Gaze cues are ready.'}
                    {calibration.kind === 'failed' && calibration.message}
                    {calibration.kind === 'none' && 'Not calibrated yet: gaze assumes your camera sits straight in front of you.'}
                  </p>
                </>
              )}
            </div>
          )}
        </>
      )}
    </li>
  );
}
