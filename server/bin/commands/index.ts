import { backup, restore } from './backup.js';
import type { Command } from './command.js';
import { converse } from './converse.js';
import { extract } from './extract.js';
import { speak } from './speak.js';
import { transcribe } from './transcribe.js';
import { understand } from './understand.js';
import { users } from './users.js';

/** The subcommands. A new one (transcribe, speak, extract) is a module in this folder and a line here. */
export const COMMANDS: readonly Command[] = [converse, speak, transcribe, understand, extract, users, backup, restore];
