import { describe, expect, it, vi } from 'vitest';
import { collectCssText, createPopOutHost } from '../../../src/adapters/panel/pip-window';

/** A stand-in for the window documentPictureInPicture.requestWindow() opens (happy-dom has none). */
function fakePipWindow() {
  const target = new EventTarget();
  const document = window.document.implementation.createHTMLDocument('');
  return Object.assign(target, { document, close: () => target.dispatchEvent(new Event('pagehide')) }) as unknown as Window;
}

function withApi() {
  const pip = fakePipWindow();
  const requestWindow = vi.fn(async () => pip);
  const win = { documentPictureInPicture: { requestWindow, window: null } } as unknown as Window;
  return { win, pip, requestWindow };
}

describe('pop-out window (Document Picture-in-Picture)', () => {
  it('is unsupported without the API, and says so if asked anyway', async () => {
    const host = createPopOutHost({} as Window);
    expect(host.supported).toBe(false);
    await expect(host.open({ width: 1, height: 1, title: 'x', cssText: '', onClose: () => undefined })).rejects.toThrow(/cannot pop the panel out/);
  });

  it('opens a window with the panel’s styles and a container, once', async () => {
    const { win, pip, requestWindow } = withApi();
    const host = createPopOutHost(win);
    expect(host.supported).toBe(true);
    const onClose = vi.fn();
    const opened = await host.open({ width: 320, height: 560, title: 'Attune', cssText: '.attune-panel{color:red}', onClose });
    expect(requestWindow).toHaveBeenCalledWith({ width: 320, height: 560 });
    expect(pip.document.title).toBe('Attune');
    expect(pip.document.head.querySelector('style')!.textContent).toContain('.attune-panel{color:red}');
    expect(opened.container.ownerDocument).toBe(pip.document);
    expect(opened.container.parentElement).toBe(pip.document.body);
    expect(host.current).toBe(opened);
    expect(await host.open({ width: 320, height: 560, title: 'Attune', cssText: '', onClose })).toBe(opened);
    expect(requestWindow).toHaveBeenCalledTimes(1);
  });

  it('reports the window closing (by the clinician or by close()) and can open again', async () => {
    const { win } = withApi();
    const host = createPopOutHost(win);
    const onClose = vi.fn();
    const opened = await host.open({ width: 320, height: 560, title: 'Attune', cssText: '', onClose });
    opened.close();
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(host.current).toBeNull();
  });

  it('collects the CSS of a shadow root', () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = '.a{color:blue}';
    shadow.append(style);
    expect(collectCssText(shadow)).toContain('.a{color:blue}');
  });

  it('acts only on the clinician’s own input: a page script’s synthetic clicks never reach the panel (issue 17.2)', async () => {
    const { win } = withApi();
    const opened = await createPopOutHost(win).open({ width: 320, height: 560, title: 'Attune', cssText: '', onClose: () => undefined });
    const button = opened.container.ownerDocument.createElement('button');
    const onClick = vi.fn();
    button.addEventListener('click', onClick);
    opened.container.append(button);
    button.click(); // what page script can do through documentPictureInPicture.window
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(onClick).not.toHaveBeenCalled();
    // A trusted event (the browser's own, from a real pointer or key) still gets through.
    const trusted = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(trusted, 'isTrusted', { value: true });
    button.dispatchEvent(trusted);
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});
