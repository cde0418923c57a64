/**
 * Debian's Chromium for the browser tests and the page benchmarks (playwright-core never downloads
 * a browser of its own): each starts it the same way, with a profile directory of its own (nothing
 * carried over from another run), a 1280 x 900 window, and UK locale and time.
 * tests/support/chromium.ts re-exports this beside the tests' own `browserSuite`.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function haveChromium(): boolean {
  return existsSync(CHROMIUM);
}

export interface LaunchOptions {
  readonly acceptDownloads?: boolean;
  /** More command-line switches (a benchmark's bigger heap). */
  readonly extraArgs?: readonly string[];
}

/** Chromium headless with a fresh profile under `profilePrefix`, a 1280 x 900 window, en-GB and London time. */
export async function launchChromium(profilePrefix: string, options: LaunchOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), profilePrefix)), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...(options.extraArgs ?? [])],
    viewport: { width: 1280, height: 900 },
    ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}
