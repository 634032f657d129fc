import { describe, expect, it } from 'vitest';
import { createDuplexVad, type DuplexVadOptions } from '../../../src/core/talk/duplex-vad';

/**
 * Recorded voices drop a syllable 16–22 dB under their active level mid-utterance (issue 14);
 * the far end here: room at −70 dBFS, speech at −20 dBFS with a 0.4 s syllable at −37 dBFS
 * (17 dB under) in the middle of each utterance, longer than the 280 ms hangover.
 */
function patientEvents(options: Partial<DuplexVadOptions>) {
  const vad = createDuplexVad(options);
  const levels: number[] = [];
  const add = (db: number, s: number) => levels.push(...Array<number>(Math.round(s * 100)).fill(db));
  add(-70, 1);
  for (let k = 0; k < 6; k++) {
    add(-20, 2);
    add(-37, 0.4);
    add(-20, 1.5);
    add(-70, 1);
  }
  const events: string[] = [];
  levels.forEach((db) => {
    const e = vad.push({ energyDb: -75 }, { energyDb: db }).patient;
    if (e) events.push(e.type);
  });
  return events;
}

describe('quiet syllables inside an utterance', () => {
  it('are kept inside the utterance by the hold window (18 dB by default)', () => {
    expect(patientEvents({}).filter((t) => t === 'speechStart')).toHaveLength(6);
  });
  it('are cut when the hold window is the start window (16 dB): the utterance splits', () => {
    expect(patientEvents({ belowSpeechLevelHoldDb: 16 }).filter((t) => t === 'speechStart').length).toBeGreaterThan(6);
  });
});
