import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, driven by playwright-core (which downloads no browser of its own). */
export const CHROMIUM = '/usr/bin/chromium';
const inCi = process.env.CI === 'true';
const root = path.resolve(__dirname, '../..');

/** `describe` when Chromium is there or in CI (which must have it); elsewhere skipped with a loud warning. */
export function describeInChromium(what: string): jest.Describe {
  if (existsSync(CHROMIUM) || inCi) return describe;
  console.warn(`\n*** ${CHROMIUM} is missing: ${what} is SKIPPED. Install it with \`apt-get install -y chromium\` (CI installs it and fails without it). ***\n`);
  return describe.skip;
}

export interface Chromium {
  context: BrowserContext;
  /** Where to write a screenshot: docs/NAME with PLANBRIDGE_UPDATE_SCREENSHOTS=1, else a temporary folder. */
  screenshot(name: string): string;
  /** Closes the browser and removes its profile and temporary screenshots. */
  close(): Promise<void>;
}

export async function launchChromium(options: { viewport: { width: number; height: number }; locale?: string }): Promise<Chromium> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'planbridge-chromium-'));
  const updateDocs = process.env.PLANBRIDGE_UPDATE_SCREENSHOTS === '1';
  const shots = updateDocs ? path.join(root, 'docs') : mkdtempSync(path.join(os.tmpdir(), 'planbridge-screenshots-'));
  // A fresh --user-data-dir: playwright passes it for a persistent context.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: options.viewport,
    locale: options.locale ?? 'vi-VN',
  });
  return {
    context,
    screenshot: (name) => path.join(shots, name),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (!updateDocs) rmSync(shots, { recursive: true, force: true });
    },
  };
}
