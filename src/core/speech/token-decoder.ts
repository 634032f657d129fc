/**
 * Turns Moonshine's token ids back into text. The vocabulary is SentencePiece-style: '▁' marks
 * a space before a word, `<0xNN>` tokens carry raw UTF-8 bytes (for characters without a token
 * of their own), and `<s>`, `</s>`, `<unk>` are control tokens that never print.
 */
export interface TokenDecoder {
  decode(ids: readonly number[]): string;
  readonly size: number;
}

const WORD_START = '\u2581';
const BYTE_TOKEN = /^<0x([0-9A-Fa-f]{2})>$/;
const CONTROL_TOKENS = new Set(['<s>', '</s>', '<unk>', '<pad>']);

/** `vocabularyText`: one token per line, the line number is the token id. */
export function createTokenDecoder(vocabularyText: string): TokenDecoder {
  const vocab = vocabularyText.split('\n');
  if (vocab.length < 1000) throw new Error(`token vocabulary too small (${vocab.length} entries): wrong file?`);
  const utf8 = new TextDecoder('utf-8');
  return {
    size: vocab.length,
    decode(ids) {
      const bytes: number[] = [];
      const pushText = (text: string) => bytes.push(...new TextEncoder().encode(text));
      for (const id of ids) {
        const token = vocab[id];
        // Ids past the shared vocabulary are Moonshine's own special tokens: none is text.
        if (token === undefined || CONTROL_TOKENS.has(token)) continue;
        const byte = BYTE_TOKEN.exec(token);
        if (byte) bytes.push(parseInt(byte[1]!, 16));
        else pushText(token.replaceAll(WORD_START, ' '));
      }
      return utf8.decode(new Uint8Array(bytes)).replace(/^ /, '');
    },
  };
}
