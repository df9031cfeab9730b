import type { Command } from '../src/bot/command.js';
import ask from './ask.js';
import help from './help.js';
import metric from './metric.js';
import reingest from './reingest.js';
import reports from './reports.js';
import table from './table.js';

/** Every slash command, in the order Discord lists them. */
export const commands: readonly Command[] = [ask, metric, table, reports, reingest, help];
