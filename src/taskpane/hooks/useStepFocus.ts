/**
 * Moving between steps puts focus on the new step's heading (the step's section heading after the
 * steps navigation) and scrolls it to the top, so a keyboard or screen-reader user starts the step at
 * its beginning and nobody keeps the previous step's scroll position. Not on the first render: opening
 * the pane does not steal focus.
 */
import { useEffect, useRef } from 'react';

export function useStepFocus(step: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>('nav[aria-label="Steps"] ~ section h2');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
    heading.scrollIntoView?.({ block: 'start' });
  }, [step]);
}
