import { describe, expect, it } from 'vitest';
import { createTokenDecoder } from '../../../src/core/speech/token-decoder';

// A vocabulary shaped like Moonshine's: control tokens, byte tokens, word pieces.
const bytes = Array.from({ length: 256 }, (_, b) => `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
const vocab = ['<unk>', '<s>', '</s>', ...bytes, '▁How', '▁have', '▁you', '▁been', '▁sleep', 'ing', '?', '▁caf', ...Array(800).fill('x')];
const id = (token: string) => vocab.indexOf(token);
const decoder = createTokenDecoder(vocab.join('\n'));

describe('token decoder', () => {
  it('joins word pieces, turning ▁ into spaces, without a leading space', () => {
    const ids = ['▁How', '▁have', '▁you', '▁been', '▁sleep', 'ing', '?'].map(id);
    expect(decoder.decode(ids)).toBe('How have you been sleeping?');
  });

  it('skips control tokens and ids past the vocabulary', () => {
    expect(decoder.decode([id('<s>'), id('▁you'), id('</s>'), 40000, id('<unk>')])).toBe('you');
  });

  it('assembles UTF-8 from byte tokens', () => {
    // "é" is C3 A9 in UTF-8.
    expect(decoder.decode([id('▁caf'), id('<0xC3>'), id('<0xA9>')])).toBe('café');
  });

  it('refuses a vocabulary that is obviously not one', () => {
    expect(() => createTokenDecoder('a\nb\nc')).toThrow(/too small/);
  });
});
