import { describe, expect, it } from 'vitest';
import { chooseSpeechEngine } from '../../../src/core/speech/engine-choice';

describe('speech engine choice', () => {
  it('runs Moonshine when chosen, whatever the browser offers', () => {
    expect(chooseSpeechEngine({ speechEngine: 'moonshine', privacyLocal: false }, { onDevice: 'available' }).engine).toBe('moonshine');
  });

  it.each([
    [true, 'available', 'web-speech', true],
    [true, 'downloadable', 'moonshine', false],
    [true, 'unavailable', 'moonshine', false],
    [false, 'unavailable', 'web-speech', false],
    [false, 'available', 'web-speech', true],
    [false, 'unsupported', 'moonshine', false],
  ] as const)('Web Speech chosen, privacy-local %s, on-device %s → %s (local %s)', (privacyLocal, onDevice, engine, processLocally) => {
    const choice = chooseSpeechEngine({ speechEngine: 'web-speech', privacyLocal }, { onDevice });
    expect(choice.engine).toBe(engine);
    expect(choice.processLocally).toBe(processLocally);
    expect(choice.reason.length).toBeGreaterThan(20);
  });
});
