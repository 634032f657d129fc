/**
 * The panel acts only on the clinician's own input. Page script can dispatch synthetic events
 * (`element.click()`, `dispatchEvent`) at anything it can reach — the pop-out window's document
 * is reachable from the page through `documentPictureInPicture.window` — so every untrusted
 * input event is stopped at the panel's root, in the capture phase, before any handler sees it:
 * a page cannot start coaching (and with it the microphone), end a visit or dismiss a nudge.
 */
const INPUT_EVENTS = [
  'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'pointermove',
  'keydown', 'keyup', 'keypress', 'input', 'change', 'submit', 'beforeinput', 'touchstart', 'touchend',
] as const;

export function acceptTrustedInputOnly(root: EventTarget): () => void {
  const stopUntrusted = (event: Event) => {
    if (event.isTrusted) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of INPUT_EVENTS) root.addEventListener(type, stopUntrusted, { capture: true });
  return () => INPUT_EVENTS.forEach((type) => root.removeEventListener(type, stopUntrusted, { capture: true }));
}
