/** A posted payment file: the daily summary by batch, what went to suspense and why, and the CSVs to download. */
import { Body1, Button, Caption1, Card, CardHeader, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { formatUkDate } from '../../../engine/dates';
import { formatGBP } from '../../../engine/money';
import type { PaymentImport } from '../../../engine/jobs/import-payments';
import { usePaymentStyles } from './styles';

export function PostedResult({ posted, baseName, onDownload }: { readonly posted: Extract<PaymentImport, { ok: true }>; readonly baseName: string; readonly onDownload: (name: string, text: string) => void }) {
  const styles = usePaymentStyles();
  const { allocation } = posted.run;
  const csv = posted.outputs;
  return (
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
            {allocation.batches.map((b) => (
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
      {allocation.suspense.length > 0 && (
        <ul className={styles.list} aria-label="Payments sent to suspense">
          {allocation.suspense.map((s) => (
            <li key={s.itemRef}>
              <Caption1>
                Line {s.line.line}: {formatGBP(s.line.amount)}, reference {s.line.reference || '(none)'}: {s.reason}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.row}>
        <Button onClick={() => onDownload(`${baseName}-postings.csv`, csv.postings)}>Download postings.csv</Button>
        <Button onClick={() => onDownload(`${baseName}-suspense.csv`, csv.suspense)}>Download suspense.csv</Button>
        <Button onClick={() => onDownload(`${baseName}-summary.csv`, csv.summary)}>Download summary.csv</Button>
      </div>
    </Card>
  );
}
