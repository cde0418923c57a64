/**
 * The mandate register: import from a CSV or a sheet of the workbook, search, and edit a mandate
 * with the engine's checks shown beside it. Bank details are masked everywhere on screen except in
 * the edit form, where the person types them. A status change needs a reason (the mandate trail).
 */
import { Body1, Button, Caption1, Field, Input, mergeClasses, Select, Subtitle2 } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { parseDayFirst, type IsoDate } from '../../engine/dates';
import { MANDATE_COLUMNS, MANDATE_STATUSES, type MandateStatus } from '../../engine/dd/mandates';
import { blankRow, maskedBank, type RegisterRow } from '../../engine/jobs/dd-register';
import type { StoredMandate } from '../../store/mandate-schema';
import { FilePicker } from '../components/FilePicker';
import type { useDdRegister } from './useDdRegister';
import { useDdStyles } from './styles';

export interface RegisterViewProps {
  readonly register: ReturnType<typeof useDdRegister>;
  readonly sheets: readonly string[];
  readonly onCsv: (file: File) => Promise<void>;
  readonly onSheet: (name: string) => Promise<void>;
  /** Today as the person's machine has it: the day a status change is recorded on. */
  readonly today: () => string;
}

export function RegisterView({ register, sheets, onCsv, onSheet, today }: RegisterViewProps) {
  const styles = useDdStyles();
  const [query, setQuery] = useState('');
  const [sheet, setSheet] = useState('');
  const [editing, setEditing] = useState<StoredMandate | 'new' | null>(null);
  const checks = new Map(register.checks.map((c) => [c.index, c.problems]));
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return register.mandates
      .map((m, index) => ({ m, index }))
      .filter(({ m }) => q === '' || [m.row['Account Ref'], m.row['Payer Name'], m.row['DDI Reference']].some((t) => t.toLowerCase().includes(q)));
  }, [register.mandates, query]);
  const held = register.mandates.length - register.valid;
  return (
    <section aria-labelledby="hl-dd-register" className={styles.box}>
      <Subtitle2 as="h3" id="hl-dd-register">
        Mandate register
      </Subtitle2>
      <div className={styles.row}>
        <FilePicker accept=".csv,text/csv" label="Register CSV to import" onFile={onCsv}>
          Import a CSV…
        </FilePicker>
        <Field label="Or a sheet of the workbook" className={styles.grow}>
          <Select value={sheet} onChange={(_, d) => setSheet(d.value)}>
            <option value="">Choose a sheet</option>
            {sheets.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </Select>
        </Field>
        <Button disabled={sheet === ''} onClick={() => void onSheet(sheet)}>
          Import the sheet
        </Button>
      </div>
      <Body1 role="status">
        {register.mandates.length === 0 ? 'No mandates yet: import the register.' : `${register.mandates.length} mandates, ${register.valid} pass every check${held > 0 ? `, ${held} would be held back` : ''}.`}
      </Body1>
      {register.mandates.length > 0 && (
        <div className={styles.row}>
          <Field label="Search by account, payer or DDI reference" className={styles.grow}>
            <Input value={query} onChange={(_, d) => setQuery(d.value)} />
          </Field>
          <Button onClick={() => setEditing('new')}>Add a mandate</Button>
        </div>
      )}
      {editing !== null && <EditMandate key={editing === 'new' ? 'new' : editing.id} mandate={editing === 'new' ? null : editing} problems={editing === 'new' ? [] : (checks.get(register.mandates.indexOf(editing)) ?? [])} register={register} today={today} onClose={() => setEditing(null)} />}
      {shown.length > 0 && (
        <div className={styles.scroll}>
          <table className={styles.table} aria-label="Mandates">
            <thead>
              <tr>
                <th scope="col">Mandate</th>
                <th scope="col">Bank</th>
                <th scope="col">Amount</th>
                <th scope="col">Status, checks</th>
                <th scope="col">
                  <span className="hl-visually-hidden">Edit</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, 200).map(({ m, index }) => {
                const bank = maskedBank(m.row);
                const problems = checks.get(index) ?? [];
                return (
                  <tr key={m.id ?? index}>
                    <td>
                      <strong>{m.row['DDI Reference']}</strong> <span className={styles.line}>{m.row['Account Ref']}</span> <span className={styles.line}>{m.row['Payer Name']}</span>
                    </td>
                    <td>
                      {bank.sortCode} {bank.account}
                    </td>
                    <td className={styles.num}>
                      £{m.row.Amount} <span className={styles.line}>{m.row.Frequency}</span>
                    </td>
                    <td>
                      {m.row.Status} <span className={mergeClasses(styles.line, problems.length ? styles.problem : undefined)}>{problems.length ? problems.join('; ') : 'ok'}</span>
                    </td>
                    <td>
                      <Button size="small" className={styles.compact} aria-label={`Edit ${m.row['DDI Reference'] || m.row['Account Ref']}`} onClick={() => setEditing(m)}>
                        Edit
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {shown.length > 200 && <Caption1>The first 200 of {shown.length}: search to narrow.</Caption1>}
        </div>
      )}
    </section>
  );
}

interface EditProps {
  readonly mandate: StoredMandate | null;
  readonly problems: readonly string[];
  readonly register: ReturnType<typeof useDdRegister>;
  readonly today: () => string;
  readonly onClose: () => void;
}

/** One mandate's cells (bank details in clear here only), its checks, and a status change with a reason. */
function EditMandate({ mandate, problems, register, today, onClose }: EditProps) {
  const styles = useDdStyles();
  const [row, setRow] = useState<RegisterRow>(mandate?.row ?? { ...blankRow(), Status: 'new' });
  const [to, setTo] = useState<MandateStatus>('live');
  const [why, setWhy] = useState('');
  const [refused, setRefused] = useState<string | null>(null);
  const editable = MANDATE_COLUMNS.filter((c) => c !== 'Status' || mandate === null);
  return (
    <section aria-label={mandate ? `Mandate ${mandate.row['DDI Reference']}` : 'New mandate'} className={styles.box}>
      {problems.length > 0 && (
        <ul className={`${styles.list} ${styles.problem}`} aria-label="Checks this mandate fails">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className={styles.row}>
        {editable.map((c) => (
          <Field key={c} label={c} className={styles.grow}>
            <Input value={row[c]} onChange={(_, d) => setRow({ ...row, [c]: d.value })} />
          </Field>
        ))}
      </div>
      <div className={styles.row}>
        <Button
          appearance="primary"
          onClick={() => {
            void register.saveRow(mandate?.id, row, mandate ? 'edited in the pane' : 'added in the pane');
            onClose();
          }}
        >
          Save and check
        </Button>
        <Button onClick={onClose}>Close</Button>
      </div>
      {mandate && (
        <div className={styles.row}>
          <Field label="New status" className={styles.grow}>
            <Select value={to} onChange={(_, d) => setTo(d.value as MandateStatus)}>
              {MANDATE_STATUSES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </Select>
          </Field>
          <Field label="Why (goes on the trail)" className={styles.grow} validationMessage={refused} validationState={refused ? 'error' : 'none'}>
            <Input value={why} onChange={(_, d) => setWhy(d.value)} />
          </Field>
          <Button
            onClick={() =>
              void (async () => {
                const problem = await register.changeStatus(mandate, to, why, parseDayFirst(today()) as IsoDate);
                setRefused(problem);
                if (problem === null) onClose();
              })()
            }
          >
            Change status
          </Button>
        </div>
      )}
    </section>
  );
}
