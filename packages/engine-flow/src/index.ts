/**
 * Placeholder entry point. This engine is built by a later issue (see the issue list);
 * it exists now so the workspace layout and the no-I/O lint rule cover it from day one.
 */
export const ENGINE_VERSION = 0 as const;
