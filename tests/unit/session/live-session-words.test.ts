import { describe, expect, it } from 'vitest';
import { createLiveSession } from '../../../src/core/session/live-session';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import type { Transcriber } from '../../../src/core/speech/transcriber';
import { synthVisit } from '../talk/synth';

/**
 * Issue 19.5: the words stay in the live session's memory so the review can show them, but a
 * privacy-local checkpoint (written to IndexedDB) never carries them.
 */
const transcriber: Transcriber = { transcribe: async () => ({ text: 'So you are worried about sleep?' }), dispose: () => undefined };

async function visit(privacyLocal: boolean) {
  const { mic, remote } = synthVisit([
    { speaker: 'clinician', s: 3 },
    { speaker: 'patient', s: 4 },
  ]);
  const session = createLiveSession({ sampleRate: 16000, settings: { ...DEFAULT_SETTINGS, privacyLocal }, speech: { transcriber, keepText: true } });
  for (let i = 0; i < mic.length; i += 4000) {
    session.pushClinicianSamples(mic.subarray(i, i + 4000));
    session.pushPatientSamples(remote.subarray(i, i + 4000));
    await new Promise((r) => setImmediate(r));
  }
  await session.settleSpeech();
  return session;
}

describe('live session: words in memory, not in checkpoints', () => {
  it('privacy-local: the result carries the words, the checkpoint none', async () => {
    const session = await visit(true);
    expect(session.result().extras.utterances?.map((u) => u.text)).toEqual(['So you are worried about sleep?']);
    const checkpointed = session.checkpoint().extras.utterances!;
    expect(checkpointed).toHaveLength(1);
    expect(JSON.stringify(session.checkpoint())).not.toMatch(/worried/);
  });

  it('privacy-local off: checkpoints keep the words, as the saved visit does', async () => {
    const session = await visit(false);
    expect(session.checkpoint().extras.utterances?.[0]?.text).toBe('So you are worried about sleep?');
  });
});
