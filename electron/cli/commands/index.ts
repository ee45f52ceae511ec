import type { Command } from '../cli';

/** Commands that live in their own files, by name. */
export const COMMANDS: Command[] = [];
