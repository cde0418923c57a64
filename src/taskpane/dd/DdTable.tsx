/**
 * The Direct Debits mode's tables (the run's collections, a report's items): a labelled table with
 * column headers, one row per item, in a box that scrolls sideways on its own at 350 px. Each view
 * says only its columns: the header, what a cell shows, and whether it is an amount (right-aligned).
 */
import type { ReactNode } from 'react';
import { useDdStyles } from './styles';

export interface DdColumn<T> {
  readonly header: string;
  readonly cell: (row: T) => ReactNode;
  /** An amount: right-aligned, figures of one width. */
  readonly amount?: boolean;
}

export interface DdTableProps<T> {
  /** The table's accessible name ("Collections"). */
  readonly label: string;
  readonly columns: readonly DdColumn<T>[];
  readonly rows: readonly T[];
  readonly rowKey: (row: T, index: number) => string;
}

export function DdTable<T>({ label, columns, rows, rowKey }: DdTableProps<T>) {
  const styles = useDdStyles();
  return (
    <div className={styles.scroll}>
      <table className={styles.table} aria-label={label}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c.header}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)}>
              {columns.map((c) => (
                <td key={c.header} className={c.amount ? styles.num : undefined}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** An account with a second line under it (the pane is narrow: a row stacks what a wide table would spread). */
export function AccountLine({ account, second }: { readonly account: string; readonly second: string }) {
  const styles = useDdStyles();
  return (
    <>
      {account} <span className={styles.line}>{second}</span>
    </>
  );
}
