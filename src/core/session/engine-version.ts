/** Stored with every summary so that figures can be traced to the engine that made them. */
export const ENGINE_VERSION = 'talk-duplex-2';
