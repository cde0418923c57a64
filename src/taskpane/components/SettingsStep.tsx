/**
 * Step 2: the period, the rent calendar, the GL codes and the landlord's transaction codes; saved as
 * saved settings (under a name) to reuse next month, or imported and exported as the CLI's config file.
 * The values are the config file's keys (README: config).
 */
import { Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, Select, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../engine/categories';
import { formatUkDate, type IsoDate } from '../../engine/dates';
import type { SavedSettings } from '../../store/schema';
import { configOf, parseDateList, type ConfigJson } from '../model';
import { SettingsFile } from './SettingsFile';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '120px' },
  actions: { display: 'flex', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS },
  fieldset: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface SettingsProps {
  readonly period: string;
  readonly onPeriod: (p: string) => void;
  readonly config: ConfigJson;
  readonly onConfig: (c: ConfigJson) => void;
  readonly problems: readonly string[];
  readonly name: string;
  readonly onName: (n: string) => void;
  /** Settings saved under a name earlier (any workbook). */
  readonly saved: readonly SavedSettings[];
  readonly onSaveAs: (name: string) => void;
  readonly onNext: () => void;
}

export function SettingsStep({ period, onPeriod, config, onConfig, problems, name, onName, saved, onSaveAs, onNext }: SettingsProps) {
  const styles = useStyles();
  const [weeksText, setWeeksText] = useState(() => (config.rentFreeWeeks ?? []).map((d) => formatUkDate(d as IsoDate)).join(', '));
  const [weeksBad, setWeeksBad] = useState<string[]>([]);
  const [saveAs, setSaveAs] = useState('');
  const [chosen, setChosen] = useState('');
  const codes = Object.entries(config.codes ?? {});
  const periodOk = /^\d{4}-(0[1-9]|1[0-2])$/.test(period);

  const set = (patch: { [K in keyof ConfigJson]?: ConfigJson[K] | undefined }) => {
    const next = { ...config, ...patch } as ConfigJson;
    for (const [k, v] of Object.entries(patch)) if (v === undefined || v === '') delete next[k];
    onConfig(next);
  };
  const setCodes = (entries: [string, Category][]) => set({ codes: Object.fromEntries(entries.filter(([k]) => k.trim() !== '')) as Record<string, Category> });

  return (
    <section aria-labelledby="hl-settings">
      <Subtitle2 as="h2" id="hl-settings" block>
        Settings
      </Subtitle2>
      <form noValidate className={styles.form} onSubmit={(e) => { e.preventDefault(); onNext(); }}>
        <div className={styles.row}>
          <Field className={styles.grow} label="Period (month)" required validationState={periodOk ? 'none' : 'error'} validationMessage={periodOk ? null : 'Choose a month, e.g. 2026-12'}>
            <Input type="month" value={period} onChange={(_, d) => onPeriod(d.value)} />
          </Field>
          <Field className={styles.grow} label="Your name" hint="Recorded in the session’s trail">
            <Input value={name} onChange={(_, d) => onName(d.value)} autoComplete="name" />
          </Field>
        </div>

        <fieldset className={styles.fieldset}>
          <legend>
            <Body1><strong>Rent calendar</strong></Body1>
          </legend>
          <Field label="Rent year starts (a Monday)" hint="Empty: the first Monday of April">
            <Input type="date" value={config.rentYearStart ?? ''} onChange={(_, d) => set({ rentYearStart: d.value || undefined })} />
          </Field>
          <Field
            label="Rent-free weeks (the Monday of each, dd/mm/yyyy)"
            validationState={weeksBad.length ? 'error' : 'none'}
            validationMessage={weeksBad.length ? `Not dates: ${weeksBad.join(', ')}` : null}
          >
            <Textarea
              value={weeksText}
              resize="vertical"
              onChange={(_, d) => setWeeksText(d.value)}
              onBlur={() => {
                const { dates, bad } = parseDateList(weeksText);
                setWeeksBad(bad);
                set({ rentFreeWeeks: dates.length ? dates : undefined });
              }}
            />
          </Field>
        </fieldset>

        <fieldset className={styles.fieldset}>
          <legend>
            <Body1><strong>General ledger</strong></Body1>
          </legend>
          <div className={styles.row}>
            <Field className={styles.grow} label="Rent control account code">
              <Input value={config.glControlAccount ?? ''} placeholder="1100" onChange={(_, d) => set({ glControlAccount: d.value || undefined })} />
            </Field>
            <Field className={styles.grow} label="Suspense account code">
              <Input value={config.glSuspenseAccount ?? ''} placeholder="1190" onChange={(_, d) => set({ glSuspenseAccount: d.value || undefined })} />
            </Field>
          </div>
        </fieldset>

        <fieldset className={styles.fieldset}>
          <legend>
            <Body1><strong>Your transaction codes</strong></Body1>
          </legend>
          <Caption1>Map the housing system’s own codes onto categories. The categories’ own names (RENT, HB, DD…) need no mapping.</Caption1>
          {codes.map(([code, cat], i) => (
            <div className={styles.row} key={i}>
              <Field className={styles.grow} label={`Code ${i + 1}`}>
                <Input value={code} onChange={(_, d) => setCodes(codes.map((e, j) => (j === i ? [d.value, e[1]] : e)))} />
              </Field>
              <Field className={styles.grow} label={`Category of code ${i + 1}`}>
                <Select value={cat} onChange={(_, d) => setCodes(codes.map((e, j) => (j === i ? [e[0], d.value as Category] : e)))}>
                  {CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {c}: {CATEGORY_LABELS[c]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button onClick={() => setCodes(codes.filter((_, j) => j !== i))} aria-label={`Remove code ${code || i + 1}`}>
                Remove
              </Button>
            </div>
          ))}
          <div>
            <Button onClick={() => set({ codes: { ...(config.codes ?? {}), [`CODE${codes.length + 1}`]: 'RENT' } })}>Add a code</Button>
          </div>
        </fieldset>

        <fieldset className={styles.fieldset}>
          <legend>
            <Body1><strong>Saved settings</strong></Body1>
          </legend>
          <div className={styles.row}>
            <Field className={styles.grow} label="Saved settings">
              <Select value={chosen} onChange={(_, d) => setChosen(d.value)}>
                <option value="">{saved.length ? 'Choose saved settings' : 'No settings saved yet'}</option>
                {saved.map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Button
              disabled={!chosen}
              onClick={() => {
                const p = saved.find((x) => x.name === chosen);
                if (!p) return;
                const c = configOf(p.settings);
                onConfig(c);
                setWeeksText((c.rentFreeWeeks ?? []).map((d) => formatUkDate(d as IsoDate)).join(', '));
              }}
            >
              Apply
            </Button>
          </div>
          <SettingsFile
            config={config}
            onConfig={(c) => {
              onConfig(c);
              setWeeksText((c.rentFreeWeeks ?? []).map((d) => formatUkDate(d as IsoDate)).join(', '));
            }}
          />
          <div className={styles.row}>
            <Field className={styles.grow} label="Save these settings as">
              <Input value={saveAs} placeholder="e.g. Rent 2026/27" onChange={(_, d) => setSaveAs(d.value)} />
            </Field>
            <Button disabled={!saveAs.trim()} onClick={() => onSaveAs(saveAs)}>
              Save settings
            </Button>
          </div>
        </fieldset>

        {problems.length > 0 && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>The settings are not valid: {problems.join('; ')}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={!periodOk}>
            Next: Run
          </Button>
        </div>
      </form>
    </section>
  );
}
