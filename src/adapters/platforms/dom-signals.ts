/**
 * Small, defensive DOM reads shared by the platform adapters. Each swallows its own errors
 * (an invalid selector in one browser, a detached node) and answers "not found", and each
 * skips elements inside a `hidden` subtree, where sites park controls they are not showing.
 * aria-hidden is deliberately not treated as hidden: modal dialogs set it on the whole call UI
 * behind them, and opening the settings dialog does not end a call.
 */

/** Elements that act as buttons, however the site builds them. */
const BUTTONS = 'button, [role="button"], input[type="button"], input[type="submit"], a[href]';
/** Text that names a screen: headings and alert dialogs (never live regions, which carry captions and chat). */
const HEADINGS = 'h1, h2, h3, h4, [role="heading"], [role="alertdialog"]';
/** Upper bound on elements inspected per query: keeps a check cheap on a very large page. */
const MAX_SCANNED = 600;

function isHidden(el: Element): boolean {
  return el.closest('[hidden]') !== null;
}

function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector)).slice(0, MAX_SCANNED);
  } catch {
    return [];
  }
}

function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** True when any of the selectors matches a visible element. */
export function hasElement(doc: Document, selectors: readonly string[]): boolean {
  return selectors.some((selector) => queryAll(doc, selector).some((el) => !isHidden(el)));
}

/** The names a user or a screen reader would know a control by: aria-label, title, text, value. */
function namesOf(el: Element): string[] {
  const names = [squash(el.getAttribute('aria-label')), squash(el.getAttribute('title')), squash(el.textContent)];
  const value = el.getAttribute('value');
  if (value && el.tagName === 'INPUT') names.push(squash(value));
  return names.filter((name) => name.length > 0);
}

/** True when a visible button's accessible name matches the pattern (anchor it to avoid "Leave chat"). */
export function hasButtonNamed(doc: Document, name: RegExp): boolean {
  return queryAll(doc, BUTTONS).some((el) => !isHidden(el) && namesOf(el).some((n) => name.test(n)));
}

/** True when a visible heading or alert dialog says the phrase. */
export function hasHeadingSaying(doc: Document, phrase: RegExp, extraSelectors: readonly string[] = []): boolean {
  const selector = [HEADINGS, ...extraSelectors].join(', ');
  return queryAll(doc, selector).some((el) => !isHidden(el) && phrase.test(squash(el.textContent)));
}

/** True when the page's visible text (body, bounded) contains the phrase: for small post-call pages only. */
export function pageSays(doc: Document, phrase: RegExp, maxChars = 20_000): boolean {
  const body = doc.body;
  if (!body) return false;
  return phrase.test(squash(body.textContent).slice(0, maxChars));
}

/** Visible elements matching any selector, then visible buttons whose name matches any pattern (no duplicates). */
export function findControls(doc: Document, bars: readonly string[], names: readonly RegExp[]): Element[] {
  const found = new Set<Element>();
  for (const selector of bars) for (const el of queryAll(doc, selector)) if (!isHidden(el)) found.add(el);
  for (const el of queryAll(doc, BUTTONS)) {
    if (!isHidden(el) && namesOf(el).some((n) => names.some((name) => name.test(n)))) found.add(el);
  }
  return [...found];
}
