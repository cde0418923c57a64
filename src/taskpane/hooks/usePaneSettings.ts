/** The settings being edited (the config file's JSON), the period, and the person's name (kept in this browser). */
import { useMemo, useState } from 'react';
import { DEFAULT_CONFIG, parseConfig, type LedgerConfig } from '../../engine/config';
import type { ConfigJson } from '../model';

const NAME_KEY = 'housing-ledger.name';

function readName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

export function usePaneSettings() {
  const [config, setConfig] = useState<ConfigJson>({});
  const [period, setPeriod] = useState('');
  const [name, setName] = useState(readName);
  // Validated here only to say what is wrong as it is typed; the worker validates it again for the run.
  const parsed = useMemo(() => parseConfig(config), [config]);
  const engineConfig: LedgerConfig = parsed.ok ? parsed.config : DEFAULT_CONFIG;

  function changeName(next: string): void {
    setName(next);
    try {
      localStorage.setItem(NAME_KEY, next);
    } catch {
      /* the name is remembered where storage allows */
    }
  }

  return { config, setConfig, period, setPeriod, name, changeName, actor: name.trim() || 'unnamed user', parsed, engineConfig };
}
