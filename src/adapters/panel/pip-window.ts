import { acceptTrustedInputOnly } from './trusted-events';

/**
 * The panel's pop-out window: Chrome's Document Picture-in-Picture (Chrome 116+). The window
 * is always on top and separate from the tab, so it is not in the picture when the clinician
 * shares the call tab. Where the API is missing (Firefox, older Chrome) `supported` is false
 * and the panel simply stays on the page.
 */

/** The parts of the API used here (not yet in TypeScript's DOM typings). */
interface DocumentPictureInPictureApi {
  requestWindow(options?: { width?: number; height?: number; disallowReturnToOpener?: boolean }): Promise<Window>;
  readonly window: Window | null;
}

export interface PopOutWindow {
  /** An element in the new window's document to render the panel into. */
  container: HTMLElement;
  close(): void;
}

export interface PopOutOptions {
  width: number;
  height: number;
  title: string;
  /** The panel's styles (from its shadow root): the new document has none. */
  cssText: string;
  /** Called once when the window closes, by the clinician or by `close()`. */
  onClose(): void;
}

export interface PopOutHost {
  readonly supported: boolean;
  /** Must run in a click handler: the browser only opens the window on a user gesture. */
  open(options: PopOutOptions): Promise<PopOutWindow>;
  /** The open window, if any. */
  readonly current: PopOutWindow | null;
}

function apiOf(win: Window): DocumentPictureInPictureApi | null {
  const api = (win as unknown as { documentPictureInPicture?: DocumentPictureInPictureApi }).documentPictureInPicture;
  return api && typeof api.requestWindow === 'function' ? api : null;
}

/** The CSS text of every style sheet in a shadow root or document (inline <style> and adopted sheets). */
export function collectCssText(root: Document | ShadowRoot): string {
  const inline = Array.from(root.querySelectorAll('style'), (s) => s.textContent ?? '');
  const adopted = Array.from(root.adoptedStyleSheets ?? [], (sheet) => Array.from(sheet.cssRules, (r) => r.cssText).join('\n'));
  return [...inline, ...adopted].join('\n');
}

export function createPopOutHost(win: Window): PopOutHost {
  const api = apiOf(win);
  let current: PopOutWindow | null = null;
  return {
    supported: api !== null,
    get current() {
      return current;
    },
    async open({ width, height, title, cssText, onClose }) {
      if (!api) throw new Error('This browser cannot pop the panel out into its own window.');
      if (current) return current;
      const pip = await api.requestWindow({ width, height });
      const doc = pip.document;
      doc.title = title;
      const style = doc.createElement('style');
      style.textContent = `${cssText}\nhtml, body { margin: 0; padding: 0; }`;
      doc.head.append(style);
      const container = doc.createElement('div');
      doc.body.append(container);
      // The page can reach this document (documentPictureInPicture.window): only the clinician's own input counts.
      acceptTrustedInputOnly(doc);
      const opened: PopOutWindow = { container, close: () => pip.close() };
      current = opened;
      // pagehide fires when the clinician closes the window and when the page closes it.
      pip.addEventListener(
        'pagehide',
        () => {
          if (current === opened) current = null;
          onClose();
        },
        { once: true },
      );
      return opened;
    },
  };
}
