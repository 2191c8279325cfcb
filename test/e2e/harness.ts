/**
 * What every explorer e2e test needs: the static site built by vite into a fresh folder, served
 * by a plain file server, and Debian's headless Chromium (fresh profile, the flags of
 * docs/development.md) on it. `openExplorer` returns the page and a `close` that removes it all.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { serveStatic, type StaticServer } from './staticServer.js';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT: string = resolve(import.meta.dirname, '../..');

/** True when Chromium is installed; a test file skips itself (with a warning) otherwise. */
export function hasChromium(file: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  console.warn(`${file}: skipped, ${CHROMIUM} is missing (apt-get install -y chromium)`);
  return false;
}

export interface Explorer {
  readonly server: StaticServer;
  readonly context: BrowserContext;
  /** The first page, already on the site's URL. */
  readonly page: Page;
  readonly close: () => Promise<void>;
}

/** Builds the site, serves it and opens it in headless Chromium with the given viewport. */
export async function openExplorer(
  viewport: { width: number; height: number } = { width: 1440, height: 1000 },
): Promise<Explorer> {
  const outDir = mkdtempSync(join(tmpdir(), 'relkit-web-'));
  const profile = mkdtempSync(join(tmpdir(), 'relkit-chromium-'));
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    root: join(ROOT, 'web'),
    build: { outDir, emptyOutDir: true },
    logLevel: 'error',
  });
  const server = await serveStatic(outDir);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
    viewport,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => console.warn(`page error: ${error.message}`));
  await page.goto(server.url);
  return {
    server,
    context,
    page,
    close: async () => {
      await context.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
