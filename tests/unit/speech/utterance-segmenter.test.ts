import { describe, expect, it } from 'vitest';
import { createUtteranceSegmenter } from '../../../src/core/speech/utterance-segmenter';

const start = (frame: number) => ({ type: 'speechStart', frame }) as const;
const end = (frame: number) => ({ type: 'speechEnd', frame }) as const;

describe('utterance segmenter', () => {
  it('emits an utterance as soon as the clinician stops, and again (same id, whole span) when they go on', () => {
    const s = createUtteranceSegmenter({ mergeGapMs: 800 });
    expect(s.onSpeechEvent('clinician', start(100))).toBeNull();
    expect(s.onSpeechEvent('clinician', end(250))).toEqual({ id: 'u100', startFrame: 100, endFrame: 250, revision: 1 });
    s.onSpeechEvent('clinician', start(300)); // 0.5 s pause: same utterance
    expect(s.onSpeechEvent('clinician', end(400))).toEqual({ id: 'u100', startFrame: 100, endFrame: 400, revision: 2 });
  });

  it('starts a new utterance after a long pause or once the patient has spoken', () => {
    const s = createUtteranceSegmenter({ mergeGapMs: 800 });
    s.onSpeechEvent('clinician', start(0));
    s.onSpeechEvent('clinician', end(100));
    s.onSpeechEvent('clinician', start(200)); // 1.0 s pause
    expect(s.onSpeechEvent('clinician', end(300))?.id).toBe('u200');
    s.onSpeechEvent('patient', start(320));
    s.onSpeechEvent('patient', end(330));
    s.onSpeechEvent('clinician', start(340)); // 0.4 s after, but the patient spoke in between
    expect(s.onSpeechEvent('clinician', end(400))?.id).toBe('u340');
  });

  it('stops growing an utterance at maxUtteranceS', () => {
    const s = createUtteranceSegmenter({ mergeGapMs: 800, maxUtteranceS: 5 });
    s.onSpeechEvent('clinician', start(0));
    s.onSpeechEvent('clinician', end(510));
    s.onSpeechEvent('clinician', start(550));
    expect(s.onSpeechEvent('clinician', end(600))?.id).toBe('u550');
  });

  it('ignores a blip shorter than minSpeechMs, and closes an utterance still spoken at the end', () => {
    const s = createUtteranceSegmenter({ minSpeechMs: 250 });
    s.onSpeechEvent('clinician', start(0));
    expect(s.onSpeechEvent('clinician', end(10))).toBeNull();
    s.onSpeechEvent('clinician', start(500));
    expect(s.finish(800)).toEqual({ id: 'u500', startFrame: 500, endFrame: 800, revision: 1 });
    expect(s.finish(900)).toBeNull();
  });
});
