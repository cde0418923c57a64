/** The payment files imported in this browser, newest first (the import ledger). */
import { Body1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { formatGBP } from '../../../engine/money';
import type { ImportLedgerEntry } from '../../../engine/payments/import-ledger';
import { ukDateTime } from '../../model';
import { usePaymentStyles } from './styles';

export function ImportHistory({ history, storeAvailable }: { readonly history: readonly ImportLedgerEntry[]; readonly storeAvailable: boolean }) {
  const styles = usePaymentStyles();
  return (
    <>
      <Subtitle2 as="h3">Import history</Subtitle2>
      {history.length === 0 ? (
        <Body1>No file imported yet{storeAvailable ? '' : ' (this browser does not keep the history: storage is off)'}.</Body1>
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
    </>
  );
}
