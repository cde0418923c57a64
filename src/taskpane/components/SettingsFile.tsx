/**
 * Settings as the config file the CLI reads (issue 11): import one (validated by the engine's one
 * schema, each problem located, nothing applied unless all of it is valid) and export these settings
 * as one, to use with `housing-ledger reconcile --config`.
 */
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { configFileText, readConfigText } from '../../engine/config-text';
import { downloadFile } from '../download';
import type { ConfigJson } from '../model';
import { FilePicker } from './FilePicker';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function SettingsFile({ config, onConfig }: { readonly config: ConfigJson; readonly onConfig: (c: ConfigJson) => void }) {
  const styles = useStyles();
  const [said, setSaid] = useState<{ ok: true; text: string } | { ok: false; file: string; problems: readonly string[] } | null>(null);

  async function load(file: File): Promise<void> {
    const read = readConfigText(await file.text());
    if (!read.ok) {
      setSaid({ ok: false, file: file.name, problems: read.problems });
      return;
    }
    onConfig(read.json as ConfigJson);
    setSaid({ ok: true, text: `Settings taken from ${file.name}.` });
  }

  return (
    <>
      <div className={styles.row}>
        <FilePicker accept=".json,application/json" label="Config file to import" onFile={load}>
          Import a config file…
        </FilePicker>
        <Button onClick={() => downloadFile('housing-ledger-config.json', configFileText(config), 'application/json')}>Export as a config file</Button>
      </div>
      {said && (
        <MessageBar intent={said.ok ? 'success' : 'error'} layout="multiline" role={said.ok ? 'status' : 'alert'}>
          <MessageBarBody>
            {said.ok ? (
              said.text
            ) : (
              <>
                {said.file} was not imported (the settings are as they were):
                <ul className={styles.problems}>
                  {said.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
