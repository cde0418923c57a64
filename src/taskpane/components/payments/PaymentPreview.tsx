/** A payment file's preview: its count and total, the controls, its problems and first lines, and Check and post. */
import { Badge, Body1, Button, Caption1, Card, CardHeader, MessageBar, MessageBarBody, MessageBarTitle, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { formatUkDate } from '../../../engine/dates';
import { formatGBP, type Pence } from '../../../engine/money';
import { describePaymentIssue } from '../../../engine/payments/payment-issues';
import type { PaymentPreview as Preview } from '../../../engine/jobs/import-payments';
import type { PriorImport } from '../../hooks/usePaymentImport';
import { usePaymentStyles } from './styles';
import { ukDateTime } from '../../model';

export interface PaymentPreviewProps {
  readonly preview: Preview;
  readonly settlement: Pence | null;
  readonly onPost: () => void;
  /** What the import ledger already holds of this file (asked at preview); null when nothing. */
  readonly prior?: PriorImport | null;
  /** Posted already: Check and post is not offered again. */
  readonly posted?: boolean;
  /** The file's encoding in words ("Windows-1252 (Excel's plain “CSV” on a UK PC)"). */
  readonly encoding?: string | undefined;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export function PaymentPreview({ preview, settlement, onPost, prior = null, posted = false, encoding }: PaymentPreviewProps) {
  const styles = usePaymentStyles();
  return (
    <Card size="small" aria-label="Preview">
      <CardHeader
        header={
          <Body1 role="status">
            <strong>{plural(preview.count, 'payment')}</strong>, total {formatGBP(preview.total)}
            {preview.skipped ? ` (${plural(preview.skipped, 'line')} skipped)` : ''}{' '}
            <Badge appearance="tint" color={preview.ok ? 'success' : 'danger'}>
              {preview.ok ? 'controls agree' : 'problems'}
            </Badge>
          </Body1>
        }
        description={
          <Caption1>
            {preview.trailer ? `Trailer: ${preview.trailer.count ?? '?'} lines, ${preview.trailer.total !== null ? formatGBP(preview.trailer.total) : '?'}. ` : ''}
            {preview.balance ? `Statement balance ${formatGBP(preview.balance.opening)} to ${formatGBP(preview.balance.closing)}. ` : ''}
            {settlement !== null ? `Settlement ${formatGBP(settlement)}. ` : ''}
            {encoding ? `Read as ${encoding}.` : ''}
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
      {prior && !posted && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Imported before</MessageBarTitle>
            {prior.file
              ? `This file was already imported on ${ukDateTime(prior.file.at)} as ${prior.file.name}. Posting it again would count its payments twice, so it will be refused.`
              : `${plural(prior.payments, 'payment')} in this file ${prior.payments === 1 ? 'was' : 'were'} already imported (${prior.from.map((f) => `${f.name} on ${ukDateTime(f.at)}`).join('; ')}). The file will be refused.`}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={!preview.ok || prior !== null || posted} onClick={onPost}>
          {posted ? 'Posted' : 'Check and post'}
        </Button>
      </div>
    </Card>
  );
}
