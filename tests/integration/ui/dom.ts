/**
 * Minimal testing helpers for Preact components in happy-dom (no testing-library dependency):
 * mount/rerender with act(), and queries by role + accessible name, or by text.
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach } from 'vitest';

const mounted: HTMLElement[] = [];

afterEach(() => {
  for (const c of mounted.splice(0)) {
    render(null, c);
    c.remove();
  }
});

export function mount(vnode: ComponentChild): HTMLElement {
  const container = document.createElement('div');
  document.body.appendChild(container);
  mounted.push(container);
  act(() => render(vnode, container));
  return container;
}

export function rerender(container: HTMLElement, vnode: ComponentChild): void {
  act(() => render(vnode, container));
}

export function click(el: Element): void {
  act(() => (el as HTMLElement).click());
}

export function fire(target: EventTarget, event: Event): void {
  act(() => {
    target.dispatchEvent(event);
  });
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return norm(label);
  const by = el.getAttribute('aria-labelledby');
  if (by) {
    const doc = el.ownerDocument;
    return norm(by.split(/\s+/).map((id) => doc.getElementById(id)?.textContent ?? '').join(' '));
  }
  return norm(el.textContent);
}

const IMPLICIT: Record<string, string> = {
  button: 'button',
  switch: '',
  alert: '',
  status: '',
  img: '',
  heading: 'h1,h2,h3,h4,h5,h6',
  navigation: 'nav',
  main: 'main',
  region: 'section[aria-labelledby],section[aria-label]',
  list: 'ul,ol',
  listitem: 'li',
  table: 'table',
  row: 'tr',
};

export function queryAllByRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement[] {
  const implicit = IMPLICIT[role];
  const selector = [`[role="${role}"]`, implicit ? implicit.split(',').map((s) => `${s}:not([role])`).join(',') : '']
    .filter(Boolean)
    .join(',');
  const all = Array.from(root.querySelectorAll<HTMLElement>(selector));
  if (name === undefined) return all;
  return all.filter((el) => {
    const n = accessibleName(el);
    return typeof name === 'string' ? n === name : name.test(n);
  });
}

export function getByRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement {
  const found = queryAllByRole(root, role, name);
  if (found.length !== 1) {
    const names = queryAllByRole(root, role).map(accessibleName);
    throw new Error(`expected one ${role} named ${String(name)}, found ${found.length}; ${role}s present: ${JSON.stringify(names)}`);
  }
  return found[0]!;
}

export function queryByRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement | null {
  return queryAllByRole(root, role, name)[0] ?? null;
}

/** The innermost elements whose own normalised text matches. */
export function queryAllByText(root: ParentNode, text: string | RegExp): HTMLElement[] {
  const matches = (el: Element) => {
    const t = norm(el.textContent);
    return typeof text === 'string' ? t === text : text.test(t);
  };
  return Array.from(root.querySelectorAll<HTMLElement>('*')).filter(
    (el) => matches(el) && !Array.from(el.children).some((child) => matches(child)),
  );
}

export function getByText(root: ParentNode, text: string | RegExp): HTMLElement {
  const found = queryAllByText(root, text);
  if (found.length === 0) throw new Error(`no element with text ${String(text)} in: ${norm((root as Element).textContent)}`);
  return found[0]!;
}
