import type { Page } from 'playwright-core';

/**
 * How fast the panel follows a change of speaker: the page records every change of the panel's
 * "who is speaking" line with an epoch timestamp; each true patient onset of the demo script
 * (a patient turn after a clinician turn) is matched with the first moment after it at which
 * the panel shows the patient speaking. This covers the whole path a clinician experiences:
 * WebRTC, capture, worklet batching, the detector, the live update interval and the messages.
 */
export interface SpeakingChange {
  atMs: number;
  text: string;
}

export interface TruthTurn {
  speaker: string;
  start: number;
  end: number;
  backchannel?: boolean;
}

/** Starts recording in the page world (the panel's shadow root is open). */
export async function recordSpeakingChanges(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __attuneSpeaking?: Array<{ atMs: number; text: string }> };
    const log: Array<{ atMs: number; text: string }> = (w.__attuneSpeaking = []);
    let last = '';
    const sample = () => {
      const line = document.querySelector('attune-panel')?.shadowRoot?.querySelector('.attune-speaking');
      const text = line?.textContent?.trim() ?? '';
      if (text !== last) {
        last = text;
        log.push({ atMs: performance.timeOrigin + performance.now(), text });
      }
    };
    const root = document.querySelector('attune-panel')?.shadowRoot;
    if (!root) throw new Error('the panel is not on the page');
    new MutationObserver(sample).observe(root, { subtree: true, childList: true, characterData: true });
    sample();
  });
}

export async function readSpeakingChanges(page: Page): Promise<{ changes: SpeakingChange[]; scriptStartMs: number }> {
  return page.evaluate(() => ({
    changes: (window as unknown as { __attuneSpeaking: SpeakingChange[] }).__attuneSpeaking,
    scriptStartMs: Number(document.body.dataset.patientStartedAtMs),
  }));
}

/** Patient onsets after a clinician turn (the speaker changes the demo page can time), seconds of script time. */
export function patientTakeovers(turns: readonly TruthTurn[], minGapS = 0.1): number[] {
  const onsets: number[] = [];
  for (let i = 1; i < turns.length; i++) {
    const turn = turns[i]!;
    const before = turns[i - 1]!;
    if (turn.speaker === 'patient' && !turn.backchannel && before.speaker === 'clinician' && turn.start - before.end >= minGapS) onsets.push(turn.start);
  }
  return onsets;
}

/**
 * In a looped visit the fake microphone's loop and the call page's patient loop drift apart (over
 * two hours, 385 takeovers fell outside the 2-s window), so the script's onsets stop matching what
 * is heard: a looped visit's panel latency counts only its first minutes, where both loops agree.
 */
export const LOOPED_LATENCY_MIN = 20;

/** The takeovers to time: those the panel had 2 s to show by `elapsedS`, and in a looped visit only its first LOOPED_LATENCY_MIN minutes. */
export function timedTakeovers(turns: readonly TruthTurn[], elapsedS: number, looped: boolean): number[] {
  const endS = Math.min(elapsedS - 2, looped ? LOOPED_LATENCY_MIN * 60 : Infinity);
  return patientTakeovers(turns).filter((s) => s < endS);
}

/**
 * Milliseconds from each onset to the first change after it that shows the patient speaking;
 * 'already' when the panel still showed the patient from before (nothing to time), 'missed' when
 * it did not show the patient within `withinMs`.
 */
export function changeLatenciesMs(
  changes: readonly SpeakingChange[],
  scriptStartMs: number,
  onsetsS: readonly number[],
  showsPatient: (text: string) => boolean,
  withinMs = 2000,
): Array<number | 'already' | 'missed'> {
  return onsetsS.map((onsetS) => {
    const onsetMs = scriptStartMs + onsetS * 1000;
    const before = [...changes].reverse().find((c) => c.atMs <= onsetMs);
    if (before && showsPatient(before.text)) return 'already';
    const after = changes.find((c) => c.atMs > onsetMs && showsPatient(c.text));
    if (!after || after.atMs - onsetMs > withinMs) return 'missed';
    return after.atMs - onsetMs;
  });
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
