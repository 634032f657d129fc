import { describe, expect, it } from 'vitest';
import { classifyUtterance } from '../../../src/core/questions/classify';
import { createSpeechPipeline } from '../../../src/core/speech/speech-pipeline';
import type { Transcriber } from '../../../src/core/speech/transcriber';

/** Says the next line of a script for each utterance (one utterance per call, in order). */
function scriptedTranscriber(lines: string[]): Transcriber {
  let next = 0;
  return { transcribe: async () => ({ text: lines[next++] ?? '' }), dispose: () => undefined };
}

const start = (frame: number) => ({ type: 'speechStart', frame }) as const;
const end = (frame: number) => ({ type: 'speechEnd', frame }) as const;

async function run(lines: string[], startsS: number[], keepText = false) {
  const p = createSpeechPipeline({ sampleRate: 16000, transcriber: scriptedTranscriber(lines), classify: classifyUtterance, keepText, padBeforeMs: 0, padAfterMs: 0 });
  p.pushClinicianSamples(new Float32Array(16000 * (Math.max(...startsS) + 5)));
  for (const s of startsS) {
    const f = Math.round(s * 100);
    p.onSpeechEvent('clinician', start(f), f);
    p.onSpeechEvent('clinician', end(f + 150), f + 178);
    await p.settled(); // one at a time, as a visit goes
  }
  return p;
}

describe('speech pipeline: listening behaviours (issue 16)', () => {
  it('labels each utterance with its behaviours, counts them, and remembers a permission-ask without keeping words', async () => {
    const p = await run(
      [
        "Is there anything else you'd like to talk about today?",
        'Would it be okay if I shared a few ideas about sleep?',
        'You could try going to bed at the same time every night.',
        'You should also cut down on coffee after lunch.',
        'Also, try to avoid screens in the hour before bed.',
        'And you should keep the bedroom cool.',
      ],
      [5, 60, 70, 80, 90, 400], // the last piece of advice comes 5 minutes and 4 utterances after the ask
    );
    const us = p.utterances();
    expect(us.map((u) => u.behaviours)).toEqual([['agenda'], ['permission'], [], [], [], ['advice_without_permission']]);
    expect(us.every((u) => !('text' in u))).toBe(true);
    const live = p.live();
    expect(live.counts.behaviours).toEqual({ summary: 0, affirmation: 0, agenda: 1, permission: 1, teach_back: 0, advice_without_permission: 1 });
    expect(live.adviceGiven).toBe(4);
    expect(live.recent.at(-1)).toMatchObject({ behaviours: ['advice_without_permission'] });
    expect(p.counts().behaviours).toEqual(live.counts.behaviours);
  });

  it('counts a summary as a complex reflection, whatever the question classifier said', async () => {
    const p = await run(["So far you've told me that the pain started in March, that it's worse at night, and that the pills help a little. Did I get that right?"], [5]);
    const [u] = p.utterances();
    expect(u!.behaviours).toEqual(['summary']);
    expect(p.counts()).toMatchObject({ reflections: 1, complexReflections: 1, open: 0, closed: 0 });
    expect(p.live().recent[0]!.label).toBe('reflection');
  });

  it('has behaviour counts (all zero) before the first utterance', async () => {
    const p = await run([], [1]);
    expect(p.live().counts.behaviours).toEqual({ summary: 0, affirmation: 0, agenda: 0, permission: 0, teach_back: 0, advice_without_permission: 0 });
    expect(p.live().adviceGiven).toBe(0);
  });
});
