import { findControls } from './dom-signals';
import type { PlatformAdapter } from './types';

/**
 * The call's own controls the panel must never cover. Mute and camera buttons are named alike on
 * every site (prefix match: Meet appends the shortcut, "Turn off microphone (ctrl + d)"); each
 * adapter adds its hang-up name and, where known, its control bar's container.
 */
export const MEDIA_CONTROL_NAME =
  /^((un)?mute\b|turn (on|off) (the |your )?(microphone|camera|mic|video)\b|(stop|start) (my )?video\b|(mic|cam|camera|microphone|video)$)/i;

export interface ControlSpec {
  /** Containers holding the whole control bar, where the site has a stable one. */
  bars: readonly string[];
  /** The hang-up button's name (the same pattern the adapter uses to read the call's phase). */
  hangup: RegExp;
}

export function callControlsOf(doc: Document, spec: ControlSpec): Element[] {
  return findControls(doc, spec.bars, [spec.hangup, MEDIA_CONTROL_NAME]);
}

/** A control's box in viewport pixels (the panel's placement reads the same shape). */
export interface ControlBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Upper bound on boxes handed to the panel (a page full of "Mute" buttons in a participant list). */
const MAX_CONTROLS = 24;

/** The controls' boxes in viewport pixels; a throw (a redesign, a detached node) means "none known". */
export function controlRects(doc: Document, adapter: PlatformAdapter): ControlBox[] {
  try {
    return adapter
      .callControls(doc)
      .slice(0, MAX_CONTROLS)
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ x: r.left, y: r.top, width: r.width, height: r.height }));
  } catch {
    return [];
  }
}
