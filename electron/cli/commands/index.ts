import type { Command } from '../cli';
import { contactsCommand } from './contacts';
import { importCommand } from './import';
import { exportCommand, kitCommand } from './kit';
import { attachCommand, backupCommand, compactCommand, restoreCommand, searchCommand } from './library';
import { releaseCommand } from './release';
import { serveCommand } from './serve';
import { syncCommand } from './sync';

/** Every `dateline` command, in the order --help lists them. */
export const COMMANDS: readonly Command[] = [
  serveCommand,
  releaseCommand,
  searchCommand,
  attachCommand,
  backupCommand,
  restoreCommand,
  compactCommand,
  importCommand,
  kitCommand,
  exportCommand,
  contactsCommand,
  syncCommand,
];
