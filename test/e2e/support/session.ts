import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { RunningBrowserHost } from '../../../electron/serve/main';
import { newDataDir, startHost } from './host';

/*
 * The steps every story repeats: a browser host on a fresh data folder for the spec file, opening the
 * demo, logging in as a demo user, switching users through the lock screen, and watching the console.
 */

export interface HostHandle {
  /** The running host (a new one after `restart`). */
  readonly host: RunningBrowserHost;
  /** The host's one-time link; it works once per host, and sets the session cookie. */
  readonly url: string;
  readonly dataDir: string;
  /** Stops the host and starts a new one on the same data folder, as after closing the app. */
  restart(): Promise<void>;
}

/** Starts a browser host on a new data folder before the file's tests; stops it and removes the folder after. */
export function useHost(): HostHandle {
  let running: RunningBrowserHost | null = null;
  let dataDir = '';
  test.beforeAll(async () => {
    dataDir = newDataDir();
    running = await startHost(dataDir);
  });
  test.afterAll(async () => {
    await running?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const current = (): RunningBrowserHost => {
    if (!running)
      throw new Error('The browser host is not running (useHost must be called at the top of the spec).');
    return running;
  };
  return {
    get host() {
      return current();
    },
    get url() {
      return current().host.url;
    },
    get dataDir() {
      return dataDir;
    },
    async restart() {
      await current().stop();
      running = null;
      running = await startHost(dataDir);
    },
  };
}

/** From the start screen of an empty data folder: "Demo openen", then on to the login screen. */
export async function openDemo(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Demo openen' }).click();
  // Making the demo derives keys and issues certificates for every demo user: on a busy machine it
  // takes longer than a story's usual action timeout (15 s in the journey).
  await page.getByRole('button', { name: 'Naar inloggen' }).click({ timeout: 90_000 });
  await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
}

/** Logs in (a demo user's password unless given) and waits until the app's menu is there. */
export async function loginAs(
  page: Page,
  username: string,
  password = `demo-${username}-2026`,
): Promise<void> {
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
}

/**
 * "Gebruiker wisselen": someone else takes a turn at this machine; the environment stays open (the
 * chair's machine opened it), the page keeps its address.
 */
export async function switchUser(page: Page, username: string, password?: string): Promise<void> {
  await page.getByRole('button', { name: 'Gebruiker wisselen' }).click();
  await expect(page.getByRole('heading', { name: 'Gebruiker wisselen' })).toBeVisible();
  await loginAs(page, username, password);
}

/** Collects the page's console errors; a story ends by expecting none. */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

/**
 * A call through the browser host's /rpc with the page's session cookie: the same door the UI uses,
 * for the few steps the screens have no way for (or that a story only prepares).
 */
export async function rpc<M extends MethodName>(
  page: Page,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const r = await page.evaluate(
    async ([m, i]) => {
      const res = await fetch('/rpc', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ method: m, input: i }),
      });
      return (await res.json()) as {
        ok: boolean;
        value?: unknown;
        error?: { code: string; message: string };
      };
    },
    [method, input] as const,
  );
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as MethodOutput<M>;
}

/** Goes to a route of the app (hash routing) without reloading the page. */
export async function openRoute(page: Page, route: string): Promise<void> {
  await page.evaluate((p) => {
    window.location.hash = p;
  }, `/${route}`);
}
