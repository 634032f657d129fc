import { storage } from 'wxt/utils/storage';

export interface PanelPosition {
  x: number;
  y: number;
}

/** Where the clinician left the panel, per site, so it reappears out of the way of that site's controls. */
export function panelPositionStore(site: string) {
  const item = storage.defineItem<PanelPosition | null>(`local:panelPosition:${site}`, { fallback: null });
  return { load: () => item.getValue(), save: (p: PanelPosition) => item.setValue(p) };
}
