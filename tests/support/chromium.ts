/**
 * Debian's Chromium for the browser tests (playwright-core never downloads a browser of its own):
 * the suites run where it is installed, CI must have it, and each suite starts it the same way, with
 * a profile directory of its own (nothing carried over from another run) and UK locale and time.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run must install Debian's chromium`);

/** `describe` where Chromium is installed, `describe.skip` (said once) where it is not. */
export function browserSuite(): jest.Describe {
  if (!haveChromium) console.warn(`browser tests skipped: no ${CHROMIUM} (apt-get install -y chromium)`);
  return haveChromium ? describe : describe.skip;
}

/** Chromium headless with a fresh profile under `profilePrefix`, a 1280 x 900 window, en-GB and London time. */
export async function launchChromium(profilePrefix: string, options: { readonly acceptDownloads?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), profilePrefix)), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}
