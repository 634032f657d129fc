/** Plain words for the labels stored with a visit: utterance labels, gaze states, nudges. */
import type { UtteranceLabel } from '../../core/questions/labels';
import type { GazeState, NudgeId } from '../../core/session/schema';

export const UTTERANCE_LABEL_TEXT: Record<UtteranceLabel, string> = {
  open_question: 'Open question',
  closed_question: 'Closed question',
  reflection: 'Reflection',
  other: 'Other',
};

export const GAZE_STATE_TEXT: Record<GazeState, string> = {
  'on-screen': 'looking at the screen',
  away: 'looking away',
  down: 'looking down (notes)',
  'no-face': 'no face in view',
  'multiple-faces': 'more than one face',
  'low-light': 'too dark to tell',
  calibrating: 'calibrating',
  'camera-denied': 'camera not allowed',
  'camera-busy': 'camera in use elsewhere',
  unavailable: 'camera unavailable',
};

export const NUDGE_TEXT: Record<NudgeId, string> = {
  opening: 'let the patient finish the opening statement',
  monologue: 'long turn: check in with the patient',
  balance: 'you were doing most of the talking',
  'closed-questions': 'several closed questions in a row',
  reflect: 'reflect back what you heard',
  gaze: 'looking away while the patient spoke',
  agenda: 'no “anything else?” in the first minutes',
  permission: 'advice given without asking permission',
  'teach-back': 'information given, understanding not checked',
};
