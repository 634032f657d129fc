/** Replaced at build time (wxt.config.ts): true in dev/test builds, false in the store build. */
declare const __ATTUNE_DEV_BUILD__: boolean;
