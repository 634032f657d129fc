/**
 * The panel's gaze line: where the clinician is looking now (in words, not only a colour), how
 * much of the patient's speaking time had their eyes, and nods. Camera problems show as a plain
 * sentence instead; none of them stops the visit.
 */
import type { GazeState, LiveGaze } from '../../core/session/schema';
import { formatPercent } from '../format';

const STATE_TEXT: Record<GazeState, string> = {
  'on-screen': 'Looking at the screen',
  away: 'Looking away',
  down: 'Looking down',
  'no-face': 'Your face is not in view',
  'multiple-faces': 'More than one face in view: gaze paused',
  'low-light': 'Too dark to see your face',
  calibrating: 'Gaze starting…',
  'camera-denied': 'Camera not allowed: gaze off',
  'camera-busy': 'Camera busy or stopped: gaze off',
  unavailable: 'Gaze cues unavailable',
};

/** Conditions where the numbers mean nothing right now. */
const CAMERA_PROBLEMS: ReadonlySet<GazeState> = new Set(['camera-denied', 'camera-busy', 'unavailable']);

export function gazeStateText(state: GazeState): string {
  return STATE_TEXT[state];
}

export function GazeIndicator({ gaze }: { gaze: LiveGaze | undefined }) {
  if (!gaze) return null;
  const problem = CAMERA_PROBLEMS.has(gaze.state);
  const lookingAway = gaze.state === 'away' || gaze.state === 'down';
  return (
    <div class={`attune-gaze attune-gaze--${gaze.state}`} data-gaze-state={gaze.state}>
      <p class="attune-gaze__state" title={gaze.message ?? undefined}>
        {gazeStateText(gaze.state)}
        {lookingAway && gaze.awayForS >= 1 && <span class="attune-gaze__for"> · {Math.floor(gaze.awayForS)} s</span>}
      </p>
      {problem ? (
        gaze.message && <p class="attune-gaze__note">{gaze.message}</p>
      ) : (
        <p class="attune-gaze__figures">
          Eyes on screen while patient spoke: <strong>{formatPercent(gaze.onScreenWhilePatientSpeaksShare)}</strong>
          {' · '}
          {gaze.nods === 1 ? '1 nod' : `${gaze.nods} nods`}
        </p>
      )}
    </div>
  );
}
