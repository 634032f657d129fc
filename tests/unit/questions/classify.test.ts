import { describe, expect, it } from 'vitest';
import {
  REFLECTION_TYPES,
  UTTERANCE_LABELS,
  classifyUtterance,
  type UtteranceLabel,
} from '../../../src/core/questions/classify';
import { stripPunctuation, tokenize } from '../../../src/core/questions/normalize';

// Hand-written examples (not from any dataset), each with the patient's previous turn.
const CASES: { text: string; prev: string | null; label: UtteranceLabel }[] = [
  { text: 'What brings you in today?', prev: null, label: 'open_question' },
  { text: 'So how have things been going with your sleep since we last met?', prev: 'Hi, thanks for seeing me.', label: 'open_question' },
  { text: 'Okay. Tell me a little more about what a normal day looks like for you.', prev: 'It depends on the day really.', label: 'open_question' },
  { text: 'What do you think would help you remember the evening dose?', prev: 'I keep forgetting the pills at night.', label: 'open_question' },
  { text: 'Did you take your blood pressure tablets this morning?', prev: 'I feel a bit dizzy today.', label: 'closed_question' },
  { text: 'Are you still smoking at the moment?', prev: 'My chest has been tight.', label: 'closed_question' },
  { text: 'Is that okay with you?', prev: 'I suppose we could look at the numbers.', label: 'closed_question' },
  {
    text: "So you're really worn out by all these appointments.",
    prev: "I'm just so tired of all these appointments, every week there's another one.",
    label: 'reflection',
  },
  {
    text: 'It sounds like being there for your kids matters a lot to you.',
    prev: 'I want to be around to see my kids grow up, that is the main thing.',
    label: 'reflection',
  },
  {
    text: "You feel like nobody at work understands how hard it's been.",
    prev: "Nobody at work gets it. They think I'm just being lazy.",
    label: 'reflection',
  },
  { text: 'Mm-hmm.', prev: 'And then I went back home.', label: 'other' },
  { text: 'Okay.', prev: 'Yeah, that was it.', label: 'other' },
  { text: "Good morning, I'm Sam, one of the nurses.", prev: null, label: 'other' },
  { text: 'Great. Thank you.', prev: 'Sure, I can do that.', label: 'other' },
  // several sentences with the question (or reflection) at the end, as clinicians often talk
  {
    text: "That's a big step, cutting down to five a day. What helped you do that?",
    prev: "I've cut down to five cigarettes a day.",
    label: 'open_question',
  },
  { text: 'Okay, thanks for filling in the form. Do you smoke at all?', prev: 'Here you go.', label: 'closed_question' },
  { text: 'Can you tell me a bit more about how the evenings go?', prev: 'Evenings are the hardest.', label: 'open_question' },
  { text: 'I see. And how are things at home at the moment?', prev: 'Work has been really busy.', label: 'open_question' },
  { text: 'Right. Have you been checking your sugar levels in the mornings?', prev: "I've been feeling tired.", label: 'closed_question' },
  { text: 'What else is on your mind?', prev: "That's about it I think.", label: 'open_question' },
  { text: 'Are you taking the tablets every day?', prev: 'I have the tablets.', label: 'closed_question' },
  {
    text: "So you're scared that if you stop, you'll put the weight back on.",
    prev: "If I stop smoking I'll just get fat again.",
    label: 'reflection',
  },
  {
    text: "You've tried to quit three times already and it didn't stick.",
    prev: 'I tried three times and it never lasted.',
    label: 'reflection',
  },
  {
    text: 'Part of you wants to keep things as they are, and part of you is tired of feeling like this.',
    prev: "I don't know, I like my routine but I'm so tired all the time.",
    label: 'reflection',
  },
  { text: 'Thank you for coming in today.', prev: null, label: 'other' },
  { text: 'Mm-hmm, yeah.', prev: 'And then he left.', label: 'other' },
];

describe('classifyUtterance', () => {
  it('exposes the label and reflection-type constants', () => {
    expect(UTTERANCE_LABELS).toEqual(['open_question', 'closed_question', 'reflection', 'other']);
    expect(REFLECTION_TYPES).toEqual(['simple', 'complex']);
  });

  it.each(CASES)('punctuated: "$text" -> $label', ({ text, prev, label }) => {
    const r = classifyUtterance({ text, prevText: prev });
    expect(r.label).toBe(label);
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    if (r.label !== 'reflection') expect(r.reflectionType).toBeUndefined();
    else if (r.reflectionType !== undefined) expect(REFLECTION_TYPES).toContain(r.reflectionType);
  });

  it.each(CASES)('lower-case, no punctuation: "$text" -> $label', ({ text, prev, label }) => {
    const r = classifyUtterance({ text: stripPunctuation(text), prevText: prev === null ? null : stripPunctuation(prev) });
    expect(r.label).toBe(label);
  });

  // The live extension never transcribes the patient, so the previous turn is usually absent.
  it.each(CASES)('lower-case, no punctuation, no patient turn: "$text" -> $label', ({ text, label }) => {
    expect(classifyUtterance({ text: stripPunctuation(text), prevText: null }).label).toBe(label);
  });

  it('gets all of the hand-written set right in both conditions', () => {
    let ok = 0;
    for (const c of CASES) {
      if (classifyUtterance({ text: c.text, prevText: c.prev }).label === c.label) ok++;
      if (classifyUtterance({ text: stripPunctuation(c.text), prevText: c.prev && stripPunctuation(c.prev) }).label === c.label) ok++;
    }
    expect(ok).toBe(2 * CASES.length);
  });

  it('uses a final pitch rise for declarative questions', () => {
    const prev = 'i have the new inhaler now';
    for (const text of ['you saw the doctor last week', 'you were surprised']) {
      expect(classifyUtterance({ text, prevText: prev }).label).toBe('reflection');
      expect(classifyUtterance({ text, prevText: prev, finalPitchRise: true }).label).toBe('closed_question');
    }
    expect(classifyUtterance({ text: 'you took it this morning', prevText: prev, finalPitchRise: true }).label).not.toBe('open_question');
    // a falling pitch never turns a statement into a question
    expect(classifyUtterance({ text: 'you saw the doctor last week', prevText: prev, finalPitchRise: false }).label).toBe('reflection');
    // a '?' already says it; the prosodic cue is not applied twice
    const q = classifyUtterance({ text: 'You took it this morning?', prevText: prev });
    expect(classifyUtterance({ text: 'You took it this morning?', prevText: prev, finalPitchRise: true })).toEqual(q);
  });

  it('is deterministic and independent of call order', () => {
    const first = CASES.map((c) => classifyUtterance({ text: c.text, prevText: c.prev }));
    const reversed = [...CASES].reverse().map((c) => classifyUtterance({ text: c.text, prevText: c.prev })).reverse();
    expect(reversed).toEqual(first);
    expect(CASES.map((c) => classifyUtterance({ text: c.text, prevText: c.prev }))).toEqual(first);
  });

  it('treats missing and empty previous turns alike and tolerates odd input', () => {
    expect(classifyUtterance({ text: 'How are you?' })).toEqual(classifyUtterance({ text: 'How are you?', prevText: '' }));
    expect(classifyUtterance({ text: 'How are you?', prevText: null })).toEqual(classifyUtterance({ text: 'How are you?' }));
    for (const text of ['', '   ', '?', '—', '12345', 'ñandú café?', 'a'.repeat(5000)]) {
      const r = classifyUtterance({ text });
      expect(UTTERANCE_LABELS).toContain(r.label);
      expect(Number.isFinite(r.confidence)).toBe(true);
    }
  });

  it('runs many utterances quickly (smoke test, not timed)', () => {
    const texts = CASES.flatMap((c) => [c.text, stripPunctuation(c.text)]);
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const t = texts[i % texts.length] as string;
      const r = classifyUtterance({ text: t, prevText: 'i dont know maybe' });
      counts.set(r.label, (counts.get(r.label) ?? 0) + 1);
    }
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(2000);
  });
});

describe('normalisation', () => {
  it('makes punctuated and ASR-style text tokenise identically', () => {
    expect(tokenize("So you're, um, I-I think... you're worried?")).toEqual(
      tokenize(stripPunctuation("So you're, um, I-I think... you're worried?")),
    );
    expect(stripPunctuation("Don't you think so? Yes—maybe.")).toBe('dont you think so yes maybe');
  });
});
