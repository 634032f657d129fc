import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../../src/adapters/platforms';
import { ALL_CALL_PAGE_MATCHES, PLATFORMS, platformForUrl } from '../../../src/core/platforms/catalog';

const root = process.cwd();
const STATES = ['pre-call', 'in-call', 'post-call', 'redesigned'];

/** Chrome's match-pattern grammar: <scheme>://<host><path>, host "*", "*.<domain>" or a name. */
const MATCH_PATTERN = /^(https?|\*):\/\/(\*|(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*)(:\d+)?\/.*$/;

describe('every catalogued platform is fully supported', () => {
  it.each(PLATFORMS.map((p) => [p.id]))('%s has an adapter file, a registered adapter and a fixture per call state', (id) => {
    expect(existsSync(resolve(root, 'src/adapters/platforms', `${id}.ts`))).toBe(true);
    expect(ADAPTERS[id]).toBeDefined();
    for (const state of STATES) {
      expect(existsSync(resolve(root, 'tests/fixtures/platforms', id, `${state}.html`)), `${id}/${state}.html`).toBe(true);
    }
  });

  it('registers no adapter for a site the catalog does not list', () => {
    expect(Object.keys(ADAPTERS).sort()).toEqual(PLATFORMS.map((p) => p.id).sort());
  });

  it('gives the content scripts the catalog\'s patterns, each a valid match pattern', () => {
    for (const pattern of ALL_CALL_PAGE_MATCHES) expect(pattern, pattern).toMatch(MATCH_PATTERN);
    for (const entry of ['entrypoints/call.content/index.tsx', 'entrypoints/page-tap.content.ts']) {
      expect(readFileSync(resolve(root, entry), 'utf8')).toContain('matches: ALL_CALL_PAGE_MATCHES');
    }
  });
});

describe('catalog URL patterns', () => {
  it.each([
    ['https://app.zoom.us/wc/81234567890/join?fromPWA=1', 'zoom'],
    ['https://us06web.zoom.us/wc/join/81234567890', 'zoom'],
    ['https://zoom.us/postattendee?mn=81234567890', 'zoom'],
    ['https://acme.zoomgov.com/wc/1612345678/join', 'zoom'],
    ['https://teams.cloud.microsoft/v2/', 'teams'],
    ['https://teams.live.com/meet/9312345678901', 'teams'],
    ['https://doxy.me/drsmith', 'doxy'],
    ['https://clinic.vsee.me/u/dr', 'vsee'],
    ['https://web.webex.com/meet/drsmith', 'webex'],
    ['https://team.whereby.com/room', 'whereby'],
    ['https://8x8.vc/vpaas-magic-cookie-abc/Room', 'jitsi'],
    ['http://localhost:5173/attune-demo/', 'demo'],
  ])('%s is %s', (url, id) => {
    expect(platformForUrl(url)?.id).toBe(id);
  });

  it.each([
    'https://zoom.us/', // the marketing site: no panel there
    'https://zoom.us/j/81234567890', // the launcher page, before the web client
    'https://meet.jit.si.evil.example/Room',
    'https://notwhereby.com/room',
    'https://vsee.me.evil.example/',
  ])('%s is no call page', (url) => {
    expect(platformForUrl(url)).toBeNull();
  });
});
