/**
 * The telehealth sites Attune recognises: ids, names and URL match patterns. Pure data, so
 * the manifest's content-script matches, the popup and the CLI all derive from this one list.
 * How each site shows that a call is live lives in src/adapters/platforms (DOM code).
 */
export const PLATFORMS = [
  { id: 'demo', label: 'Demo visit', matches: ['http://127.0.0.1/attune-demo/*', 'http://localhost/attune-demo/*'] },
  { id: 'meet', label: 'Google Meet', matches: ['https://meet.google.com/*'] },
  {
    id: 'zoom',
    label: 'Zoom',
    // The web client (app.zoom.us/wc/…, <sub>.zoom.us/wc/…, Zoom for Government) and the page a
    // hang-up lands on, so that page can report the end. Not the rest of zoom.us.
    matches: ['https://*.zoom.us/wc/*', 'https://*.zoom.us/postattendee*', 'https://*.zoomgov.com/wc/*', 'https://*.zoomgov.com/postattendee*'],
  },
  {
    id: 'teams',
    label: 'Microsoft Teams',
    // Work (teams.microsoft.com and its newer teams.cloud.microsoft) and personal (teams.live.com).
    matches: ['https://teams.microsoft.com/*', 'https://teams.cloud.microsoft/*', 'https://teams.live.com/*'],
  },
  { id: 'doxy', label: 'Doxy.me', matches: ['https://doxy.me/*', 'https://*.doxy.me/*'] },
  { id: 'vsee', label: 'VSee', matches: ['https://vsee.com/*', 'https://*.vsee.com/*', 'https://*.vsee.me/*'] },
  { id: 'webex', label: 'Webex', matches: ['https://*.webex.com/*'] },
  { id: 'whereby', label: 'Whereby', matches: ['https://whereby.com/*', 'https://*.whereby.com/*'] },
  // meet.jit.si and 8x8's hosted Jitsi; self-hosted Jitsi is recognised by its markup instead.
  { id: 'jitsi', label: 'Jitsi Meet', matches: ['https://meet.jit.si/*', 'https://8x8.vc/*'] },
] as const;

export type PlatformId = (typeof PLATFORMS)[number]['id'] | 'other';
export type Platform = (typeof PLATFORMS)[number];

/** Every content-script match pattern, for the manifest. */
export const ALL_CALL_PAGE_MATCHES: string[] = PLATFORMS.flatMap((p) => [...p.matches]);

/** Tests a URL against a WebExtension match pattern (scheme, host with `*.` wildcard, path glob; any port). */
export function matchesPattern(pattern: string, url: URL): boolean {
  const m = /^(https?|\*):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  if (host.startsWith('*.')) {
    const base = host.slice(2);
    if (url.hostname !== base && !url.hostname.endsWith(`.${base}`)) return false;
  } else if (host !== '*' && host !== url.hostname) return false;
  const glob = new RegExp(`^${path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(url.pathname + url.search);
}

export function platformForUrl(raw: string): Platform | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return PLATFORMS.find((p) => p.matches.some((pattern) => matchesPattern(pattern, url))) ?? null;
}

export function platformLabel(id: string): string {
  return PLATFORMS.find((p) => p.id === id)?.label ?? id;
}
