/**
 * Cash balancing in the pane (issue 12 item 5): the receipts the import ledger posted per channel
 * per day against a bank statement's credits, as of a day, through the same balance-cash job as the
 * CLI (run in the worker). Shows the totals, every day that did not agree (short, over, missing,
 * pending, unexpected, aged) and offers the CSV and the open items to carry forward next time.
 */
import { Badge, Body1, Button, Caption1, Card, CardHeader, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Subtitle2 } from '@fluentui/react-components';
import { formatUkDate } from '../../engine/dates';
import { formatGBP } from '../../engine/money';
import type { ImportLedgerEntry } from '../../engine/payments/import-ledger';
import type { ImportProfile } from '../../engine/payments/profile';
import type { RequestBody, WorkerOutcome } from '../../worker/client';
import { downloadFile } from '../download';
import { FilePicker } from '../components/FilePicker';
import { usePaymentStyles } from '../components/payments/styles';
import { useCashBalance } from './useCashBalance';

export interface CashBalancePanelProps {
  /** The import ledger's entries (the files posted): their daily batches are the receipts. */
  readonly ledger: readonly ImportLedgerEntry[];
  readonly profiles: readonly ImportProfile[];
  readonly config: unknown;
  readonly send: (body: RequestBody) => Promise<WorkerOutcome>;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export function CashBalancePanel({ ledger, profiles, config, send }: CashBalancePanelProps) {
  const styles = usePaymentStyles();
  const c = useCashBalance(ledger, profiles, config, send);
  const { run } = c;
  const asOfBad = c.asOfText.trim() !== '' && c.asOf === null;
  return (
    <section aria-labelledby="hl-cash-balance" className={styles.box}>
      <Subtitle2 as="h3" id="hl-cash-balance">
        Cash balancing
      </Subtitle2>
      <Body1>
        The receipts posted from the files above, day by day, against the credits of a bank statement: each Allpay, cash-office or card settlement to the penny within its lag, bank transfers day by day.
        {ledger.length === 0 ? ' No file is posted yet, so every settlement credit will show as unexpected.' : ` ${plural(ledger.length, 'file')} posted so far.`}
      </Body1>
      <div className={styles.row}>
        <FilePicker accept=".csv,.txt,text/csv,text/plain" label="Bank statement to balance against" onFile={c.chooseStatement}>
          Choose a bank statement…
        </FilePicker>
        {c.statement && <Caption1>{c.statement.name} (read as {c.statement.encoding})</Caption1>}
      </div>
      {c.statement && (
        <>
          <div className={styles.row}>
            <Field className={styles.grow} label="Statement profile" hint={c.profile?.label || null}>
              <Select value={c.profileName} onChange={(_, d) => c.chooseProfile(d.value)}>
                {profiles.map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.name} ({p.channel})
                  </option>
                ))}
              </Select>
            </Field>
            <Field className={styles.grow} label="Balance as of" validationState={asOfBad ? 'error' : 'none'} validationMessage={asOfBad ? 'A date, e.g. 14/12/2026' : null}>
              <Input value={c.asOfText} onChange={(_, d) => c.changeAsOf(d.value)} />
            </Field>
          </div>
          <div className={styles.row}>
            <FilePicker accept=".json,application/json" label="Open items carried forward" onFile={c.chooseCarried}>
              {c.carried ? 'Choose other open items…' : 'Carry forward open items (open-items.json)…'}
            </FilePicker>
            {c.carried && (
              <>
                <Caption1>
                  {c.carried.name}: {plural(c.carried.items.length, 'item')} as of {formatUkDate(c.carried.asOf)}
                </Caption1>
                <Button appearance="subtle" onClick={c.dropCarried}>
                  Don’t carry forward
                </Button>
              </>
            )}
          </div>
          {c.carriedProblem && <Caption1 role="alert">{c.carriedProblem}</Caption1>}
          <div>
            <Button appearance="primary" disabled={c.busy || c.asOf === null} onClick={() => void c.balance()}>
              {c.busy ? 'Balancing…' : 'Balance'}
            </Button>
          </div>
        </>
      )}
      {c.problem && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{c.problem.title}</MessageBarTitle>
            {c.problem.lines.slice(0, 10).map((l, i) => (
              <div key={i}>{l}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {run && (
        <Card size="small" aria-label="Cash balance">
          <CardHeader
            header={
              <Body1 role="status">
                <strong>As of {formatUkDate(run.asOf)}</strong> (receipts from {formatUkDate(run.from)}): posted {formatGBP(run.result.totals.receipts)}, credited {formatGBP(run.result.totals.credited)}, difference {formatGBP(run.result.totals.difference)}{' '}
                <Badge appearance="tint" color={run.differences.length === 0 ? 'success' : 'warning'}>
                  {run.differences.length === 0 ? 'balanced' : plural(run.differences.length, 'difference')}
                </Badge>
              </Body1>
            }
            description={<Caption1>{plural(run.result.rows.length - run.differences.length, 'day')} agreed or cleared.</Caption1>}
          />
          {run.differences.length > 0 && (
            // A list, not a seven-column table: the pane is 350 px wide in Excel.
            <ul className={styles.list} aria-label="Days that did not balance">
              {run.differences.map((r, i) => (
                <li key={`${r.channel}|${r.date}|${i}`} className={styles.item}>
                  <Body1>
                    <Badge appearance="outline" color={r.status === 'pending' ? 'informative' : 'danger'}>
                      {r.status}
                    </Badge>{' '}
                    <strong>
                      {r.channel} {formatUkDate(r.date)}
                    </strong>{' '}
                    ({plural(r.ageDays, 'day')} old{r.broughtForward ? ', brought forward' : ''})
                  </Body1>
                  <Caption1 className={styles.figures}>
                    posted {formatGBP(r.receipts)}, credited {formatGBP(r.credited)}, difference {formatGBP(r.difference)}
                    {r.creditText ? ` (${r.creditText})` : ''}
                  </Caption1>
                </li>
              ))}
            </ul>
          )}
          <div className={styles.row}>
            <Button onClick={() => downloadFile(`cash-balance-${run.asOf}.csv`, run.csv, 'text/csv;charset=utf-8')}>Download cash-balance.csv</Button>
            <Button onClick={() => downloadFile(`open-items-${run.asOf}.json`, `${JSON.stringify(run.openItems, null, 1)}\n`, 'application/json')}>Download open-items.json (carry forward next time)</Button>
          </div>
        </Card>
      )}
    </section>
  );
}
