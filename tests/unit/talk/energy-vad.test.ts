import { describe, expect, it } from 'vitest';
import { createEnergyVad, type VadEvent } from '../../../src/core/talk/energy-vad';

/** Level sequences in dB, 10 ms per entry. */
const run = (levels: number[], options = {}) => {
  const vad = createEnergyVad(options);
  return levels.map((db) => vad.push(db)).filter((e): e is VadEvent => e !== null);
};
const repeat = (db: number, frames: number) => Array<number>(frames).fill(db);

describe('energy VAD', () => {
  it('dates a start back to the first loud frame and an end to the first quiet one', () => {
    const levels = [...repeat(-60, 50), ...repeat(-20, 100), ...repeat(-60, 100)];
    expect(run(levels)).toEqual([
      { type: 'speechStart', frame: 50 },
      { type: 'speechEnd', frame: 150 },
    ]);
  });

  it('bridges pauses shorter than the hangover and splits at longer ones', () => {
    const word = repeat(-20, 30);
    const short = [...repeat(-60, 50), ...word, ...repeat(-60, 20), ...word, ...repeat(-60, 60)];
    expect(run(short, { hangoverMs: 300 })).toHaveLength(2);
    const long = [...repeat(-60, 50), ...word, ...repeat(-60, 40), ...word, ...repeat(-60, 60)];
    expect(run(long, { hangoverMs: 300 })).toHaveLength(4);
  });

  it('ignores clicks shorter than the minimum speech time', () => {
    expect(run([...repeat(-60, 50), ...repeat(-10, 4), ...repeat(-60, 50)], { minSpeechMs: 60 })).toEqual([]);
  });

  it('adapts to steady room noise instead of calling it speech', () => {
    const noise = repeat(-45, 500); // loud but steady: the floor settles on it
    const events = run([...noise, ...repeat(-15, 100), ...repeat(-45, 100)]);
    expect(events).toEqual([
      { type: 'speechStart', frame: 500 },
      { type: 'speechEnd', frame: 600 },
    ]);
  });

  it('does not let digital silence drag the floor down before noise returns', () => {
    const events = run([...repeat(-50, 100), ...repeat(-120, 300), ...repeat(-50, 300)]);
    expect(events).toEqual([]);
  });

  it('never calls anything below the absolute floor speech', () => {
    expect(run([...repeat(-100, 100), ...repeat(-70, 100)])).toEqual([]);
  });

  it('resumes from its state exactly', () => {
    const levels = [...repeat(-60, 50), ...repeat(-20, 100), ...repeat(-60, 100)];
    const whole = run(levels);
    const first = createEnergyVad();
    const events: (VadEvent | null)[] = levels.slice(0, 120).map((l) => first.push(l));
    const second = createEnergyVad({}, first.state());
    events.push(...levels.slice(120).map((l) => second.push(l)));
    expect(events.filter(Boolean)).toEqual(whole);
  });
});
