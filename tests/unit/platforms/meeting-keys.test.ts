import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../../src/adapters/platforms';
import type { PlatformId } from '../../../src/core/platforms/catalog';

// Which meeting a URL names: a live call whose URL stops naming it has ended (SPA navigation).
describe.each<[Exclude<PlatformId, 'other'>, [string, string | null][]]>([
  ['meet', [
    ['https://meet.google.com/abc-defg-hij', 'abc-defg-hij'],
    ['https://meet.google.com/ABC-DEFG-HIJ?authuser=1', 'abc-defg-hij'],
    ['https://meet.google.com/lookup/drsmith', 'drsmith'],
    ['https://meet.google.com/landing', null],
    ['https://meet.google.com/', null],
  ]],
  ['zoom', [
    ['https://app.zoom.us/wc/81234567890/join', '81234567890'],
    ['https://us06web.zoom.us/wc/join/81234567890', '81234567890'],
    ['https://zoom.us/postattendee?mn=81234567890', null],
  ]],
  ['jitsi', [
    ['https://meet.jit.si/DrSmithClinic', 'drsmithclinic'],
    ['https://8x8.vc/vpaas-magic-cookie-abc/Room', 'room'],
    ['https://meet.jit.si/', null],
    ['https://meet.jit.si/static/close3.html', null],
  ]],
  ['whereby', [
    ['https://whereby.com/drsmith', 'drsmith'],
    ['https://whereby.com/user', null],
    ['https://whereby.com/', null],
  ]],
  ['doxy', [
    ['https://doxy.me/drsmith', 'drsmith'],
    ['https://doxy.me/account/dashboard', 'provider-app'],
  ]],
  ['teams', [
    ['https://teams.microsoft.com/v2/', 'teams'],
    ['https://teams.live.com/meet/9312345678901', 'teams'],
  ]],
  ['demo', [
    ['http://127.0.0.1:5173/attune-demo/', '/attune-demo/'],
    ['http://127.0.0.1:5173/other/', null],
  ]],
])('%s meeting keys', (site, cases) => {
  it.each(cases)('%s → %s', (url, key) => {
    expect(ADAPTERS[site].meetingKey(new URL(url))).toBe(key);
  });
});
