/**
 * What the face worker reports for one camera frame: only geometry and a brightness figure,
 * never pixels. Times are seconds on the visit's clock; points are in pixels of the frame
 * (x right, y down), so that horizontal and vertical distances are comparable.
 */
export type Point = readonly [x: number, y: number];

/** The landmarks of one eye that gaze needs (MediaPipe Face Landmarker indices in the worker). */
export interface EyePoints {
  /** Corner towards the ear and corner towards the nose. */
  outer: Point;
  inner: Point;
  /** Middle of the upper and lower lid. */
  upper: Point;
  lower: Point;
  /** Centre of the iris. */
  iris: Point;
}

/** The eye-look blendshapes (0–1) of MediaPipe's face model; vertical ones are unambiguous for both eyes. */
export interface EyeLookBlendshapes {
  eyeLookUpLeft: number;
  eyeLookUpRight: number;
  eyeLookDownLeft: number;
  eyeLookDownRight: number;
}

export interface FaceObservation {
  /** The facial transformation matrix: 4×4, column-major (MediaPipe's `data`), canonical face → camera. */
  matrix: readonly number[];
  /** The eye on the image's left and the eye on the image's right. */
  eyes: readonly [EyePoints, EyePoints];
  blendshapes: EyeLookBlendshapes;
}

export interface GazeFrame {
  /** Seconds from the start of the visit. */
  tS: number;
  /** Faces the detector found (the worker looks for up to two). */
  faceCount: number;
  /** Mean luma of the frame, 0–255 (low light is judged from it). */
  lumaMean: number;
  /** The face, when exactly one was found. */
  face: FaceObservation | null;
}
