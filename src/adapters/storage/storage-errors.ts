/**
 * Storage failures in words a clinician can act on. A full disk (QuotaExceededError) and a
 * database that cannot open are shown on the summary page, the panel and the popup; they are
 * never swallowed.
 */
export const QUOTA_MESSAGE =
  'Your computer is out of space for Attune’s saved visits, so the last change was not saved. Free some disk space or delete old visits (Export them first if you want to keep them).';

export function describeStorageError(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const text = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(text)) return QUOTA_MESSAGE;
  if (name === 'VersionError') return 'Attune’s saved visits were written by a newer version of Attune. Update Attune to read them.';
  if (name === 'InvalidStateError' || /database connection is closing/i.test(text)) return 'Attune’s saved visits could not be reached just now. Reload this page.';
  return `Attune could not read or write its saved visits: ${text}`;
}

/** A storage error re-thrown with its plain-language message (which crosses to extension pages). */
export class StorageError extends Error {
  constructor(cause: unknown) {
    super(describeStorageError(cause));
    this.name = 'StorageError';
  }
}

/** Runs a storage operation, turning whatever it throws into a StorageError. */
export async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof StorageError ? error : new StorageError(error);
  }
}

/** The current storage problem, if any, for the pages to show (kept by the background). */
export function createStorageProblems() {
  let blocked: string | null = null;
  let last: string | null = null;
  return {
    blocked: (message: string | null) => void (blocked = message),
    report: (message: string) => void (last = message),
    clear: () => void (last = null),
    /** The upgrade wait comes first: while it lasts nothing else can work. */
    current: (): string | null => blocked ?? last,
    isBlocked: () => blocked !== null,
  };
}
export type StorageProblems = ReturnType<typeof createStorageProblems>;
