import { IDENTITY_LAYER, MAX_LOG_ODDS, toLogProbs, type AdaptationLayer } from '../../../src/core/questions/adaptation';
import type { LabelledUtterance } from '../../../src/core/session/schema';
import { describe, expect, it } from 'vitest';
import { classifyUtterance, type ClassifyInput } from '../../../src/core/questions/classify';
import { createSpeechPipeline } from '../../../src/core/speech/speech-pipeline';
import type { Transcriber } from '../../../src/core/speech/transcriber';

/**
 * The queue's own logic (newest revision wins, one transcription at a time, privacy) with a
 * transcriber that says how long the audio was; the real model runs in live-speech.test.ts.
 */
function lengthTranscriber(log: number[]): Transcriber {
  return {
    async transcribe(pcm) {
      log.push(pcm.length);
      await new Promise((r) => setTimeout(r, 5));
      const s = pcm.length / 16000;
      return { text: s > 2 ? 'How have things been since we last spoke?' : s > 0.5 ? 'Did you take it today?' : '' };
    },
    dispose: () => undefined,
  };
}

const start = (frame: number) => ({ type: 'speechStart', frame }) as const;
const end = (frame: number) => ({ type: 'speechEnd', frame }) as const;

describe('speech pipeline', () => {
  it('replaces an utterance when it grows, so it is counted once, with the newest label', async () => {
    const log: number[] = [];
    const p = createSpeechPipeline({ sampleRate: 16000, transcriber: lengthTranscriber(log), classify: classifyUtterance, keepText: false, padBeforeMs: 0, padAfterMs: 0 });
    p.pushClinicianSamples(new Float32Array(16000 * 10));
    p.onSpeechEvent('clinician', start(100), 100);
    p.onSpeechEvent('clinician', end(200), 228); // 1 s: "Did you take it today?"
    await p.settled();
    expect(p.counts()).toMatchObject({ closed: 1, open: 0 });
    p.onSpeechEvent('clinician', start(250), 250);
    p.onSpeechEvent('clinician', end(400), 428); // the same utterance, now 3 s
    await p.settled();
    expect(log).toEqual([16000, 48000]);
    expect(p.counts()).toMatchObject({ closed: 0, open: 1 });
    expect(p.utterances()).toEqual([expect.objectContaining({ id: 'u100', startS: 1, endS: 4, label: 'open_question' })]);
    expect(p.utterances()[0]).not.toHaveProperty('text');
  });

  it("labels through the clinician's adaptation layer and keeps the model's log-probabilities, never text", async () => {
    const run = async (adaptation?: AdaptationLayer) => {
      const p = createSpeechPipeline({ sampleRate: 16000, transcriber: lengthTranscriber([]), classify: classifyUtterance, keepText: false, padBeforeMs: 0, padAfterMs: 0, ...(adaptation && { adaptation }) });
      p.pushClinicianSamples(new Float32Array(16000 * 10));
      p.onSpeechEvent('clinician', start(100), 100);
      p.onSpeechEvent('clinician', end(200), 228); // "Did you take it today?"
      await p.settled();
      return p.utterances()[0] as LabelledUtterance;
    };
    const plain = await run();
    expect(plain.label).toBe('closed_question');
    const model = classifyUtterance({ text: 'Did you take it today?', prevText: null });
    expect(plain.classLogProbs).toEqual(toLogProbs(model.probabilities));
    // a clinician who codes such questions open: the biggest shift the layer allows
    const leansOpen: AdaptationLayer = { ...IDENTITY_LAYER, openLogOdds: MAX_LOG_ODDS, corrections: 50 };
    const adapted = await run(leansOpen);
    expect(adapted.label).toBe('open_question');
    expect(adapted.classLogProbs).toEqual(plain.classLogProbs); // the model's own, so later corrections refit from them
    expect(adapted).not.toHaveProperty('text');
  });

  it('keeps text only when asked, drops utterances without words, and skips superseded revisions', async () => {
    const log: number[] = [];
    const p = createSpeechPipeline({ sampleRate: 16000, transcriber: lengthTranscriber(log), classify: classifyUtterance, keepText: true, padBeforeMs: 0, padAfterMs: 0 });
    p.pushClinicianSamples(new Float32Array(16000 * 20));
    p.onSpeechEvent('clinician', start(0), 0);
    p.onSpeechEvent('clinician', end(30), 58); // 0.3 s → '' (no words): not an utterance
    p.onSpeechEvent('clinician', start(60), 60);
    p.onSpeechEvent('clinician', end(160), 188);
    p.onSpeechEvent('clinician', start(1000), 1000); // a new utterance
    p.onSpeechEvent('clinician', end(1100), 1128);
    await p.settled();
    expect(p.utterances().map((u) => u.text)).toEqual(['Did you take it today?', 'Did you take it today?']);
    expect(p.live().recent).toEqual([
      { label: 'closed_question', endS: 1.6, behaviours: [] },
      { label: 'closed_question', endS: 11, behaviours: [] },
    ]);
  });

  it('hands the decoder\'s probability of "?" to the classifier, and stores neither it nor the text in privacy-local mode', async () => {
    const inputs: ClassifyInput[] = [];
    const transcripts = [
      { text: 'You took it this morning.', finalPunctuation: { question: 0.42, period: 0.5, comma: 0.01 } },
      { text: 'You took it this morning.' }, // an engine without probabilities (Web Speech)
    ];
    const p = createSpeechPipeline({
      sampleRate: 16000,
      transcriber: { transcribe: async () => transcripts.shift()!, dispose: () => undefined },
      classify: (input) => (inputs.push(input), classifyUtterance(input)),
      keepText: false,
    });
    p.pushClinicianSamples(new Float32Array(16000 * 10));
    p.onSpeechEvent('clinician', start(100), 100);
    p.onSpeechEvent('clinician', end(200), 228);
    await p.settled();
    p.onSpeechEvent('clinician', start(500), 500);
    p.onSpeechEvent('clinician', end(600), 628);
    await p.settled();
    expect(inputs.map((i) => i.questionMarkProb)).toEqual([0.42, undefined]);
    expect(inputs[1]).not.toHaveProperty('questionMarkProb');
    expect(JSON.stringify(p.utterances())).not.toMatch(/took|0\.42/);
  });

  it('reports a failing transcriber in its status and carries on', async () => {
    let calls = 0;
    const p = createSpeechPipeline({
      sampleRate: 16000,
      transcriber: { transcribe: async () => (calls++ === 0 ? Promise.reject(new Error('model gone')) : { text: 'Is that right?' }), dispose: () => undefined },
      classify: classifyUtterance,
      keepText: false,
    });
    p.pushClinicianSamples(new Float32Array(16000 * 10));
    p.onSpeechEvent('clinician', start(0), 0);
    p.onSpeechEvent('clinician', end(100), 128);
    await p.settled();
    expect(p.live().status).toMatchObject({ state: 'error', message: 'model gone' });
    p.onSpeechEvent('clinician', start(300), 300);
    p.onSpeechEvent('clinician', end(400), 428);
    await p.settled();
    expect(p.counts().closed).toBe(1);
    expect(p.stats().failures).toBe(1);
    expect(p.live().status.state).toBe('ready');
  });
});
