import { describe, expect, it } from 'vitest';
import { PageToBackgroundSchema, PanelToBackgroundSchema, parseMessage } from '../../../src/core/protocol/messages';
import { classifySender } from '../../../src/adapters/messaging/sender-checks';
import { matchesPattern, platformForUrl } from '../../../src/core/platforms/catalog';

const me = { runtimeId: 'ext', origin: 'chrome-extension://ext/', offscreenUrl: 'chrome-extension://ext/offscreen.html' };

describe('message validation', () => {
  it('accepts well-formed panel messages and rejects malformed or oversized ones', () => {
    expect(parseMessage(PanelToBackgroundSchema, { type: 'panel:start' })).toEqual({ type: 'panel:start' });
    expect(parseMessage(PanelToBackgroundSchema, { type: 'panel:remote-frames', sessionId: 's', energyDb: [-40, -41] })).not.toBeNull();
    expect(parseMessage(PanelToBackgroundSchema, { type: 'panel:remote-frames', sessionId: 's', energyDb: Array(401).fill(-40) })).toBeNull();
    expect(parseMessage(PanelToBackgroundSchema, { type: 'panel:remote-frames', sessionId: 's', energyDb: ['loud'] })).toBeNull();
    expect(parseMessage(PanelToBackgroundSchema, { type: 'panel:delete-everything' })).toBeNull();
    expect(parseMessage(PanelToBackgroundSchema, 'panel:start')).toBeNull();
  });

  it('accepts a listening-behaviour correction only with known behaviours', () => {
    const msg = (behaviours: unknown) => parseMessage(PageToBackgroundSchema, { type: 'page:correct-behaviours', visitId: 'v', utteranceId: 'u', behaviours });
    expect(msg(['summary', 'teach_back'])).not.toBeNull();
    expect(msg([])).not.toBeNull();
    expect(msg(null)).not.toBeNull();
    expect(msg(['bragging'])).toBeNull();
    expect(msg(Array(7).fill('summary'))).toBeNull();
  });
});

describe('sender checks', () => {
  it('tells content scripts, pages and the offscreen document apart, and rejects strangers', () => {
    expect(classifySender({ id: 'ext', url: 'https://meet.google.com/x', tab: { id: 4 }, frameId: 0 }, me)).toBe('content');
    expect(classifySender({ id: 'ext', url: 'https://meet.google.com/x', tab: { id: 4 }, frameId: 3 }, me)).toBeNull();
    expect(classifySender({ id: 'ext', url: 'chrome-extension://ext/popup.html' }, me)).toBe('page');
    expect(classifySender({ id: 'ext', url: 'chrome-extension://ext/offscreen.html' }, me)).toBe('offscreen');
    expect(classifySender({ id: 'other-extension', url: 'chrome-extension://ext/offscreen.html' }, me)).toBeNull();
    expect(classifySender({ id: 'ext', url: 'https://evil.example/' }, me)).toBeNull();
  });
});

describe('platform catalog', () => {
  it.each([
    ['https://meet.google.com/abc-defg-hij', 'meet'],
    ['https://us02web.zoom.us/wc/123/join', 'zoom'],
    ['https://teams.microsoft.com/v2/', 'teams'],
    ['https://teams.live.com/meet/123', 'teams'],
    ['https://clinic.doxy.me/drsmith', 'doxy'],
    ['https://vsee.com/c/abc', 'vsee'],
    ['https://acme.webex.com/meet/x', 'webex'],
    ['https://whereby.com/room', 'whereby'],
    ['https://meet.jit.si/Room', 'jitsi'],
    ['http://127.0.0.1:5173/attune-demo/', 'demo'],
  ])('%s is %s', (url, id) => {
    expect(platformForUrl(url)?.id).toBe(id);
  });

  it('does not match look-alike hosts or other pages', () => {
    expect(platformForUrl('https://meet.google.com.evil.example/')).toBeNull();
    expect(platformForUrl('https://notzoom.us/')).toBeNull();
    expect(platformForUrl('http://127.0.0.1:5173/other/')).toBeNull();
    expect(platformForUrl('not a url')).toBeNull();
    expect(matchesPattern('https://*.zoom.us/*', new URL('https://zoom.us/j/1'))).toBe(true);
  });
});
