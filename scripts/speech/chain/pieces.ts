/**
 * The live segmenter never lets an utterance grow past 15 s (DEFAULT_UTTERANCE_SEGMENTER): a
 * longer one reaches Moonshine in pieces. The chain cuts long audio the same way, at the
 * quietest 100 ms in the last third of each piece, so that Moonshine sees what it sees live.
 */
import { ENGINE_SAMPLE_RATE } from '../../../src/core/audio/constants';
import { DEFAULT_UTTERANCE_SEGMENTER } from '../../../src/core/speech/utterance-segmenter';

const WINDOW = ENGINE_SAMPLE_RATE / 10;

export function splitLongAudio(pcm16k: Float32Array, maxS = DEFAULT_UTTERANCE_SEGMENTER.maxUtteranceS): Float32Array[] {
  const max = Math.round(maxS * ENGINE_SAMPLE_RATE);
  const pieces: Float32Array[] = [];
  let start = 0;
  while (pcm16k.length - start > max) {
    let cut = start + max;
    let quietest = Infinity;
    for (let w = start + Math.round((2 * max) / 3); w + WINDOW <= start + max; w += WINDOW / 2) {
      let energy = 0;
      for (let i = w; i < w + WINDOW; i++) energy += pcm16k[i]! ** 2;
      if (energy < quietest) {
        quietest = energy;
        cut = w + WINDOW / 2;
      }
    }
    pieces.push(pcm16k.subarray(start, cut));
    start = cut;
  }
  pieces.push(pcm16k.subarray(start));
  return pieces;
}
