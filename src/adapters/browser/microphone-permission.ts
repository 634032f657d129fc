import type { MicPermission } from '../../core/protocol/messages';

/** The extension origin's microphone permission, which the offscreen engine relies on. */
export async function readMicPermission(): Promise<MicPermission> {
  try {
    const status = await navigator.permissions.query({ name: 'microphone' as PermissionName });
    return status.state;
  } catch {
    return 'unknown';
  }
}

/**
 * Asks for the microphone from a visible extension page (offscreen documents cannot prompt).
 * The stream is closed at once: this only records the grant.
 */
export async function requestMicPermission(): Promise<MicPermission> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  stream.getTracks().forEach((t) => t.stop());
  return readMicPermission();
}
