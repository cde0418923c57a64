/**
 * Debian's Chromium for the browser tests: the launcher is shared with the page benchmarks
 * (tools/support/chromium.ts); the suites run where it is installed, and CI must have it.
 */
import { CHROMIUM, haveChromium } from '../../tools/support/chromium';

export { CHROMIUM, launchChromium } from '../../tools/support/chromium';

const installed = haveChromium();
if (!installed && process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run must install Debian's chromium`);

/** `describe` where Chromium is installed, `describe.skip` (said once) where it is not. */
export function browserSuite(): jest.Describe {
  if (!installed) console.warn(`browser tests skipped: no ${CHROMIUM} (apt-get install -y chromium)`);
  return installed ? describe : describe.skip;
}
