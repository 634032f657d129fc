import type { AdaptationLayer } from '../questions/adaptation';
import type { CallState, BackgroundToPanel, TabView } from '../protocol/messages';
import type { Settings } from '../settings/settings';
import { createTalkEngine, type TalkCheckpoint } from '../talk/talk-engine';
import type { LiveSessionCheckpoint, LiveSessionResult, VisitExtras } from './live-session';
import { platformForUrl } from '../platforms/catalog';
import type { EndReason, Goal, LiveTalk, RemoteSource, VisitSummary } from './schema';
import { buildVisitSummary } from './summary';
import { withoutWords, wordsOf, type VisitWord } from './visit-words';

/**
 * The background's brain: which tab has which visit, starting and ending visits, and closing
 * every visit with a saved summary whatever happens (worker restarts, a dead engine, a closed
 * tab, a browser restart). Browser APIs come in through ports, so all of this is tested in Node.
 * The worker can be killed at any moment, so every decision reloads the persisted registry.
 */

export interface SessionRecord {
  sessionId: string;
  tabId: number;
  site: string;
  host: string;
  startedAt: number;
  remoteSource: RemoteSource;
  privacyLocal: boolean;
  status: 'starting' | 'active' | 'ending';
  /** The clinician's goal when the visit started: shown on the panel, saved with the summary. */
  goal?: Goal | null;
}

/** Kept in IndexedDB during a visit; enough to write its summary if everything else dies. */
export interface SessionCheckpoint {
  session: SessionRecord;
  talk: TalkCheckpoint | null;
  /** Questions, gaze and nudges as of the checkpoint (absent in checkpoints of older versions). */
  extras?: VisitExtras;
  savedAt: number;
}

/** The part of the registry that must survive a worker restart (kept in storage.session). */
export interface CoordinatorState {
  sessions: Record<string, SessionRecord>; // by tab id
  lastVisit: Record<string, string>; // tab id → visit id
  errors: Record<string, string>; // tab id → message to show
}

export interface CoordinatorPorts {
  engine: {
    /** `settings`: the clinician's settings as the visit starts (nudge thresholds, quiet mode, gaze, speech). */
    /** `adaptation`: the clinician's label adaptation layer (learnt from their corrections). */
    /** `usualVisitS`: the median length of the clinician's recent visits (the teach-back nudge's "near the end"). */
    start(request: { sessionId: string; tabStreamId: string | null; settings?: Settings; adaptation?: AdaptationLayer; usualVisitS?: number }): Promise<void>;
    /** The final figures, or null when the engine no longer has the session. */
    end(sessionId: string): Promise<LiveSessionResult | null>;
    /** The clinician's Pause/Resume: the engine stops or resumes counting. */
    pause(sessionId: string, paused: boolean): Promise<void>;
    remoteFrames(sessionId: string, energyDb: number[]): void;
    /** Sessions the engine host is running now (empty when it is gone). */
    activeSessions(): Promise<string[]>;
  };
  tabs: {
    send(tabId: number, message: BackgroundToPanel): void;
    url(tabId: number): Promise<string | null>;
    /** A tab-capture stream id; throws when the tab was not invoked or capture is unavailable. */
    captureStreamId(tabId: number): Promise<string>;
    /** Puts the panel on a page outside the catalog (allowed by the clinician's invocation); throws when it cannot. */
    showPanel(tabId: number): Promise<void>;
  };
  visits: { save(summary: VisitSummary): Promise<void> };
  checkpoints: {
    put(checkpoint: SessionCheckpoint): Promise<void>;
    get(sessionId: string): Promise<SessionCheckpoint | null>;
    delete(sessionId: string): Promise<void>;
    all(): Promise<SessionCheckpoint[]>;
  };
  state: { load(): Promise<CoordinatorState | null>; save(state: CoordinatorState): Promise<void> };
  settings(): Promise<Settings>;
  /** The clinician's label adaptation layer (absent: labels are not adapted). Never throws: an unreadable one is the identity. */
  adaptation?(): Promise<AdaptationLayer>;
  /** The median length of the clinician's recent visits, s, or null when too few (coach/behaviour-rules.ts). Never throws. */
  usualVisitS?(): Promise<number | null>;
  /** Memory-only keeping of a privacy-local visit's words for its review (absent: they are dropped). */
  words?: { keep(visitId: string, words: VisitWord[]): Promise<void> };
  /** The goal the clinician set for the next visit (absent: goals are not kept). */
  goals?: { current(): Promise<Goal | null> };
  now(): number;
  newId(): string;
  log(message: string): void;
}

export type StartVia = 'toolbar' | 'panel';

/** Shown on the panel and popup when a finished visit could not be written (the reason follows). */
export const SAVE_FAILED = 'This visit could not be saved yet; Attune kept its last checkpoint and will try again when it restarts.';

/** Issue 19.8: no visit is coached before the clinician confirmed, once, that patients are informed. */
export const PATIENTS_INFORMED_NEEDED =
  'Before your first visit, confirm on Attune’s setup page that your patients are informed that you use Attune (choose “Set up Attune”).';

export const MIC_HELP = 'Attune needs your microphone. Open Attune’s setup page and choose “Allow microphone”.';

export function createCoordinator(ports: CoordinatorPorts) {
  let state: CoordinatorState | null = null;
  const live = new Map<string, LiveTalk>(); // by session id; refilled by the next engine update after a restart

  async function load(): Promise<CoordinatorState> {
    state ??= (await ports.state.load()) ?? { sessions: {}, lastVisit: {}, errors: {} };
    return state;
  }
  const persist = async () => state && ports.state.save(state);
  const bySession = (s: CoordinatorState, sessionId: string) => Object.values(s.sessions).find((r) => r.sessionId === sessionId) ?? null;

  async function view(tabId: number): Promise<TabView> {
    const s = await load();
    const session = s.sessions[tabId] ?? null;
    const error = s.errors[tabId] ?? null;
    return {
      coaching: session ? (session.status === 'starting' ? 'starting' : session.status === 'ending' ? 'ending' : 'active') : error ? 'error' : s.lastVisit[tabId] ? 'ended' : 'idle',
      sessionId: session?.sessionId ?? null,
      live: session ? (live.get(session.sessionId) ?? null) : null,
      remoteSource: session?.remoteSource ?? 'none',
      // Live updates call this 4× a second: the session already knows its mode, so storage is read only without one.
      privacyLocal: session ? session.privacyLocal : (await ports.settings()).privacyLocal,
      message: error,
      lastVisitId: s.lastVisit[tabId] ?? null,
      goal: session ? (session.goal ?? null) : await currentGoal(),
    };
  }

  /** A goal that cannot be read is no reason to stop a visit: the panel just shows none. */
  async function currentGoal(): Promise<Goal | null> {
    try {
      return (await ports.goals?.current()) ?? null;
    } catch (error) {
      ports.log(`goal unavailable: ${String(error)}`);
      return null;
    }
  }

  async function pushView(tabId: number): Promise<void> {
    ports.tabs.send(tabId, { type: 'tab:view', view: await view(tabId) });
  }

  /** `pageUrl` is the call page's address when the request came from its content script. */
  async function start(tabId: number, via: StartVia, pageUrl?: string): Promise<TabView> {
    const s = await load();
    if (s.sessions[tabId]) return view(tabId);
    const url = pageUrl ?? (await ports.tabs.url(tabId));
    const host = url ? safeHost(url) : '';
    const settings = await ports.settings();
    if (!settings.patientsInformedConfirmed) {
      s.errors[tabId] = PATIENTS_INFORMED_NEEDED;
      await persist();
      await pushView(tabId);
      return view(tabId);
    }
    let tabStreamId: string | null = null;
    if (via === 'toolbar') {
      try {
        tabStreamId = await ports.tabs.captureStreamId(tabId);
      } catch (error) {
        ports.log(`tab capture unavailable for tab ${tabId}, using the page's audio tracks: ${String(error)}`);
      }
    }
    const session: SessionRecord = {
      sessionId: ports.newId(),
      tabId,
      site: url ? (platformForUrl(url)?.id ?? 'other') : 'other',
      host,
      startedAt: ports.now(),
      remoteSource: tabStreamId ? 'tab-capture' : 'page-tap',
      privacyLocal: settings.privacyLocal,
      status: 'starting',
      goal: await currentGoal(),
    };
    s.sessions[tabId] = session;
    delete s.errors[tabId];
    await persist();
    await pushView(tabId);
    try {
      await ports.checkpoints.put({ session, talk: null, savedAt: ports.now() });
      const adaptation = ports.adaptation ? await ports.adaptation() : undefined;
      const usualVisitS = ports.usualVisitS ? await ports.usualVisitS() : null;
      await ports.engine.start({ sessionId: session.sessionId, tabStreamId, settings, ...(adaptation && { adaptation }), ...(usualVisitS !== null && { usualVisitS }) });
    } catch (error) {
      delete s.sessions[tabId];
      s.errors[tabId] = describeStartError(error);
      await ports.checkpoints.delete(session.sessionId);
      await persist();
      await pushView(tabId);
      return view(tabId);
    }
    session.status = 'active';
    await persist();
    // Any other site has no content script until the clinician asks for coaching from the toolbar.
    if (session.site === 'other' && via === 'toolbar') {
      await ports.tabs.showPanel(tabId).catch((error: unknown) => ports.log(`no panel on tab ${tabId}: ${String(error)}`));
    }
    if (session.remoteSource === 'page-tap') ports.tabs.send(tabId, { type: 'tab:start-tap', sessionId: session.sessionId });
    await pushView(tabId);
    return view(tabId);
  }

  async function end(tabId: number, reason: EndReason): Promise<TabView> {
    const s = await load();
    const session = s.sessions[tabId];
    if (!session || session.status === 'ending') return view(tabId);
    session.status = 'ending';
    await persist();
    await pushView(tabId);
    let result: LiveSessionResult | null = null;
    try {
      result = await ports.engine.end(session.sessionId);
    } catch (error) {
      ports.log(`engine did not answer at the end of ${session.sessionId}: ${String(error)}`);
    }
    await finish(session, result, reason);
    if (reason !== 'tab-closed') {
      ports.tabs.send(tabId, { type: 'tab:stop-tap' });
      await pushView(tabId);
    }
    return view(tabId);
  }

  /**
   * Saves the summary from the engine's result, or from the last checkpoint when there is none.
   * When saving fails (a full disk), the checkpoint is kept for the next start-up to retry, the
   * tab shows why, and null is returned.
   */
  async function finish(session: SessionRecord, result: LiveSessionResult | null, reason: EndReason): Promise<VisitSummary | null> {
    const s = await load();
    let talk = result?.talk;
    let extras = result?.extras ?? {};
    let partial = false;
    let endedAt = ports.now();
    if (!talk) {
      const checkpoint = await ports.checkpoints.get(session.sessionId);
      talk = createTalkEngine({}, checkpoint?.talk ?? undefined).result();
      extras = checkpoint?.extras ?? {};
      partial = true;
      // What is known ends at the last checkpoint: the visit ends there too (not at the restart).
      endedAt = checkpoint?.savedAt ?? session.startedAt;
    }
    const summary = buildVisitSummary(
      {
        id: session.sessionId,
        site: session.site,
        host: session.host,
        startedAt: session.startedAt,
        endedAt,
        remoteSource: session.remoteSource,
        endReason: partial && reason === 'user' ? 'engine-lost' : reason,
        partial,
        privacyLocal: session.privacyLocal,
      },
      talk,
      { ...withoutWordsIfPrivate(extras, session.privacyLocal), ...(session.goal ? { goal: session.goal } : {}) },
    );
    let saved = true;
    try {
      await ports.visits.save(summary);
      await ports.checkpoints.delete(session.sessionId);
    } catch (error) {
      saved = false;
      const why = error instanceof Error ? error.message : String(error);
      ports.log(`could not save visit ${session.sessionId}: ${why}`);
      s.errors[session.tabId] = `${SAVE_FAILED} ${why}`;
    }
    if (s.sessions[session.tabId]?.sessionId === session.sessionId) delete s.sessions[session.tabId];
    live.delete(session.sessionId);
    if (!saved) {
      await persist();
      return null;
    }
    s.lastVisit[session.tabId] = summary.id;
    await persist();
    if (session.privacyLocal && result) await keepWordsForReview(summary.id, wordsOf(result.extras));
    return summary;
  }

  /** The review's words live in memory only; losing them costs the review its words, never the visit. */
  async function keepWordsForReview(visitId: string, words: VisitWord[]): Promise<void> {
    if (!ports.words || words.length === 0) return;
    await ports.words.keep(visitId, words).catch((error: unknown) => ports.log(`words of ${visitId} not kept for the review: ${String(error)}`));
  }

  return {
    view,
    start,
    end,

    async hello(tabId: number, callState: CallState): Promise<TabView> {
      const v = await view(tabId);
      if (callState === 'ended' && v.sessionId) return end(tabId, 'hang-up');
      return v;
    },

    /** Pause (true) or Resume (false) the tab's running visit; held time is left out of its figures. */
    async pause(tabId: number, paused: boolean): Promise<TabView> {
      const s = await load();
      const session = s.sessions[tabId];
      if (session?.status === 'active') await ports.engine.pause(session.sessionId, paused);
      return view(tabId);
    },

    /** The popup's "Show panel": the content script brings back a hidden panel. */
    async showPanel(tabId: number): Promise<TabView> {
      ports.tabs.send(tabId, { type: 'tab:show-panel' });
      return view(tabId);
    },

    async callState(tabId: number, callState: CallState): Promise<void> {
      if (callState === 'ended') await end(tabId, 'hang-up');
    },

    async remoteFrames(tabId: number, sessionId: string, energyDb: number[]): Promise<void> {
      const s = await load();
      const session = s.sessions[tabId];
      // Frames only count for the session that this very tab is running through the page tap.
      if (session?.sessionId === sessionId && session.remoteSource === 'page-tap' && session.status === 'active') {
        ports.engine.remoteFrames(sessionId, energyDb);
      }
    },

    async engineLive(sessionId: string, update: LiveTalk): Promise<void> {
      const s = await load();
      const session = bySession(s, sessionId);
      if (!session) return;
      live.set(sessionId, update);
      await pushView(session.tabId);
    },

    async engineCheckpoint(sessionId: string, checkpoint: LiveSessionCheckpoint): Promise<void> {
      const s = await load();
      const session = bySession(s, sessionId);
      if (!session) return;
      const extras = withoutWordsIfPrivate(checkpoint.extras, session.privacyLocal);
      await ports.checkpoints.put({ session, talk: checkpoint.talk, extras, savedAt: ports.now() });
    },

    async engineFailed(sessionId: string, message: string): Promise<void> {
      const s = await load();
      const session = bySession(s, sessionId);
      if (!session) return;
      ports.log(`engine failed for ${sessionId}: ${message}`);
      const saved = await finish(session, null, 'engine-lost');
      s.errors[session.tabId] = saved ? message : `${message} ${s.errors[session.tabId] ?? ''}`.trim();
      await persist();
      await pushView(session.tabId);
    },

    async tabRemoved(tabId: number): Promise<void> {
      await end(tabId, 'tab-closed');
      const s = await load();
      delete s.lastVisit[tabId];
      delete s.errors[tabId];
      await persist();
    },

    async tabNavigated(tabId: number, url: string): Promise<void> {
      const s = await load();
      const session = s.sessions[tabId];
      if (session && safeHost(url) !== session.host) await end(tabId, 'navigated');
    },

    /**
     * Run when the worker starts: closes visits whose engine is gone (the offscreen document
     * crashed, or the browser restarted) from their last checkpoint, marked partial.
     */
    async recover(): Promise<VisitSummary[]> {
      const s = await load();
      const running = new Set(await ports.engine.activeSessions().catch(() => [] as string[]));
      const saved: VisitSummary[] = [];
      const keep = (summary: VisitSummary | null) => summary && saved.push(summary);
      const known = new Set(Object.values(s.sessions).map((r) => r.sessionId));
      for (const session of Object.values(s.sessions)) {
        if (session.status !== 'starting' && !running.has(session.sessionId)) keep(await finish(session, null, 'engine-lost'));
      }
      let checkpoints: SessionCheckpoint[] = [];
      try {
        checkpoints = await ports.checkpoints.all();
      } catch (error) {
        ports.log(`checkpoints unreadable at start-up: ${String(error)}`);
      }
      for (const checkpoint of checkpoints) {
        if (!known.has(checkpoint.session.sessionId) && !running.has(checkpoint.session.sessionId)) {
          keep(await finish(checkpoint.session, null, 'browser-restart'));
        }
      }
      return saved;
    },
  };
}

export type Coordinator = ReturnType<typeof createCoordinator>;

/** In privacy-local mode no words are ever stored, whatever a speech engine handed over: labels and times only. */
function withoutWordsIfPrivate(extras: VisitExtras, privacyLocal: boolean): VisitExtras {
  return privacyLocal ? withoutWords(extras) : extras;
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function describeStartError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (/NotAllowed|Permission|denied/i.test(text)) return MIC_HELP;
  if (/NotFound|no microphone|Requested device not found/i.test(text)) return 'No microphone was found. Connect one and try again.';
  if (/NotReadable|in use|Could not start/i.test(text)) return 'The microphone is busy in another program. Close it there and try again.';
  return `Coaching could not start: ${text}`;
}
