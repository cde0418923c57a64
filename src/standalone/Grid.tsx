/**
 * A read-only, virtualised view of one sheet: only the rows in sight are in the DOM, and only they
 * are on the page at all: the grid asks its source for blocks of rows as display text (the workbook
 * worker formats them) as they scroll into view, so a 250,000-row sheet costs the page what 100 rows
 * do. "Show in sheet" scrolls to a cell and outlines it.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { columnLetter } from '../engine/cells';
import type { WindowBlock } from '../workbook/xlsx/book-protocol';

export const ROW_HEIGHT = 24;
const OVERSCAN = 10;
const COL_WIDTH = 120;
const HEAD_WIDTH = 56;
/** Rows fetched together from the source. */
export const BLOCK_ROWS = 100;

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

/** Where the grid's rows come from: one sheet, a block of rows at a time. */
export interface GridSource {
  readonly name: string;
  /** Rows in the sheet's used range (known before any row is fetched). */
  readonly rowCount: number;
  /** Rows `from`..`from + count` (0-based in the used range) as text. */
  window(from: number, count: number): Promise<WindowBlock>;
}

export interface GridProps {
  readonly sheet: GridSource;
  /** 1-based absolute row and column to scroll to and outline. */
  readonly selected: { readonly row: number; readonly col: number } | null;
}

interface Shape {
  readonly originRow: number;
  readonly originCol: number;
  readonly total: number;
  readonly width: number;
}

export function Grid({ sheet, selected }: GridProps) {
  const styles = useStyles();
  const viewport = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(600);
  /** The blocks fetched so far (by block number) and the sheet's shape, both reset with the source. */
  const [blocks, setBlocks] = useState<{ source: GridSource; shape: Shape | null; got: ReadonlyMap<number, WindowBlock> }>({ source: sheet, shape: null, got: new Map() });
  const asked = useRef(new Set<number>());
  const current = blocks.source === sheet ? blocks : { source: sheet, shape: null, got: new Map<number, WindowBlock>() };
  const shape = current.shape;
  const cols = shape?.width ?? 0;
  const firstRow = shape?.originRow ?? 1;
  const originCol = shape?.originCol ?? 1;
  const total = shape?.total ?? sheet.rowCount;

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
    if (!el || !selected || !shape) return;
    const y = (selected.row - firstRow + 1) * ROW_HEIGHT;
    el.scrollTop = Math.max(0, y - el.clientHeight / 2);
    el.scrollLeft = Math.max(0, (selected.col - originCol) * COL_WIDTH - el.clientWidth / 2);
    setTop(el.scrollTop);
  }, [selected, shape, firstRow, originCol]);

  const start = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(total, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);

  // Fetches the blocks in sight that are not here yet (the first one also tells the sheet's shape).
  useEffect(() => {
    if (blocks.source !== sheet) {
      asked.current = new Set();
      setBlocks({ source: sheet, shape: null, got: new Map() });
      return;
    }
    for (let b = Math.floor(start / BLOCK_ROWS); b <= Math.floor(Math.max(start, end - 1) / BLOCK_ROWS); b++) {
      if (asked.current.has(b)) continue;
      asked.current.add(b);
      sheet.window(b * BLOCK_ROWS, BLOCK_ROWS).then(
        (block) =>
          setBlocks((now) => (now.source !== sheet ? now : { source: sheet, shape: now.shape ?? { originRow: block.originRow, originCol: block.originCol, total: block.total, width: block.width }, got: new Map(now.got).set(b, block) })),
        () => asked.current.delete(b),
      );
    }
  }, [sheet, blocks.source, start, end]);

  const colNumbers = Array.from({ length: cols }, (_, i) => originCol + i);
  const width = HEAD_WIDTH + cols * COL_WIDTH;

  const rows = [];
  for (let i = start; i < end; i++) {
    const abs = firstRow + i;
    const block = current.got.get(Math.floor(i / BLOCK_ROWS));
    const texts = block?.text[i - block.from];
    const numeric = block?.numeric[i - block.from];
    const isSelectedRow = selected?.row === abs;
    rows.push(
      <div key={abs} role="row" aria-rowindex={i + 2} className={`${styles.row} ${isSelectedRow ? styles.selectedRow : ''}`} style={{ top: (i + 1) * ROW_HEIGHT, width }}>
        <div role="rowheader" className={`${styles.cell} ${styles.rowHead}`}>
          {abs}
        </div>
        {colNumbers.map((c, j) => {
          const shown = texts?.[j] ?? '';
          const isSel = isSelectedRow && selected?.col === c;
          return (
            <div key={c} role="gridcell" aria-selected={isSel || undefined} className={`${styles.cell} ${numeric?.[j] ? styles.number : ''} ${isSel ? styles.selected : ''}`} title={shown || undefined}>
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
      aria-busy={shape === null || undefined}
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
