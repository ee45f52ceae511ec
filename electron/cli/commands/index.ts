import type { Command } from '../cli';
import { contactsCommand } from './contacts';
import { importCommand } from './import';
import { exportCommand, kitCommand } from './kit';
import { syncCommand } from './sync';

/** Commands that live in their own files, by name. */
export const COMMANDS: Command[] = [importCommand, kitCommand, exportCommand, contactsCommand, syncCommand];
