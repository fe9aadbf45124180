// Headless Chromium from Debian (`apt-get install chromium`; .ci/run installs it), driven by playwright-core:
// never a downloaded browser. Each launch gets a fresh profile folder and Chromium's background traffic
// (component updates, sync, field trials) switched off, so any request a page makes is the page's own.
// Browser tests skip only when Chromium is missing and KEYWARDEN_BROWSER_TESTS is not set; CI sets it, so
// there a missing browser fails the run instead of passing it silently.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { ROOT } from './cli.js';
import { tempDir } from './repo.js';

export const CHROMIUM = process.env.KEYWARDEN_CHROMIUM ?? '/usr/bin/chromium';

/** Why browser tests are skipped here, or null when they run. */
export function browserSkipReason(): string | null {
  if (existsSync(CHROMIUM) || process.env.KEYWARDEN_BROWSER_TESTS) return null;
  return `browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium; set KEYWARDEN_BROWSER_TESTS=1 to make its absence a failure)`;
}

export async function launchBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(tempDir('keywarden-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1300, height: 900 },
  });
}

/** Where screenshots are kept for a person to look at (gitignored). */
export function artifactPath(name: string): string {
  const folder = path.join(ROOT, 'test-artifacts');
  mkdirSync(folder, { recursive: true });
  return path.join(folder, name);
}
