import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import { runBrowserHost, type RunningBrowserHost } from '../../../electron/serve/main';

export const rendererDir = path.resolve(import.meta.dirname, '../../../out/renderer');

export function newDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lvv-e2e-'));
}

/** Starts the real browser host (real backend, real encrypted database) on a free loopback port. */
export async function startHost(dataDir: string): Promise<RunningBrowserHost> {
  if (!fs.existsSync(path.join(rendererDir, 'index.html')))
    throw new Error('Build the renderer first: npm run build');
  return runBrowserHost({ dataDir, rendererDir });
}

/** WCAG 2.1 A/AA checks by axe-core on what the page shows now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

export const screenshotDir = path.resolve(import.meta.dirname, '../../../test-results/screens');

export async function snap(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}
