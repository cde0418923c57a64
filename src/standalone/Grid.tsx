/**
 * A read-only, virtualised view of one sheet: only the rows in sight are in the DOM, so 100,000 rows
 * scroll as smoothly as 100. "Show in sheet" scrolls to a cell and outlines it.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { columnLetter, type SheetData } from '../engine/cells';
import { plainText, type CellText } from './display';

export const ROW_HEIGHT = 24;
const OVERSCAN = 10;
const COL_WIDTH = 120;
const HEAD_WIDTH = 56;

const useStyles = makeStyles({
  viewport: { position: 'relative', overflow: 'auto', height: '100%', minHeight: '240px', border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1, ':focus-visible': { outline: `2px solid ${tokens.colorBrandStroke1}` } },
  row: { position: 'absolute', left: 0, display: 'flex', height: `${ROW_HEIGHT}px` },
  head: { position: 'sticky', top: 0, zIndex: 2, display: 'flex', height: `${ROW_HEIGHT}px`, backgroundColor: tokens.colorNeutralBackground3 },
  cell: {
    boxSizing: 'border-box', width: `${COL_WIDTH}px`, flexShrink: 0, padding: '0 4px', lineHeight: `${ROW_HEIGHT}px`, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis',
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, fontSize: tokens.fontSizeBase200,
  },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  rowHead: { width: `${HEAD_WIDTH}px`, position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground3, textAlign: 'right', color: tokens.colorNeutralForeground2 },
  colHead: { textAlign: 'center', fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px', backgroundColor: tokens.colorBrandBackground2 },
  selectedRow: { backgroundColor: tokens.colorNeutralBackground1Selected },
});

export interface GridProps {
  readonly sheet: SheetData;
  /** 1-based absolute row and column to scroll to and outline. */
  readonly selected: { readonly row: number; readonly col: number } | null;
  /** The text shown for a cell (absolute row and column); the raw value by default. */
  readonly text?: CellText;
}

export function Grid({ sheet, selected, text = plainText }: GridProps) {
  const styles = useStyles();
  const viewport = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(600);
  const cols = sheet.rows.reduce((m, r) => Math.max(m, r.length), 0);
  const firstRow = sheet.originRow;

  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight || 600);
    measure();
    const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(measure) : null;
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);

  useEffect(() => {
    const el = viewport.current;
    if (!el || !selected) return;
    const y = (selected.row - firstRow + 1) * ROW_HEIGHT;
    el.scrollTop = Math.max(0, y - el.clientHeight / 2);
    el.scrollLeft = Math.max(0, (selected.col - sheet.originCol) * COL_WIDTH - el.clientWidth / 2);
    setTop(el.scrollTop);
  }, [selected, firstRow, sheet.originCol]);

  // Rows with the sheet's absolute numbering (the used range may start below row 1).
  const total = sheet.rows.length;
  const start = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(total, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
  const colNumbers = Array.from({ length: cols }, (_, i) => sheet.originCol + i);
  const width = HEAD_WIDTH + cols * COL_WIDTH;

  const rows = [];
  for (let i = start; i < end; i++) {
    const abs = firstRow + i;
    const data = sheet.rows[i] ?? [];
    const isSelectedRow = selected?.row === abs;
    rows.push(
      <div key={abs} role="row" aria-rowindex={i + 2} className={`${styles.row} ${isSelectedRow ? styles.selectedRow : ''}`} style={{ top: (i + 1) * ROW_HEIGHT, width }}>
        <div role="rowheader" className={`${styles.cell} ${styles.rowHead}`}>
          {abs}
        </div>
        {colNumbers.map((c, j) => {
          const v = data[j];
          const shown = text(abs, c, v);
          const isSel = isSelectedRow && selected?.col === c;
          return (
            <div key={c} role="gridcell" aria-selected={isSel || undefined} className={`${styles.cell} ${typeof v === 'number' ? styles.number : ''} ${isSel ? styles.selected : ''}`} title={shown}>
              {shown}
            </div>
          );
        })}
      </div>,
    );
  }

  return (
    <div
      ref={viewport}
      className={styles.viewport}
      role="grid"
      aria-readonly="true"
      aria-label={`Sheet ${sheet.name}, ${total.toLocaleString('en-GB')} rows (read only)`}
      aria-rowcount={total + 1}
      aria-colcount={cols + 1}
      tabIndex={0}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}
    >
      <div style={{ height: (total + 1) * ROW_HEIGHT, width, position: 'relative' }}>
        <div role="row" aria-rowindex={1} className={styles.head} style={{ width }}>
          <div role="columnheader" className={`${styles.cell} ${styles.rowHead} ${styles.colHead}`} aria-label="Row" />
          {colNumbers.map((c) => (
            <div key={c} role="columnheader" className={`${styles.cell} ${styles.colHead}`}>
              {columnLetter(c)}
            </div>
          ))}
        </div>
        {rows}
      </div>
    </div>
  );
}
