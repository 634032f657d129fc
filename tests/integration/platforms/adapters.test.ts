import { afterEach, describe, expect, it } from 'vitest';
import type { Window } from 'happy-dom';
import { ADAPTERS } from '../../../src/adapters/platforms';
import { createCallTracker, type CallPhase } from '../../../src/core/platforms/call-tracker';
import type { PlatformId } from '../../../src/core/platforms/catalog';
import { openFixture, type FixtureState } from './fixture-page';

type Site = Exclude<PlatformId, 'other'>;

interface SiteCase {
  /** The URL of each fixture page (post-call may differ: Jitsi lands on its welcome page). */
  url: string;
  postCallUrl?: string;
  /** Jitsi has no post-call screen: its welcome page after a live call is the hang-up. */
  postCallPhase: CallPhase;
  /** The elements each state relies on, named in the test titles. */
  relies: Record<FixtureState, string>;
}

const CASES: Record<Site, SiteCase> = {
  demo: {
    url: 'http://127.0.0.1:5173/attune-demo/',
    postCallPhase: 'post-call',
    relies: {
      'pre-call': 'body[data-call-state="waiting"]',
      'in-call': 'body[data-call-state="live"]',
      'post-call': 'body[data-call-state="ended"]',
      redesigned: 'no data-call-state',
    },
  },
  meet: {
    url: 'https://meet.google.com/abc-defg-hij',
    postCallPhase: 'post-call',
    relies: {
      'pre-call': '"Join now" button, no [data-participant-id] tiles, hidden "Leave call"',
      'in-call': 'button[aria-label="Leave call"] with [data-participant-id] tiles',
      'post-call': 'h1 "You left the meeting", "Rejoin" / "Return to home screen" buttons',
      redesigned: 'tiles and hang-up under unknown names',
    },
  },
  zoom: {
    url: 'https://app.zoom.us/wc/81234567890/join',
    postCallPhase: 'post-call',
    relies: {
      'pre-call': '#input-for-name, button.preview-join-button',
      'in-call': '.meeting-app with the footer button[aria-label="Leave"]',
      'post-call': '.zm-modal-body-title "This meeting has been ended by host" over the footer',
      redesigned: 'no .meeting-app, an "Exit" button',
    },
  },
  teams: {
    url: 'https://teams.microsoft.com/v2/',
    postCallPhase: 'post-call',
    relies: {
      'pre-call': '[data-tid="prejoin-join-button"], [data-tid="prejoin-display-name-input"]',
      'in-call': 'button#hangup-button[data-tid="hangup-main-btn"] "Leave (Ctrl+Shift+H)"',
      'post-call': 'h1 "You left the meeting", "Rejoin" button, no #hangup-button',
      redesigned: 'a hang-up with a new data-tid and label',
    },
  },
  doxy: {
    url: 'https://doxy.me/drsmith',
    postCallPhase: 'post-call',
    relies: {
      'pre-call': '"Check in" and "Pre-Call Test" buttons',
      'in-call': 'button named "End call"',
      'post-call': 'h1 "The call has ended"',
      redesigned: 'an icon button "Disconnect"',
    },
  },
  vsee: {
    url: 'https://acme.vsee.me/u/clinic',
    postCallPhase: 'post-call',
    relies: {
      'pre-call': '"Start Appointment" button, waiting-room heading',
      'in-call': 'button named "End call"',
      'post-call': 'h1 "The call has ended", "Rate your visit"',
      redesigned: 'a button "Quit session"',
    },
  },
  webex: {
    url: 'https://web.webex.com/meet/drsmith',
    postCallPhase: 'post-call',
    relies: {
      'pre-call': '"Join meeting" button',
      'in-call': 'button named "Leave meeting"',
      'post-call': 'h1 "You\'ve left the meeting"',
      redesigned: 'a button "Exit session"',
    },
  },
  whereby: {
    url: 'https://whereby.com/drsmith',
    postCallPhase: 'post-call',
    relies: {
      'pre-call': '"Knock" button',
      'in-call': 'toolbar button "Leave"',
      'post-call': 'h1 "You left the room", "Rejoin" button',
      redesigned: 'an icon button "Exit"',
    },
  },
  jitsi: {
    url: 'https://meet.jit.si/DrSmithClinic',
    postCallUrl: 'https://meet.jit.si/',
    postCallPhase: 'pre-call',
    relies: {
      'pre-call': '#lobby-screen.premeeting-screen, [data-testid="prejoin.joinMeeting"]',
      'in-call': '#videoconference_page with the Toolbox\'s .hangup-button "Leave the meeting"',
      'post-call': '#welcome_page at a URL without the room',
      redesigned: 'no #videoconference_page, a "Disconnect" button',
    },
  },
};

const open: Window[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((win) => win.happyDOM.close()));
});

function read(site: Site, state: FixtureState) {
  const c = CASES[site];
  const url = state === 'post-call' ? (c.postCallUrl ?? c.url) : c.url;
  const win = openFixture(site, state, url);
  open.push(win);
  const adapter = ADAPTERS[site];
  const doc = win.document as unknown as Document;
  return { phase: adapter.readPhase(doc), meetingKey: adapter.meetingKey(new URL(url)) };
}

describe.each(Object.keys(CASES) as Site[])('%s adapter on its fixtures', (site) => {
  const c = CASES[site];

  it(`pre-join lobby (${c.relies['pre-call']}) reads pre-call: not live, state unknown`, () => {
    const reading = read(site, 'pre-call');
    expect(reading.phase).toBe('pre-call');
    expect(createCallTracker().next(reading)).toBe('unknown');
  });

  it(`in call (${c.relies['in-call']}) reads live`, () => {
    const reading = read(site, 'in-call');
    expect(reading.phase).toBe('in-call');
    expect(createCallTracker().next(reading)).toBe('live');
  });

  it(`after leaving (${c.relies['post-call']}) reads ended`, () => {
    const tracker = createCallTracker();
    expect(tracker.next(read(site, 'in-call'))).toBe('live');
    const after = read(site, 'post-call');
    expect(after.phase).toBe(c.postCallPhase);
    expect(tracker.next(after)).toBe('ended');
  });

  it(`changed markup (${c.relies.redesigned}) reads unrecognised: unknown, and never ends a live call`, () => {
    const reading = read(site, 'redesigned');
    expect(reading.phase).toBe('unrecognised');
    expect(createCallTracker().next(reading)).toBe('unknown');
    const tracker = createCallTracker();
    tracker.next(read(site, 'in-call'));
    expect(tracker.next(reading)).toBe('unknown');
  });
});
