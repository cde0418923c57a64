/**
 * Daily payment files: choose a file (read here, never uploaded), pick or detect its profile,
 * preview with the control total, then check and post: the file is refused whole if anything is
 * wrong or it (or any payment in it) was imported before, and nothing is recorded. Posted files
 * give postings, suspense and summary CSVs and join the import history kept in IndexedDB. A new
 * profile is made by mapping a sample file's columns, previewed, and saved.
 */
import {
  Badge, Body1, Button, Caption1, Card, CardHeader, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Subtitle2, Switch, Table, TableBody, TableCell,
  TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SheetData } from '../../engine/cells';
import { RECEIPT_CATEGORIES } from '../../engine/categories';
import type { LedgerConfig } from '../../engine/config';
import { formatUkDate } from '../../engine/dates';
import { formatGBP, parsePence, type Pence } from '../../engine/money';
import { RollIndex } from '../../engine/payments/allocate-payments';
import { EMPTY_LEDGER, findInLedger, type ImportLedgerEntry } from '../../engine/payments/import-ledger';
import { postingsCsv, summaryCsv, suspenseCsv } from '../../engine/payments/payment-outputs';
import { describePaymentIssue } from '../../engine/payments/payment-issues';
import { completePaymentFile, inspectPaymentFile, preparePaymentFile, previewImport, type PaymentRun } from '../../engine/payments/process-payment-file';
import { DATE_FORMATS, parseProfile, SHIPPED_PROFILES, type ImportProfile } from '../../engine/payments/profile';
import { readRentRollOnly } from '../../engine/sources/read-sources';
import type { LedgerStore } from '../../store/ledger-store';
import { downloadFile } from '../download';
import { ukDateTime } from '../model';
import { FilePicker } from './FilePicker';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: '130px' },
  scroll: { overflowX: 'auto' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface PaymentsProps {
  readonly sheets: readonly SheetData[];
  readonly workbookFile: string;
  readonly config: LedgerConfig;
  readonly store: LedgerStore | null;
}

const download = (name: string, text: string): void => downloadFile(name, text, 'text/csv;charset=utf-8');

/** The profile that reads the file with no error and the most lines: a suggestion the person can change. */
function detectProfile(text: string, profiles: readonly ImportProfile[], name: string): string | null {
  let best: { name: string; score: number } | null = null;
  for (const p of profiles) {
    const r = previewImport(text, p, { fileName: name, maxLines: 0 });
    const errors = r.issues.filter((i) => i.severity === 'error').length;
    const score = r.count > 0 ? r.count * 10 - errors * 1000 : -1e9;
    if (!best || score > best.score) best = { name: p.name, score };
  }
  return best && best.score > 0 ? best.name : null;
}

export function PaymentsPanel({ sheets, workbookFile, config, store }: PaymentsProps) {
  const styles = useStyles();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [custom, setCustom] = useState<ImportProfile[]>([]);
  const [profileName, setProfileName] = useState('');
  const [settlement, setSettlement] = useState('');
  const [run, setRun] = useState<PaymentRun | null>(null);
  const [history, setHistory] = useState<ImportLedgerEntry[]>([]);
  const [note, setNote] = useState<{ intent: 'success' | 'error' | 'warning'; title: string; text: string } | null>(null);
  const [building, setBuilding] = useState(false);
  const sessionLedger = useRef(EMPTY_LEDGER);

  const profiles = useMemo(() => [...SHIPPED_PROFILES.values(), ...custom], [custom]);
  const profile = profiles.find((p) => p.name === profileName) ?? null;
  // Only the rent roll is read: the workbook's month of postings is not needed here.
  const roll = useMemo(() => readRentRollOnly(workbookFile, sheets, config)?.sheet.records ?? null, [workbookFile, sheets, config]);
  const index = useMemo(() => (roll ? new RollIndex(roll) : null), [roll]);
  const settlementPence = settlement.trim() ? parsePence(settlement.replace(/[£,\s]/g, '')) : null;
  const settlementBad = settlement.trim() !== '' && settlementPence === null;
  const preview = useMemo(
    () => (file && profile ? previewImport(file.text, profile, { fileName: file.name, maxLines: 10, settlement: settlementPence }) : null),
    [file, profile, settlementPence],
  );

  useEffect(() => {
    if (!store) return;
    void store.imports().then(setHistory, () => undefined);
    void store.importProfiles().then((saved) => {
      const ok: ImportProfile[] = [];
      for (const s of saved) {
        const p = parseProfile(s.profile);
        if (p.ok) ok.push(p.profile);
      }
      setCustom(ok);
    }, () => undefined);
  }, [store]);

  async function choose(f: File): Promise<void> {
    const text = await f.text();
    setFile({ name: f.name, text });
    setRun(null);
    setNote(null);
    const detected = detectProfile(text, profiles, f.name);
    setProfileName(detected ?? profileName);
    if (!detected) setNote({ intent: 'warning', title: 'Profile not recognised', text: 'No profile reads this file cleanly: choose one, or make a profile from it below.' });
  }

  async function post(): Promise<void> {
    if (!file || !profile) return;
    if (!index) {
      setNote({ intent: 'error', title: 'No rent roll', text: 'The workbook has no rent roll sheet to allocate payments to. Nothing was imported.' });
      return;
    }
    const prepared = preparePaymentFile(file.text, profile, file.name, settlementPence);
    let matches;
    try {
      matches = store ? await store.findImports(prepared.hash, prepared.keys) : findInLedger(sessionLedger.current, prepared.hash, prepared.keys);
    } catch (e) {
      setNote({ intent: 'error', title: 'The import ledger could not be read', text: `${(e as Error).message} Nothing was imported.` });
      return;
    }
    const result = completePaymentFile(prepared, matches, index, new Date().toISOString(), { endedTenancies: 'suspense', match: config.suspenseMatch });
    if (!result.ok) {
      setRun(result);
      setNote({ intent: 'error', title: `${file.name} was refused`, text: `${result.issues.filter((i) => i.severity === 'error').length} problem(s); nothing was imported or recorded.` });
      return;
    }
    try {
      if (store) await store.recordImport(result.entry);
      else sessionLedger.current = { entries: [...sessionLedger.current.entries, result.entry] };
    } catch (e) {
      setNote({ intent: 'error', title: `${file.name} was refused`, text: `${(e as Error).message}` });
      return;
    }
    setRun(result);
    setHistory(store ? await store.imports() : [...sessionLedger.current.entries].reverse());
    const a = result.allocation;
    setNote({
      intent: 'success',
      title: `${file.name} posted`,
      text: `${a.allocated.length} payments allocated (${formatGBP(a.allocated.reduce((t, l) => t + l.line.amount, 0) as Pence)}), ${a.suspense.length} to suspense (${formatGBP(a.suspense.reduce((t, l) => t + l.line.amount, 0) as Pence)}). Download the files below for the housing system.`,
    });
  }

  const base = file?.name.replace(/\.[^.]+$/, '') ?? 'payments';
  return (
    <section aria-labelledby="hl-payments" className={styles.box}>
      <Subtitle2 as="h2" id="hl-payments">
        Payment files
      </Subtitle2>
      <Body1>An Allpay, bank or cash-office file in; postings and suspense out. The file is read in this browser and never sent anywhere.</Body1>
      <div className={styles.row}>
        <FilePicker appearance="primary" accept=".csv,.txt,text/csv,text/plain" label="Payment file to import" onFile={choose}>
          Choose a payment file…
        </FilePicker>
        {file && <Caption1>{file.name}</Caption1>}
      </div>
      {file && (
        <div className={styles.row}>
          <Field className={styles.grow} label="Profile" hint={profile?.label || null}>
            <Select value={profileName} onChange={(_, d) => { setProfileName(d.value); setRun(null); }}>
              <option value="">Choose a profile</option>
              {profiles.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name} ({p.channel})
                </option>
              ))}
            </Select>
          </Field>
          <Field
            className={styles.grow}
            label="Settlement (the bank credit, £)"
            hint={profile?.control === 'settlement' ? 'Required for this profile' : 'Optional: checked against the file total'}
            validationState={settlementBad ? 'error' : 'none'}
            validationMessage={settlementBad ? 'An amount with at most two decimals' : null}
          >
            <Input value={settlement} inputMode="decimal" onChange={(_, d) => { setSettlement(d.value); setRun(null); }} />
          </Field>
        </div>
      )}
      {note && (
        <MessageBar intent={note.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{note.title}</MessageBarTitle> {note.text}
          </MessageBarBody>
        </MessageBar>
      )}
      {preview && (
        <Card size="small" aria-label="Preview">
          <CardHeader
            header={
              <Body1 role="status">
                <strong>{preview.count} payments</strong>, total {formatGBP(preview.total)}
                {preview.skipped ? ` (${preview.skipped} lines skipped)` : ''}{' '}
                <Badge appearance="tint" color={preview.ok ? 'success' : 'danger'}>
                  {preview.ok ? 'controls agree' : 'problems'}
                </Badge>
              </Body1>
            }
            description={
              <Caption1>
                {preview.trailer ? `Trailer: ${preview.trailer.count ?? '?'} lines, ${preview.trailer.total !== null ? formatGBP(preview.trailer.total) : '?'}. ` : ''}
                {preview.balance ? `Statement balance ${formatGBP(preview.balance.opening)} to ${formatGBP(preview.balance.closing)}. ` : ''}
                {settlementPence !== null ? `Settlement ${formatGBP(settlementPence)}.` : ''}
              </Caption1>
            }
          />
          {preview.issues.length > 0 && (
            <ul className={styles.list} aria-label="Problems in the file">
              {preview.issues.slice(0, 20).map((i, k) => (
                <li key={k}>
                  <Caption1>{describePaymentIssue(i)}</Caption1>
                </li>
              ))}
            </ul>
          )}
          <div className={styles.scroll}>
            <Table size="extra-small" aria-label="First payments of the file">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Line</TableHeaderCell>
                  <TableHeaderCell>Date</TableHeaderCell>
                  <TableHeaderCell>Reference</TableHeaderCell>
                  <TableHeaderCell className={styles.num}>Amount</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {preview.lines.map((l) => (
                  <TableRow key={l.line}>
                    <TableCell>{l.line}</TableCell>
                    <TableCell>{formatUkDate(l.date)}</TableCell>
                    <TableCell>{l.reference || '(none)'}</TableCell>
                    <TableCell className={styles.num}>{formatGBP(l.amount)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <div className={styles.row}>
            <Button appearance="primary" disabled={!preview.ok} onClick={() => void post()}>
              Check and post
            </Button>
          </div>
        </Card>
      )}
      {run && !run.ok && (
        <ul className={styles.list} aria-label="Why the file was refused">
          {run.issues.filter((i) => i.severity === 'error').slice(0, 30).map((i, k) => (
            <li key={k}>
              <Body1>{describePaymentIssue(i)}</Body1>
            </li>
          ))}
        </ul>
      )}
      {run && run.ok && (
        <Card size="small" aria-label="Posted">
          <CardHeader header={<Body1><strong>Daily summary</strong> (batches to agree with the GL)</Body1>} />
          <div className={styles.scroll}>
            <Table size="extra-small" aria-label="Batches posted">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Batch</TableHeaderCell>
                  <TableHeaderCell>Date</TableHeaderCell>
                  <TableHeaderCell className={styles.num}>Lines</TableHeaderCell>
                  <TableHeaderCell className={styles.num}>Allocated</TableHeaderCell>
                  <TableHeaderCell className={styles.num}>Suspense</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {run.allocation.batches.map((b) => (
                  <TableRow key={b.batchRef}>
                    <TableCell>{b.batchRef}</TableCell>
                    <TableCell>{formatUkDate(b.date)}</TableCell>
                    <TableCell className={styles.num}>{b.count}</TableCell>
                    <TableCell className={styles.num}>{formatGBP(b.allocated)}</TableCell>
                    <TableCell className={styles.num}>{formatGBP(b.suspense)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {run.allocation.suspense.length > 0 && (
            <ul className={styles.list} aria-label="Payments sent to suspense">
              {run.allocation.suspense.map((s) => (
                <li key={s.itemRef}>
                  <Caption1>
                    Line {s.line.line}: {formatGBP(s.line.amount)}, reference {s.line.reference || '(none)'}: {s.reason}
                  </Caption1>
                </li>
              ))}
            </ul>
          )}
          <div className={styles.row}>
            <Button onClick={() => download(`${base}-postings.csv`, postingsCsv(run.allocation))}>Download postings.csv</Button>
            <Button onClick={() => download(`${base}-suspense.csv`, suspenseCsv(run.allocation, run.read.file))}>Download suspense.csv</Button>
            <Button onClick={() => download(`${base}-summary.csv`, summaryCsv(run.allocation, run.read.file))}>Download summary.csv</Button>
          </div>
        </Card>
      )}

      {file && (
        <div>
          <Button onClick={() => setBuilding((b) => !b)} aria-expanded={building}>
            {building ? 'Close the profile maker' : 'Make a profile from this file…'}
          </Button>
        </div>
      )}
      {file && building && (
        <ProfileMaker
          text={file.text}
          fileName={file.name}
          onSave={async (p) => {
            if (store) await store.saveImportProfile(p as unknown as Record<string, unknown> & { name: string });
            setCustom((all) => [...all.filter((x) => x.name !== p.name), p]);
            setProfileName(p.name);
            setBuilding(false);
            setNote({ intent: 'success', title: `Profile ${p.name} saved`, text: 'It is offered for every file from now on.' });
          }}
        />
      )}

      <Subtitle2 as="h3">Import history</Subtitle2>
      {history.length === 0 ? (
        <Body1>No file imported yet{store ? '' : ' (this browser does not keep the history: storage is off)'}.</Body1>
      ) : (
        <div className={styles.scroll}>
          <Table size="extra-small" aria-label="Files imported">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>File</TableHeaderCell>
                <TableHeaderCell>Imported</TableHeaderCell>
                <TableHeaderCell className={styles.num}>Lines</TableHeaderCell>
                <TableHeaderCell className={styles.num}>Total</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {history.map((h) => (
                <TableRow key={h.fileHash}>
                  <TableCell title={`${h.profile}, ${h.channel}`}>{h.fileName}</TableCell>
                  <TableCell>{ukDateTime(h.importedAt)}</TableCell>
                  <TableCell className={styles.num}>{h.count}</TableCell>
                  <TableCell className={styles.num}>{formatGBP(h.total)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

/** Map a sample file's columns onto a new delimited profile, preview it, save it. */
function ProfileMaker({ text, fileName, onSave }: { text: string; fileName: string; onSave: (p: ImportProfile) => Promise<void> }) {
  const styles = useStyles();
  const [header, setHeader] = useState(true);
  const [skip, setSkip] = useState(0);
  const seen = useMemo(() => inspectPaymentFile(text, { header, skipLines: skip, maxLines: 3 }), [text, header, skip]);
  const columns = (seen.headers ?? seen.rows[0] ?? []).map((h, i) => ({ ref: seen.headers ? h : i + 1, label: seen.headers ? h : `Column ${i + 1} (${h})` }));
  const [name, setName] = useState('');
  const [channel, setChannel] = useState<string>('BANK');
  const [date, setDate] = useState('');
  const [dateFormat, setDateFormat] = useState<string>('day-first');
  const [amountKind, setAmountKind] = useState<'signed' | 'debit-credit'>('signed');
  const [amount, setAmount] = useState('');
  const [debit, setDebit] = useState('');
  const [credit, setCredit] = useState('');
  const [reference, setReference] = useState('');
  const [pattern, setPattern] = useState('');
  const [payer, setPayer] = useState('');
  const [balance, setBalance] = useState('');
  const [order, setOrder] = useState<'newest-first' | 'oldest-first'>('newest-first');
  const ref = (v: string): string | number => (seen.headers ? v : Number(v));
  const input = {
    name,
    channel,
    layout: { kind: 'delimited', delimiter: seen.delimiter, header },
    skipLines: skip,
    dateFormat,
    date: ref(date),
    amount: amountKind === 'signed' ? { kind: 'signed', field: ref(amount) } : { kind: 'debit-credit', debit: ref(debit), credit: ref(credit) },
    reference: pattern.trim() ? { from: 'pattern', field: ref(reference), pattern } : { from: 'field', field: ref(reference) },
    ...(payer ? { payer: ref(payer), narrative: ref(payer) } : {}),
    // A statement's running balance controls the file (and marks money paid out, which is skipped).
    ...(balance ? { balance: { field: ref(balance), order } } : {}),
    control: balance ? 'balance' : 'settlement',
  };
  const parsed = parseProfile(input);
  const trial = parsed.ok ? previewImport(text, parsed.profile, { fileName, maxLines: 3 }) : null;
  const trialErrors = trial ? trial.issues.filter((i) => i.severity === 'error') : [];
  const pick = (label: string, value: string, set: (v: string) => void, optional = false) => (
    <Field className={styles.grow} label={label}>
      <Select value={value} onChange={(_, d) => set(d.value)}>
        <option value="">{optional ? 'None' : 'Choose a column'}</option>
        {columns.map((c) => (
          <option key={String(c.ref)} value={String(c.ref)}>
            {c.label}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <Card size="small" aria-label="Make a profile">
      <CardHeader header={<Body1><strong>New profile</strong> from {fileName} ({seen.lineCount} lines, delimiter “{seen.delimiter}”)</Body1>} />
      <div className={styles.box}>
        <div className={styles.row}>
          <Field className={styles.grow} label="Profile name (lower case, digits, hyphens)">
            <Input value={name} onChange={(_, d) => setName(d.value)} />
          </Field>
          <Field className={styles.grow} label="Channel">
            <Select value={channel} onChange={(_, d) => setChannel(d.value)}>
              {RECEIPT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className={styles.row}>
          <Switch checked={header} onChange={(_, d) => setHeader(d.checked)} label="First line is a header" />
          <Field label="Title lines to skip">
            <Input type="number" min={0} max={50} value={String(skip)} onChange={(_, d) => setSkip(Math.max(0, Math.min(50, Number(d.value) || 0)))} />
          </Field>
        </div>
        <div className={styles.row}>
          {pick('Date column', date, setDate)}
          <Field className={styles.grow} label="Date format">
            <Select value={dateFormat} onChange={(_, d) => setDateFormat(d.value)}>
              {DATE_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label="Amounts">
          <Select value={amountKind} onChange={(_, d) => setAmountKind(d.value as 'signed' | 'debit-credit')}>
            <option value="signed">One column, receipts positive</option>
            <option value="debit-credit">Debit and credit columns</option>
          </Select>
        </Field>
        <div className={styles.row}>
          {amountKind === 'signed' ? pick('Amount column', amount, setAmount) : (
            <>
              {pick('Debit column', debit, setDebit)}
              {pick('Credit column', credit, setCredit)}
            </>
          )}
        </div>
        <div className={styles.row}>
          {pick('Reference column', reference, setReference)}
          <Field className={styles.grow} label="Reference pattern (optional; the first group is the reference)">
            <Input value={pattern} placeholder="e.g. (\d{8})" onChange={(_, d) => setPattern(d.value)} />
          </Field>
        </div>
        {pick('Payer or description column', payer, setPayer, true)}
        <div className={styles.row}>
          {pick('Running balance column (bank statements)', balance, setBalance, true)}
          {balance && (
            <Field className={styles.grow} label="Line order">
              <Select value={order} onChange={(_, d) => setOrder(d.value as 'newest-first' | 'oldest-first')}>
                <option value="newest-first">Newest first</option>
                <option value="oldest-first">Oldest first</option>
              </Select>
            </Field>
          )}
        </div>
        <Caption1>
          {balance
            ? 'The running balance controls the file: each line must follow from the one before; money paid out is skipped.'
            : 'Without a running balance the file is controlled by the settlement you enter (the bank credit for the file).'}
        </Caption1>
        {!parsed.ok && <Caption1 role="status">To finish: {parsed.problems.slice(0, 4).join('; ')}</Caption1>}
        {trial && (
          <Body1 role="status">
            Preview: {trial.count} payments, total {formatGBP(trial.total)}
            {trialErrors[0]
              ? `; ${trialErrors.length} problem(s), the first: ${describePaymentIssue(trialErrors[0])}`
              : trial.lines[0]
                ? `; first: ${formatUkDate(trial.lines[0].date)} ${trial.lines[0].reference || '(no reference)'} ${formatGBP(trial.lines[0].amount)}`
                : ''}
          </Body1>
        )}
        <div>
          <Button appearance="primary" disabled={!parsed.ok || !trial || trial.count === 0 || trialErrors.length > 0} onClick={() => parsed.ok && void onSave(parsed.profile)}>
            Save profile
          </Button>
        </div>
      </div>
    </Card>
  );
}
