/**
 * False for a component's first draw, true from the next frame on: a step that is large to draw the
 * first time (Fluent's styles made, the browser's layout and paint, tabster's walk over new
 * elements) shows its top part first and the rest a frame later, as a transition, so neither
 * half holds the page's thread for long (issue 12: never over 100 ms).
 */
import { startTransition, useEffect, useState } from 'react';

export function useAfterFirstDraw(): boolean {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    // After the frame that shows the first part (an effect may run before it is painted).
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setDrawn(true)), 0);
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return drawn;
}
