/**
 * Build step (issue 17.3): MediaPipe Tasks Vision creates a usage logger with every task, which
 * POSTs logs to a Google endpoint every 60 s. Attune makes no request at all, so the logger is
 * switched off in the bundle at build time: its constructor starts in its own "sending failed"
 * state, in which it neither queues an event nor schedules a flush, so it never calls fetch.
 * (The network lock in the face worker would refuse the request anyway; this removes the attempt.)
 * The patch is an exact text match on the pinned MediaPipe version: if the bundle changes, the
 * build fails here with a message instead of shipping the logger.
 */
import type { Plugin } from 'vite';

export const MEDIAPIPE_LOG_URL = 'https://odml.pa.googleapis.com/v1/log';
const LOGGER_TIMER = 'this.h=setInterval(()=>{this.flush()},6e4)';
const LOGGER_OFF = 'this.error=Error("usage logging removed at build time"),this.h=void 0';

/** The bundle's text with the usage logger switched off; throws when the logger is not where expected. */
export function withoutUsageLogger(code: string): string {
  const urlAt = code.indexOf(`"${MEDIAPIPE_LOG_URL}"`);
  const timerAt = code.indexOf(LOGGER_TIMER);
  const oneEach = urlAt >= 0 && code.indexOf(`"${MEDIAPIPE_LOG_URL}"`, urlAt + 1) < 0 && timerAt >= 0 && code.indexOf(LOGGER_TIMER, timerAt + 1) < 0;
  // The timer belongs to the logger class: it comes just before the URL, in the same class body.
  if (!oneEach || urlAt - timerAt < 0 || urlAt - timerAt > 1_000) {
    throw new Error(`MediaPipe's usage logger is not where scripts/build/no-mediapipe-logger.ts expects it (did @mediapipe/tasks-vision change?). Update the patch; never ship the logger.`);
  }
  return code.slice(0, timerAt) + LOGGER_OFF + code.slice(timerAt + LOGGER_TIMER.length);
}

export function noMediaPipeLogger(): Plugin {
  return {
    name: 'attune-no-mediapipe-logger',
    enforce: 'pre',
    transform(code, id) {
      if (!/@mediapipe[\\/]tasks-vision[\\/]vision_bundle\.m?js/.test(id)) return null;
      return { code: withoutUsageLogger(code), map: null };
    },
  };
}
