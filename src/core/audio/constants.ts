/** The engine's one audio format: everything is converted to this before analysis. */
export const ENGINE_SAMPLE_RATE = 16_000;
export const FRAME_MS = 10;
export const FRAME_SAMPLES = (ENGINE_SAMPLE_RATE * FRAME_MS) / 1000;
/** Level reported for digital silence, so that logs and JSON never hold -Infinity. */
export const SILENCE_DB = -120;
