import { describe, expect, it } from 'vitest';
import { QuestionStats, SENT_TO_GOOGLE_TEXT } from '../../../src/ui/panel/QuestionStats';
import type { LiveQuestions } from '../../../src/core/session/schema';
import { mount } from './dom';

/** Issue 17.4: while Chrome's server recognition runs, the panel says that speech goes to Google. */
const questions = (status: LiveQuestions['status']): LiveQuestions => ({
  counts: { open: 1, closed: 0, reflections: 0, simpleReflections: 0, complexReflections: 0, other: 0, openShare: 1, reflectionToQuestion: 0 },
  recent: [],
  status,
});
const render = (status: LiveQuestions['status']) => mount(<QuestionStats questions={questions(status)} openShareMin={0.5} reflectionToQuestionMin={1} />);

describe('the panel while speech is transcribed', () => {
  it('says "Speech sent to Google" while Chrome’s server recognition runs', () => {
    const c = render({ engine: 'web-speech', state: 'ready', message: null, sentToGoogle: true });
    expect(c.querySelector('[role="status"].attune-speech-remote')?.textContent).toBe(SENT_TO_GOOGLE_TEXT);
    expect(SENT_TO_GOOGLE_TEXT).toMatch(/^Speech sent to Google/);
  });

  it('says nothing of the kind for on-device engines', () => {
    for (const status of [
      { engine: 'moonshine', state: 'ready', message: null },
      { engine: 'web-speech', state: 'ready', message: null }, // Chrome's on-device language pack
    ] as const) {
      expect(render(status).textContent).not.toMatch(/Google/);
    }
  });
});
