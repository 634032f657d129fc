import type { CDPSession, Page } from 'playwright-core';

/**
 * Reads the store build's panel, whose shadow root is closed, the way only the browser's own
 * debugger can: DevTools' DOM tree pierces closed roots, page script cannot. Used to check what
 * the clinician sees while a hostile page script fails to reach it.
 */
interface DomNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  children?: DomNode[];
  shadowRoots?: Array<DomNode & { shadowRootType?: string }>;
}

export interface ClosedPanel {
  shadowRootType: string | undefined;
  text: string;
  /** Each button's text and the centre of its box in page coordinates (null when not laid out). */
  buttons: Array<{ text: string; centre: { x: number; y: number } | null }>;
}

const childrenOf = (n: DomNode): DomNode[] => [...(n.shadowRoots ?? []), ...(n.children ?? [])];
const textOf = (n: DomNode): string => (n.nodeType === 3 ? n.nodeValue : n.nodeName === 'STYLE' ? '' : childrenOf(n).map(textOf).join(' '));

function find(n: DomNode, test: (n: DomNode) => boolean, found: DomNode[] = []): DomNode[] {
  if (test(n)) found.push(n);
  childrenOf(n).forEach((c) => find(c, test, found));
  return found;
}

async function centreOf(cdp: CDPSession, nodeId: number): Promise<{ x: number; y: number } | null> {
  try {
    const { model } = await cdp.send('DOM.getBoxModel', { nodeId });
    const q = model.border;
    return { x: (q[0]! + q[4]!) / 2, y: (q[1]! + q[5]!) / 2 };
  } catch {
    return null; // not rendered (hidden or collapsed)
  }
}

export async function readClosedPanel(page: Page): Promise<ClosedPanel | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: DomNode };
    const host = find(root, (n) => n.nodeName === 'ATTUNE-PANEL')[0];
    const shadow = host?.shadowRoots?.[0];
    if (!host || !shadow) return null;
    const buttons = await Promise.all(
      find(shadow, (n) => n.nodeName === 'BUTTON').map(async (b) => ({ text: textOf(b).replace(/\s+/g, ' ').trim(), centre: await centreOf(cdp, b.nodeId) })),
    );
    return { shadowRootType: shadow.shadowRootType, text: textOf(shadow).replace(/\s+/g, ' ').trim(), buttons };
  } finally {
    await cdp.detach();
  }
}

export function buttonCentre(panel: ClosedPanel, name: RegExp): { x: number; y: number } {
  const button = panel.buttons.find((b) => name.test(b.text) && b.centre);
  if (!button?.centre) throw new Error(`no visible button ${name} on the panel (buttons: ${panel.buttons.map((b) => b.text).join(' | ')})`);
  return button.centre;
}
