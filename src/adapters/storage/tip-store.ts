import { storage } from 'wxt/utils/storage';

/** One-time tips the clinician has dismissed (shown once per install, never again). */
export function tipStore(tip: 'toolbar-start') {
  const item = storage.defineItem<boolean>(`local:tipSeen:${tip}`, { fallback: false });
  return { seen: () => item.getValue(), markSeen: () => item.setValue(true) };
}
