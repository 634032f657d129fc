import { FRAME_MS } from '../audio/constants';
import type { FrameFeatures } from '../audio/features';

/** A confirmed change of a channel's speech state, dated to the frame where it began. */
export type VadEvent = { type: 'speechStart'; frame: number } | { type: 'speechEnd'; frame: number };

/**
 * The default talk-time detector: voice activity on both channels at once, 10 ms frames,
 * attributing what the microphone hears. See docs/ALGORITHMS.md ("Duplex detector").
 *
 * - Patient (far end): level above a tracked noise floor, with hysteresis. Digital silence
 *   inside a patient turn (a packet-loss gap) neither starts nor ends speech.
 * - Clinician (microphone): level above the sum of the microphone's noise floor and the
 *   predicted residual echo of the far end. The echo model learns the echo path's delay (the
 *   lag that best correlates the two level envelopes) and its coupling per band (a running
 *   median of microphone minus far-end level while the far end speaks), so echo alone never
 *   counts as the clinician while genuine double talk, far above the echo, does. Each band
 *   keeps two noise floors, one for far-end silence and one for far-end speech, so an echo
 *   canceller that ducks the whole microphone while the patient speaks is handled too.
 * - Both: a start is confirmed after `minSpeechMs` loud frames and dated back to the first; an
 *   end after `hangoverMs` of quiet, dated to the first quiet frame.
 *
 * Works on `energyDb` alone; uses the microphone's `hfDb` when present (a second band in which
 * the echo of small speakers is weak). The far end only ever needs `energyDb`.
 * All state is plain JSON (see `DuplexVadState`), so a checkpoint resumes exactly.
 */
export interface DuplexVadOptions {
  /** Nothing quieter than this (dBFS) is speech on either channel. */
  minSpeechDbfs: number;
  /** Loud frames needed in a row before a start is confirmed, ms. */
  minSpeechMs: number;
  /** Quiet needed in a row before an end is confirmed, ms; bridges pauses between words. */
  hangoverMs: number;
  /**
   * Microphone: the hangover as a share of the room's measured reverberation time (RT60, from how
   * fast the clinician's level decays after each utterance ends), when that is longer than
   * `hangoverMs`. A far microphone in a reverberant room hears the quiet syllables of a real voice
   * at about the noise floor, smeared over a few hundred ms; a close microphone decays fast and
   * keeps `hangoverMs`. 0 disables it.
   */
  reverbHangoverShare: number;
  /** The longest microphone hangover the reverberation may ask for, ms. */
  maxHangoverMs: number;
  /** Far end: level above its noise floor that starts speech, dB. */
  patientOnDb: number;
  /** Far end: level above its noise floor that keeps speech going, dB. */
  patientHoldDb: number;
  /** Microphone: level above its noise floor that starts speech, dB. */
  clinicianOnDb: number;
  /** Microphone: level above its noise floor that keeps speech going, dB. */
  clinicianHoldDb: number;
  /** Microphone: level above the predicted echo (the median coupling) that counts as the clinician, dB. */
  echoMarginDb: number;
  /**
   * Microphone: level above the predicted echo that keeps the clinician's speech going, dB. Lower
   * than `echoMarginDb`: a clinician finishing her sentence while the patient starts (a far
   * microphone hears her only a few dB above the patient's echo) is held, while echo alone (within
   * about ±2 dB of the prediction) still neither starts nor continues speech.
   */
  echoHoldMarginDb: number;
  /** Noise floors may rise this fast while the level stays above them, dB/s. */
  floorRiseDbPerS: number;
  /** Noise floors fall this fast towards a quieter level, dB/s. */
  floorFallDbPerS: number;
  /** Longest far-end digital silence bridged inside a patient turn (packet loss), ms. */
  maxDropoutMs: number;
  /** Longest echo-path delay searched (playout buffer + room + capture), ms. */
  echoMaxDelayMs: number;
  /**
   * Frames more than this far below the speaker's active speech level are not speech, dB
   * (ITU-T P.56 counts activity down to 15.9 dB below the active level). 0 disables it.
   */
  belowSpeechLevelDb: number;
  /**
   * The same window for continuing speech that has started, dB (≥ `belowSpeechLevelDb`): real
   * voices drop a quiet word or syllable 16–22 dB under their active level mid-utterance, which
   * the start threshold would cut (espeak-ng voices do not). 0: as `belowSpeechLevelDb`.
   */
  belowSpeechLevelHoldDb: number;
  /** How quickly the active speech level forgets, in seconds of speech. */
  speechLevelMemoryS: number;
  /** Echo coupling assumed until it is learned (microphone minus far-end level), dB. */
  echoInitialDb: number;
  /** How quickly the echo model forgets, in seconds of far-end speech. */
  echoMemoryS: number;
  /** The echo's decay after the far end falls silent (room and echo-path tail), dB per 10 ms frame. */
  echoTailDbPerFrame: number;
}

export const DEFAULT_DUPLEX_VAD: DuplexVadOptions = {
  minSpeechDbfs: -62,
  minSpeechMs: 60,
  hangoverMs: 280,
  reverbHangoverShare: 0.8,
  maxHangoverMs: 450,
  patientOnDb: 12,
  patientHoldDb: 9,
  clinicianOnDb: 11,
  clinicianHoldDb: 8,
  echoMarginDb: 10,
  echoHoldMarginDb: 3,
  floorRiseDbPerS: 2,
  floorFallDbPerS: 60,
  maxDropoutMs: 400,
  echoMaxDelayMs: 300,
  belowSpeechLevelDb: 16,
  belowSpeechLevelHoldDb: 18,
  speechLevelMemoryS: 30,
  echoInitialDb: -10,
  echoMemoryS: 20,
  echoTailDbPerFrame: 6,
};

/** Below this a frame is digital silence (a muted sender, a gap), not room noise. */
const DIGITAL_SILENCE_DB = -90;
/** Far-end frames this far above its floor teach the echo model. */
const ECHO_LEARN_ABOVE_FLOOR_DB = 20;
/** Updates before the echo delay estimate is trusted. */
const ECHO_DELAY_MIN_UPDATES = 300;
/** The room's decay is read as the time the microphone level takes to fall this far, dB. */
const DECAY_FALL_DB = 15;
/** A fall counts when it ends at least this far above the noise floor (not lost in the noise), dB. */
const DECAY_ABOVE_FLOOR_DB = 3;
/** Falls are looked for from this long before an utterance's end (frames, 300 ms) up to its confirmation. */
const DECAY_LOOKBACK_FRAMES = 30;
/** The reverberation estimate is the median of the decays of this many recent ends. */
const DECAY_MEMORY = 15;
/** Ends measured before the reverberation estimate is trusted. */
const DECAY_MIN_ENDS = 3;

/** Hysteresis of one channel. */
export interface GateState {
  speaking: boolean;
  /** Active speech level: power mean of the frames counted as speech, dBFS (null: none yet). */
  levelDb: number | null;
  /** Speech frames that went into `levelDb` (capped). */
  levelFrames: number;
  /** Frames in a row that disagree with `speaking` (dropout frames included when speaking). */
  run: number;
  /** Dropout frames in the current run (they do not count towards the hangover). */
  held: number;
}

export interface BandState {
  /** Noise floor while the far end is quiet, dBFS (null: not seen yet). */
  floorIdle: number | null;
  /** Noise floor while the far end speaks (may be lower when the microphone is ducked), dBFS. */
  floorActive: number | null;
  /** Echo coupling: running median of microphone level minus delayed far-end level, dB. */
  coupling: number;
  updates: number;
}

export interface DuplexVadState {
  frame: number;
  patientFloor: number | null;
  /** Last far-end level that was not digital silence, and for how many frames it has been held. */
  lastRemoteDb: number | null;
  heldFrames: number;
  /** Far-end levels of the last frames (oldest first), echo reference, dBFS. */
  history: number[];
  /** Echo delay statistics: weighted sums per lag over far-end speech. */
  xc: { n: number; sm: number; smm: number; sr: number[]; srr: number[]; smr: number[] };
  delayFrames: number | null;
  bands: { full: BandState; hf: BandState };
  gate: { clinician: GateState; patient: GateState };
  /** Microphone levels of the last frames (oldest first), dBFS: the decay after an end is read here. */
  micHistory?: number[];
  /** Decays after recent clinician utterance ends, dB per frame (oldest first). */
  micDecays?: number[];
}

export interface DuplexEvents {
  clinician: VadEvent | null;
  patient: VadEvent | null;
}

export interface DuplexVad {
  push(clinician: FrameFeatures | null, patient: FrameFeatures | null): DuplexEvents;
  readonly speaking: { clinician: boolean; patient: boolean };
  state(): DuplexVadState;
}

const newBand = (initial: number): BandState => ({ floorIdle: null, floorActive: null, coupling: initial, updates: 0 });
const newGate = (): GateState => ({ speaking: false, levelDb: null, levelFrames: 0, run: 0, held: 0 });
const db2p = (db: number) => Math.pow(10, db / 10);
const p2db = (p: number) => 10 * Math.log10(p);

export function initialDuplexVadState(options: Partial<DuplexVadOptions> = {}): DuplexVadState {
  const o = { ...DEFAULT_DUPLEX_VAD, ...options };
  const lags = Math.round(o.echoMaxDelayMs / FRAME_MS) + 1;
  return {
    frame: 0,
    patientFloor: null,
    lastRemoteDb: null,
    heldFrames: 0,
    history: Array<number>(lags).fill(-120),
    xc: { n: 0, sm: 0, smm: 0, sr: Array<number>(lags).fill(0), srr: Array<number>(lags).fill(0), smr: Array<number>(lags).fill(0) },
    delayFrames: null,
    bands: { full: newBand(o.echoInitialDb), hf: newBand(o.echoInitialDb) },
    gate: { clinician: newGate(), patient: newGate() },
  };
}

function cloneState(s: DuplexVadState): DuplexVadState {
  return JSON.parse(JSON.stringify(s)) as DuplexVadState;
}

export function createDuplexVad(options: Partial<DuplexVadOptions> = {}, restore?: DuplexVadState): DuplexVad {
  const o = { ...DEFAULT_DUPLEX_VAD, ...options };
  const minSpeechFrames = Math.max(1, Math.round(o.minSpeechMs / FRAME_MS));
  const hangoverFrames = Math.max(1, Math.round(o.hangoverMs / FRAME_MS));
  const maxDropoutFrames = Math.round(o.maxDropoutMs / FRAME_MS);
  const rise = (o.floorRiseDbPerS * FRAME_MS) / 1000;
  const fall = (o.floorFallDbPerS * FRAME_MS) / 1000;
  const alpha = FRAME_MS / 1000 / o.echoMemoryS;
  const s = restore ? cloneState(restore) : initialDuplexVadState(o);
  const lags = s.history.length;
  const maxHangoverFrames = Math.max(hangoverFrames, Math.round(o.maxHangoverMs / FRAME_MS));
  // checkpoints from before the reverberation estimate start it afresh
  const micFrames = maxHangoverFrames + DECAY_LOOKBACK_FRAMES + 2;
  if (s.micHistory?.length !== micFrames) s.micHistory = Array<number>(micFrames).fill(-120);
  const micHistory = s.micHistory;
  const micDecays = (s.micDecays ??= []);

  const levelCap = Math.round((o.speechLevelMemoryS * 1000) / FRAME_MS);
  function learnLevel(g: GateState, level: number): void {
    if (g.levelDb === null) {
      g.levelDb = level;
      g.levelFrames = 1;
      return;
    }
    g.levelFrames = Math.min(levelCap, g.levelFrames + 1);
    g.levelDb = p2db(db2p(g.levelDb) + (db2p(level) - db2p(g.levelDb)) / g.levelFrames);
  }
  /** The relative threshold under the active level (wider while speaking), lowered by `duckDb`. */
  function relative(g: GateState, duckDb = 0): number {
    const below = g.speaking ? Math.max(o.belowSpeechLevelDb, o.belowSpeechLevelHoldDb) : o.belowSpeechLevelDb;
    return g.levelDb === null || o.belowSpeechLevelDb <= 0 ? -120 : g.levelDb - below - duckDb;
  }

  function track(floor: number | null, level: number): number {
    if (floor === null) return level;
    if (level < floor) return Math.max(level, floor - fall);
    return floor + rise;
  }

  /** The microphone's hangover, frames: `hangoverMs`, or longer in a reverberant room (see `reverbHangoverShare`). */
  function roomHangoverFrames(): number {
    if (o.reverbHangoverShare <= 0 || micDecays.length < DECAY_MIN_ENDS) return hangoverFrames;
    const sorted = [...micDecays].sort((a, b) => a - b);
    const decayDbPerFrame = sorted[Math.floor(sorted.length / 2)]!;
    const rt60Frames = 60 / decayDbPerFrame;
    return Math.min(maxHangoverFrames, Math.max(hangoverFrames, Math.round(o.reverbHangoverShare * rt60Frames)));
  }

  /**
   * At a clinician end (dated `endFrame`), the steepest 15 dB fall of the microphone level in the
   * 300 ms before it and the hangover after it, dB per frame. A room's reverberation bounds how
   * fast any fall can be (60 dB per RT60), so the steepest fall measures the room (blind RT60
   * estimation reads the same bound from speech decays): 4–15 dB per frame close to the
   * microphone, about 1 in a reverberant room. Noise that fluctuates near the floor (babble) slows
   * the falls too, and there quiet syllables hide in the same way, so it also lengthens the hangover.
   */
  function learnDecay(endFrame: number, frame: number): void {
    const floor = s.bands.full.floorIdle;
    if (floor === null || s.gate.patient.speaking) return;
    const first = Math.max(0, micHistory.length - 1 - (frame - endFrame) - DECAY_LOOKBACK_FRAMES);
    let steepest = 0;
    for (let i = first; i < micHistory.length; i++) {
      const from = micHistory[i]!;
      if (from < floor + DECAY_FALL_DB + DECAY_ABOVE_FLOOR_DB) continue;
      for (let j = i + 1; j < micHistory.length; j++) {
        if (micHistory[j]! > from - DECAY_FALL_DB) continue;
        steepest = Math.max(steepest, DECAY_FALL_DB / (j - i));
        break;
      }
    }
    if (steepest === 0) return;
    micDecays.push(steepest);
    if (micDecays.length > DECAY_MEMORY) micDecays.shift();
    clinicianHangoverFrames = roomHangoverFrames();
  }

  // changes only when an end is measured
  let clinicianHangoverFrames = roomHangoverFrames();

  /** Hysteresis; `loud` null means "no information" (digital silence inside speech). */
  function gate(g: GateState, loud: boolean | null, frame: number, hangover = hangoverFrames): VadEvent | null {
    if (loud === null) {
      if (g.speaking && g.held < maxDropoutFrames) {
        g.run++;
        g.held++;
        return null;
      }
      loud = false;
    }
    if (loud === g.speaking) {
      g.run = 0;
      g.held = 0;
      return null;
    }
    g.run++;
    if (!g.speaking && g.run >= minSpeechFrames) {
      g.speaking = true;
      const start = frame - g.run + 1;
      g.run = 0;
      g.held = 0;
      return { type: 'speechStart', frame: start };
    }
    if (g.speaking && g.run - g.held >= hangover) {
      g.speaking = false;
      const end = frame - g.run + 1;
      g.run = 0;
      g.held = 0;
      return { type: 'speechEnd', frame: end };
    }
    return null;
  }

  function updateDelay(mic: number): void {
    const x = s.xc;
    const h = s.history;
    x.n++;
    const a = Math.max(alpha, 1 / x.n);
    x.sm += a * (mic - x.sm);
    x.smm += a * (mic * mic - x.smm);
    for (let k = 0; k < lags; k++) {
      const r = h[lags - 1 - k]!;
      x.sr[k]! += a * (r - x.sr[k]!);
      x.srr[k]! += a * (r * r - x.srr[k]!);
      x.smr[k]! += a * (mic * r - x.smr[k]!);
    }
    if (x.n >= ECHO_DELAY_MIN_UPDATES && x.n % 10 === 0) {
      let best = -2;
      let bestK = 0;
      const vm = x.smm - x.sm * x.sm;
      for (let k = 0; k < lags; k++) {
        const vr = x.srr[k]! - x.sr[k]! * x.sr[k]!;
        const c = (x.smr[k]! - x.sm * x.sr[k]!) / Math.sqrt(Math.max(1e-9, vm * vr));
        if (c > best) {
          best = c;
          bestK = k;
        }
      }
      s.delayFrames = bestK;
    }
  }

  /** The far-end level that reaches the microphone now, with the echo path's tail, dBFS. */
  function echoReference(): number {
    const h = s.history;
    if (s.delayFrames === null) {
      let m = -120;
      for (let k = 0; k < lags; k++) m = Math.max(m, h[k]!);
      return m;
    }
    const d = s.delayFrames;
    let m = -120;
    // the direct path, a frame either side (delay jitter), and a decaying tail
    for (let k = Math.max(0, d - 1); k < lags; k++) {
      const tail = k <= d + 1 ? 0 : (k - d - 1) * o.echoTailDbPerFrame;
      if (tail > 40) break;
      m = Math.max(m, h[lags - 1 - k]! - tail);
    }
    return m;
  }

  function bandThreshold(b: BandState, echoRef: number, farActive: boolean, on: boolean): number {
    const floor = farActive ? (b.floorActive ?? b.floorIdle ?? -120) : Math.max(b.floorIdle ?? -120, b.floorActive ?? -120);
    const above = on ? o.clinicianOnDb : o.clinicianHoldDb;
    const margin = on ? o.echoMarginDb : o.echoHoldMarginDb;
    return p2db(db2p(floor + above) + db2p(b.coupling + echoRef + margin));
  }

  function learnBand(b: BandState, level: number, echoRef: number, farActive: boolean): void {
    if (farActive) b.floorActive = track(b.floorActive, level);
    else b.floorIdle = track(b.floorIdle, level);
    if (echoRef >= (s.patientFloor ?? 0) + ECHO_LEARN_ABOVE_FLOOR_DB && s.delayFrames !== null) {
      b.updates++;
      // While the clinician speaks (double talk, or echo not yet modelled) adapt ten times slower.
      const step = (b.updates < 300 ? 0.5 : 0.1) * (s.gate.clinician.speaking ? 0.1 : 1);
      b.coupling += level - echoRef > b.coupling ? step : -step;
    }
  }

  return {
    push(clinician, patient) {
      const frame = s.frame++;
      // ---- far end
      let remote = patient?.energyDb ?? -120;
      const silent = remote <= DIGITAL_SILENCE_DB;
      let patientLoud: boolean | null;
      if (silent) {
        patientLoud = patient ? null : false;
        // packet loss: the listener still hears concealment, so the echo reference holds
        if (s.lastRemoteDb !== null && s.heldFrames < maxDropoutFrames && s.gate.patient.speaking) {
          s.heldFrames++;
          remote = s.lastRemoteDb;
        }
      } else {
        s.patientFloor = track(s.patientFloor, remote);
        s.lastRemoteDb = remote;
        s.heldFrames = 0;
        const above = s.gate.patient.speaking ? o.patientHoldDb : o.patientOnDb;
        patientLoud = remote >= Math.max(o.minSpeechDbfs, s.patientFloor + above, relative(s.gate.patient));
        if (patientLoud) learnLevel(s.gate.patient, remote);
      }
      const patientEvent = gate(s.gate.patient, patientLoud, frame);
      s.history.shift();
      s.history.push(remote);

      // ---- microphone
      const mic = clinician?.energyDb ?? -120;
      let clinicianLoud = false;
      if (mic > DIGITAL_SILENCE_DB) {
        const echoRef = echoReference();
        const farActive = echoRef >= (s.patientFloor ?? 0) + o.patientOnDb;
        if (farActive) updateDelay(mic);
        const on = !s.gate.clinician.speaking;
        const full = s.bands.full;
        const duckDb = farActive && full.floorIdle !== null && full.floorActive !== null ? Math.max(0, full.floorIdle - full.floorActive) : 0;
        const minimum = Math.max(o.minSpeechDbfs, relative(s.gate.clinician, duckDb));
        clinicianLoud = mic >= minimum && mic >= bandThreshold(full, echoRef, farActive, on);
        const hf = clinician?.hfDb;
        if (hf !== undefined && hf > DIGITAL_SILENCE_DB) {
          if (!clinicianLoud) clinicianLoud = mic >= minimum && hf >= bandThreshold(s.bands.hf, echoRef, farActive, on);
          learnBand(s.bands.hf, hf, echoRef, farActive);
        }
        if (clinicianLoud && !farActive) learnLevel(s.gate.clinician, mic);
        learnBand(s.bands.full, mic, echoRef, farActive);
      }
      micHistory.shift();
      micHistory.push(mic);
      const clinicianEvent = gate(s.gate.clinician, clinicianLoud, frame, clinicianHangoverFrames);
      if (clinicianEvent?.type === 'speechEnd') learnDecay(clinicianEvent.frame, frame);
      return { clinician: clinicianEvent, patient: patientEvent };
    },
    get speaking() {
      return { clinician: s.gate.clinician.speaking, patient: s.gate.patient.speaking };
    },
    state: () => cloneState(s),
  };
}
