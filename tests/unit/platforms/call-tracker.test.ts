import { describe, expect, it } from 'vitest';
import { createCallTracker, type CallObservation } from '../../../src/core/platforms/call-tracker';

const at = (phase: CallObservation['phase'], meetingKey: string | null = 'room-1'): CallObservation => ({ phase, meetingKey });

/** Feeds a sequence of readings to a fresh tracker and returns what it reports after each. */
function run(...readings: CallObservation[]): string[] {
  const tracker = createCallTracker();
  return readings.map((r) => tracker.next(r));
}

describe('call tracker', () => {
  it.each([
    ['a lobby never seen live says nothing', [at('pre-call')], ['unknown']],
    ['a call going live', [at('pre-call'), at('in-call')], ['unknown', 'live']],
    ['a post-call screen ends it', [at('in-call'), at('post-call')], ['live', 'ended']],
    ['the site\'s own lobby/home after a live call ends it', [at('in-call'), at('pre-call')], ['live', 'ended']],
    ['unreadable markup mid-call is unknown, never ended', [at('in-call'), at('unrecognised'), at('in-call')], ['live', 'unknown', 'live']],
    ['a URL that stops naming the meeting ends it, whatever the page shows', [at('in-call'), at('unrecognised', null)], ['live', 'ended']],
    ['moving to another meeting ends the first, then the new one is live', [at('in-call', 'a'), at('in-call', 'b'), at('in-call', 'b')], ['live', 'ended', 'live']],
    ['"ended" holds through the lobby until a new call is live', [at('in-call'), at('post-call'), at('pre-call'), at('unrecognised'), at('in-call')], ['live', 'ended', 'ended', 'ended', 'live']],
    ['a page opened on a post-call screen reports ended (a reload after hang-up)', [at('post-call')], ['ended']],
    ['a constant key (Teams) never ends by URL', [at('in-call', 'teams'), at('unrecognised', 'teams')], ['live', 'unknown']],
  ])('%s', (_name, readings, expected) => {
    expect(run(...readings)).toEqual(expected);
  });
});
