/**
 * Progress reports at most every `ms` milliseconds (the last of a burst is kept and delivered when
 * its time comes), so a long step's many reports cost the page a few small React renders, not one
 * each. `cancel` drops a kept report (the step ended).
 */
export function throttled<A extends unknown[]>(fn: (...args: A) => void, ms = 100): { (...args: A): void; cancel(): void } {
  let last = -Infinity;
  let kept: A | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = (...args: A) => {
    const now = Date.now();
    if (now - last >= ms) {
      last = now;
      kept = null;
      fn(...args);
      return;
    }
    kept = args;
    timer ??= setTimeout(() => {
      timer = null;
      if (kept) run(...kept);
    }, ms - (now - last));
  };
  run.cancel = () => {
    kept = null;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return run;
}
