import type { CallState } from '../../core/protocol/messages';

/** How a platform adapter reads the call's state from its page. */
export type CallStateReader = (doc: Document) => CallState;

/**
 * Re-reads the call state whenever the page's DOM changes (throttled) and reports changes.
 * A reader that throws is treated as "unknown": a site redesign must never break the page.
 */
export function watchCallState(doc: Document, read: CallStateReader, onChange: (state: CallState) => void, signal: AbortSignal): CallState {
  const safeRead = (): CallState => {
    try {
      return read(doc);
    } catch {
      return 'unknown';
    }
  };
  let last = safeRead();
  let scheduled = false;
  const check = () => {
    scheduled = false;
    const next = safeRead();
    if (next !== last) {
      last = next;
      onChange(next);
    }
  };
  const observer = new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      setTimeout(check, 200);
    }
  });
  observer.observe(doc.documentElement, { subtree: true, childList: true, attributes: true });
  const timer = setInterval(check, 2000); // single-page apps sometimes swap state without DOM mutations we see
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearInterval(timer);
  });
  return last;
}
