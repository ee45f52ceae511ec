/**
 * The desktop app's two IPC channels, named once for the main process and the preload (the
 * preload's build inlines them, so the sandboxed preload still loads nothing at run time).
 */
export const INVOKE_CHANNEL = 'dateline:invoke';
export const EVENT_CHANNEL = 'dateline:event';
