/**
 * The words of privacy-local visits, kept in memory only for the clinician's review right after
 * the visit (issue 19.5): never in IndexedDB or storage.local. The background mirrors them in
 * storage.session (memory only, dropped at browser restart) so a killed worker does not lose
 * them; each visit's words expire after `VISIT_WORDS_TTL_MS`.
 */

export interface VisitWord {
  utteranceId: string;
  text: string;
}

/** How long the words stay available for the review after the visit, ms. */
export const VISIT_WORDS_TTL_MS = 60 * 60 * 1000;

export interface VisitWordsEntry {
  savedAt: number;
  words: VisitWord[];
}
export type VisitWordsState = Record<string, VisitWordsEntry>; // by visit id

export interface VisitWordsPorts {
  /** The memory-only mirror (storage.session): null when empty or unreadable. */
  load(): Promise<VisitWordsState | null>;
  save(state: VisitWordsState): Promise<void>;
  now(): number;
  ttlMs?: number;
}

export function createVisitWordsStore(ports: VisitWordsPorts) {
  const ttlMs = ports.ttlMs ?? VISIT_WORDS_TTL_MS;
  let state: VisitWordsState | null = null;
  async function current(): Promise<VisitWordsState> {
    state ??= (await ports.load()) ?? {};
    const now = ports.now();
    for (const [visitId, entry] of Object.entries(state)) if (now - entry.savedAt >= ttlMs) delete state[visitId];
    return state;
  }
  return {
    async keep(visitId: string, words: VisitWord[]): Promise<void> {
      const s = await current();
      if (words.length === 0) return;
      s[visitId] = { savedAt: ports.now(), words };
      await ports.save(s);
    },
    /** The visit's words, or null when they are gone (never kept, expired, browser restarted). */
    async get(visitId: string): Promise<VisitWord[] | null> {
      const s = await current();
      return s[visitId]?.words ?? null;
    },
    /** Drops one visit's words, or every visit's (null): the clinician deleted the visit(s). */
    async forget(visitId: string | null): Promise<void> {
      const s = await current();
      for (const id of Object.keys(s)) if (visitId === null || id === visitId) delete s[id];
      await ports.save(s);
    },
  };
}

export type VisitWordsStore = ReturnType<typeof createVisitWordsStore>;

interface WithUtterances {
  utterances?: { id: string; text?: string }[];
}

/** The same extras with no words on any utterance (what privacy-local mode may store). */
export function withoutWords<T extends WithUtterances>(extras: T): T {
  if (!extras.utterances) return extras;
  return { ...extras, utterances: extras.utterances.map(({ text: _words, ...rest }) => rest) };
}

/** The words carried by a visit's utterances, for the memory-only review store. */
export function wordsOf(extras: WithUtterances): VisitWord[] {
  return (extras.utterances ?? []).flatMap((u) => (u.text ? [{ utteranceId: u.id, text: u.text }] : []));
}
