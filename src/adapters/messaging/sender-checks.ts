/**
 * Who sent a runtime message. The background acts only on messages whose channel matches
 * their sender: panel messages from our content script in a tab (the tab id comes from the
 * sender, never from the payload), page messages from our own extension pages, engine
 * messages only from the offscreen document.
 */
export type SenderKind = 'content' | 'page' | 'offscreen';

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface ExtensionIdentity {
  runtimeId: string;
  /** e.g. chrome-extension://abc/ */
  origin: string;
  offscreenUrl: string;
}

export function classifySender(sender: SenderLike, me: ExtensionIdentity): SenderKind | null {
  if (sender.id !== me.runtimeId) return null;
  const url = sender.url ?? '';
  if (url.startsWith(me.offscreenUrl)) return 'offscreen';
  if (url.startsWith(me.origin)) return 'page';
  if (sender.tab?.id !== undefined && sender.tab.id >= 0 && (sender.frameId ?? 0) === 0) return 'content';
  return null;
}
