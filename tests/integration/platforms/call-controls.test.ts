import { describe, expect, it } from 'vitest';
import { ADAPTERS, otherSiteAdapter } from '../../../src/adapters/platforms';
import type { PlatformId } from '../../../src/core/platforms/catalog';
import { openFixture } from './fixture-page';

type Site = Exclude<PlatformId, 'other'>;

/** What each in-call fixture shows of the call's controls: the panel must keep off all of these. */
const EXPECTED: Record<Site, { url: string; names: string[]; bar?: string }> = {
  demo: { url: 'http://127.0.0.1:5173/attune-demo/', names: ['Leave call'], bar: 'footer.controls' },
  meet: { url: 'https://meet.google.com/abc-defg-hij', names: ['Turn off microphone (ctrl + d)', 'Turn off camera (ctrl + e)', 'Leave call'] },
  zoom: { url: 'https://app.zoom.us/wc/81234567890/join', names: ['Mute', 'Stop Video', 'Leave'], bar: '.footer' },
  teams: { url: 'https://teams.microsoft.com/v2/', names: ['Mute (Ctrl+Shift+M)', 'Leave (Ctrl+Shift+H)'], bar: '[role="toolbar"]' },
  doxy: { url: 'https://doxy.me/drsmith', names: ['Mute microphone', 'Turn off camera', 'End call'], bar: '[role="toolbar"]' },
  vsee: { url: 'https://acme.vsee.me/u/clinic', names: ['Mute', 'End call'], bar: '[role="toolbar"]' },
  webex: { url: 'https://web.webex.com/meet/drsmith', names: ['Mute', 'Stop video', 'Leave meeting'], bar: '[role="toolbar"]' },
  whereby: { url: 'https://whereby.com/drsmith', names: ['Cam', 'Mic', 'Leave'] },
  jitsi: { url: 'https://meet.jit.si/DrSmithClinic', names: ['Mute microphone', 'Leave the meeting'], bar: '.toolbox-content-items' },
};

const nameOf = (el: Element): string => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';

describe.each(Object.keys(EXPECTED) as Site[])('%s: the call controls the panel keeps off', (site) => {
  const c = EXPECTED[site];
  it(`finds ${c.names.join(', ')}${c.bar ? ` and the bar ${c.bar}` : ''} in a call`, () => {
    const win = openFixture(site, 'in-call', c.url);
    const found = ADAPTERS[site].callControls(win.document as unknown as Document);
    const buttons = found.filter((el) => el.matches('button, [role="button"]')).map(nameOf);
    expect(buttons).toEqual(expect.arrayContaining(c.names));
    // Never a chat or participants button: the panel may sit over those.
    expect(buttons.filter((name) => /chat|participants|present|share|more/i.test(name))).toEqual([]);
    if (c.bar) expect(found.some((el) => el.matches(c.bar!))).toBe(true);
    void win.happyDOM.close();
  });
});

describe('an unknown site', () => {
  it('keeps off buttons named like a hang-up, mute or camera control', () => {
    const win = openFixture('whereby', 'in-call', 'https://clinic.example/visit/1');
    const names = otherSiteAdapter.callControls(win.document as unknown as Document).map(nameOf);
    expect(names).toEqual(expect.arrayContaining(['Cam', 'Mic', 'Leave']));
    expect(names).not.toContain('Chat');
    void win.happyDOM.close();
  });
});
