import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWavHeader } from '../../../src/core/audio/wav';
import { demoDialogue, makeLongVisitAudio } from '../../../scripts/lib/long-visit-audio';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'attune-long-audio-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const wavSeconds = (file: string) => {
  const header = parseWavHeader(new Uint8Array(readFileSync(file)));
  return header.dataBytes / (header.sampleRate * header.blockAlign);
};

describe('the long visit for cost benchmarks', () => {
  const cycleS = demoDialogue().durationS;

  it('repeats the dialogue in the tracks themselves by default', () => {
    const audio = makeLongVisitAudio(fresh(), 5);
    const cycles = Math.ceil(300 / cycleS);
    expect(audio.looped).toBe(false);
    expect(wavSeconds(audio.clinicianWav)).toBeCloseTo(cycles * cycleS, 1);
    expect(wavSeconds(join(audio.dir, 'patient.wav'))).toBeCloseTo(cycles * cycleS, 1);
  });

  it('when looped, writes one dialogue but dates the turns over the whole visit', () => {
    const audio = makeLongVisitAudio(fresh(), 120, { loop: true });
    const cycles = Math.ceil(7200 / cycleS);
    expect(audio.looped).toBe(true);
    expect(wavSeconds(audio.clinicianWav)).toBeCloseTo(cycleS, 1);
    expect(statSync(join(audio.dir, 'patient.wav')).size).toBeLessThan(20 * 2 ** 20);
    expect(audio.durationS).toBeCloseTo(cycles * cycleS, 1);
    const perCycle = audio.turns.length / cycles;
    expect(Number.isInteger(perCycle)).toBe(true);
    // The last cycle's first turn starts one whole number of dialogues after the first one's.
    expect(audio.turns[(cycles - 1) * perCycle]!.start - audio.turns[0]!.start).toBeCloseTo((cycles - 1) * cycleS, 3);
  });
});
