import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';

export const FIXTURE_STATES = ['pre-call', 'in-call', 'post-call', 'redesigned'] as const;
export type FixtureState = (typeof FIXTURE_STATES)[number];

export function fixturePath(site: string, state: FixtureState): string {
  // Tests run from the repository root (vitest's root).
  return resolve(process.cwd(), 'tests/fixtures/platforms', site, `${state}.html`);
}

export function fixtureHtml(site: string, state: FixtureState): string {
  return readFileSync(fixturePath(site, state), 'utf8');
}

/** A fresh happy-dom window at `url` showing one fixture; close it with `win.happyDOM.close()`. */
export function openFixture(site: string, state: FixtureState, url: string): Window {
  const win = new Window({ url });
  win.document.write(fixtureHtml(site, state));
  return win;
}

/** Replaces the page's content with another fixture, as a single-page app re-renders. */
export function showFixture(win: Window, site: string, state: FixtureState): void {
  const parsed = new win.DOMParser().parseFromString(fixtureHtml(site, state), 'text/html');
  win.document.body.replaceWith(win.document.importNode(parsed.body, true));
}
