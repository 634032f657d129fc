import type { CoordinatorPorts } from '../../core/session/coordinator';
import type { EngineHost } from './engine-host';

/**
 * The coordinator's engine port where there is no offscreen document (Firefox): the background
 * page is a document and hosts the engine itself.
 */
export function createInProcessEnginePort(host: EngineHost): CoordinatorPorts['engine'] {
  return {
    start: ({ sessionId, tabStreamId, settings, adaptation, usualVisitS }) => host.start(sessionId, tabStreamId, settings, adaptation, usualVisitS),
    end: (sessionId) => host.end(sessionId),
    pause: async (sessionId, paused) => host.pause(sessionId, paused),
    remoteFrames: (sessionId, energyDb) => host.remoteFrames(sessionId, energyDb),
    activeSessions: async () => host.activeSessions(),
  };
}
