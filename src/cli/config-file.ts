/** The one config file every command takes (--config), validated by the engine's own parser. */
import { DEFAULT_CONFIG, parseConfig, type LedgerConfig } from '../engine/config';
import { CliInputError } from './errors';
import { readJsonFile } from './workbook-io';

export function loadConfig(path: string | undefined): LedgerConfig {
  if (path === undefined) return DEFAULT_CONFIG;
  const parsed = parseConfig(readJsonFile(path));
  if (!parsed.ok) throw new CliInputError(`${path}: the config is not valid`, parsed.problems);
  return parsed.config;
}
