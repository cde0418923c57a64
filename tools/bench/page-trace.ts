/**
 * BENCH_TRACE=open for bench:page: a Chromium trace of the page's thread while the workbook opens,
 * and what each long task on it was made of by the browser's own event names (script, style
 * recalculation, layout, paint, garbage collection...). A CPU profile shows the script's functions but
 * lumps the browser's own work (styles, layout) together as "(program)"; the trace names it.
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string; readonly data?: { readonly frame?: string } };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'].join(',');

/** Starts tracing; the returned function stops it and resolves with every event recorded. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

/** The page's main thread: the renderer's thread named CrRendererMain that ran the most tasks. */
function mainThread(events: readonly TraceEvent[]): { pid: number; tid: number } | null {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best: { pid: number; tid: number; n: number } | null = null;
  for (const m of mains) {
    const n = events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'RunTask').length;
    if (!best || n > best.n) best = { pid: m.pid, tid: m.tid, n };
  }
  return best && { pid: best.pid, tid: best.tid };
}

/**
 * The page's tasks of at least `minMs`, each with its time by event name (self time: an event's
 * duration less its children's), longest first.
 */
export function longTasks(events: readonly TraceEvent[], minMs = 50): string[] {
  const main = mainThread(events);
  if (!main) return ['no renderer main thread in the trace'];
  const own = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const t0 = own[0]?.ts ?? 0;
  const tasks = own.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) >= minMs * 1000);
  return tasks
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .map((task) => {
      const end = task.ts + (task.dur ?? 0);
      const inside = own.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end);
      // Self time: each event's duration less that of the events directly inside it.
      const self = new Map<string, number>();
      const stack: TraceEvent[] = [];
      const add = (e: TraceEvent, us: number) => self.set(e.name, (self.get(e.name) ?? 0) + us);
      for (const e of inside) {
        while (stack.length && (stack.at(-1) as TraceEvent).ts + ((stack.at(-1) as TraceEvent).dur ?? 0) <= e.ts) stack.pop();
        const parent = stack.at(-1);
        if (parent) add(parent, -(e.dur ?? 0));
        add(e, e.dur ?? 0);
        stack.push(e);
      }
      const parts = [...self].filter(([, us]) => us >= 2000).sort((a, b) => b[1] - a[1]).map(([n, us]) => `${n} ${Math.round(us / 1000)}`);
      return `${Math.round((task.ts - t0) / 1000)} ms +${Math.round((task.dur ?? 0) / 1000)} ms: ${parts.join(', ')}`;
    });
}
