// Starts Debian's Chromium through playwright-core; no browser is downloaded.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** A new context (1280 × 900 unless `options` say) on `url`, with the page's uncaught errors collected. */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(url);
  return { p, w: p.locator('quiz-widget'), context, errors };
}

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * For a test file: serves `root` (with serve()'s `options`) and starts
 * Chromium before its tests, and stops both after them. The returned object
 * holds them as `server` and `browser` once the tests run.
 */
export function servedPages(root, options) {
  const env = {};
  before(async () => {
    env.server = await serve(root, options);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
