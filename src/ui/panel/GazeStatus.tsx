/**
 * One line for the clinician's gaze (live.gaze, when gaze cues are on): where they are looking,
 * for how long when away, and the camera's condition in words.
 */
import type { GazeState, LiveGaze } from '../../core/session/schema';
import { formatClock } from '../format';

const GAZE_TEXT: Record<GazeState, string> = {
  'on-screen': 'Looking at the patient',
  away: 'Looking away',
  down: 'Looking down',
  'no-face': 'No face in view',
  'multiple-faces': 'More than one face in view',
  'low-light': 'Too dark to see your eyes',
  calibrating: 'Calibrating gaze…',
  'camera-denied': 'Camera not allowed',
  'camera-busy': 'Camera in use by another program',
  unavailable: 'Gaze cues unavailable',
};

/** Tone for the dot: good, a look-away, or the camera cannot tell. */
function gazeTone(state: GazeState): 'on' | 'away' | 'unknown' {
  if (state === 'on-screen') return 'on';
  if (state === 'away' || state === 'down') return 'away';
  return 'unknown';
}

export function gazeText(gaze: LiveGaze): string {
  const base = GAZE_TEXT[gaze.state];
  return (gaze.state === 'away' || gaze.state === 'down') && gaze.awayForS >= 1 ? `${base} ${formatClock(gaze.awayForS)}` : base;
}

export function GazeStatus({ gaze }: { gaze: LiveGaze }) {
  const tone = gazeTone(gaze.state);
  return (
    <p class={`attune-gaze attune-gaze--${tone}`} title={gaze.message ?? undefined}>
      <svg class="attune-gaze__icon" width="16" height="12" viewBox="0 0 16 12" aria-hidden="true" focusable="false">
        <path d="M1 6s2.6-5 7-5 7 5 7 5-2.6 5-7 5-7-5-7-5z" fill="none" stroke="currentColor" stroke-width="1.5" />
        <circle cx="8" cy="6" r="2.2" fill="currentColor" />
      </svg>
      <span>
        <span class="attune-sr-only">Gaze: </span>
        {gazeText(gaze)}
      </span>
      {gaze.nods > 0 && <span class="attune-gaze__nods">{gaze.nods === 1 ? '1 nod' : `${gaze.nods} nods`}</span>}
    </p>
  );
}
