/**
 * A list of fixed-height rows of which only those in sight (and a few either side) are in the DOM:
 * the approach of the standalone grid, for any list. The caller renders rows start..end at
 * top = index * rowHeight inside a box of totalHeight; scrollTo(index) brings a row into view.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

const OVERSCAN = 6;

export function useVirtualRows(count: number, rowHeight: number, fallbackHeight = 480) {
  const viewport = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(fallbackHeight);

  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight || fallbackHeight);
    measure();
    const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(measure) : null;
    observer?.observe(el);
    return () => observer?.disconnect();
  }, [fallbackHeight]);

  const scrollTo = useCallback(
    (index: number) => {
      const el = viewport.current;
      if (!el) return;
      const y = index * rowHeight;
      const view = el.clientHeight || fallbackHeight;
      if (y < el.scrollTop) el.scrollTop = y;
      else if (y + rowHeight > el.scrollTop + view) el.scrollTop = y + rowHeight - view;
      setTop(el.scrollTop);
    },
    [rowHeight, fallbackHeight],
  );

  const start = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const end = Math.min(count, Math.ceil((top + height) / rowHeight) + OVERSCAN);
  const onScroll = (e: React.UIEvent<HTMLElement>) => setTop(e.currentTarget.scrollTop);
  return { viewport, start, end, totalHeight: count * rowHeight, onScroll, scrollTo };
}
