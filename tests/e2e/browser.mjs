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

/**
 * Holds back every request of `context` for the widget's wasm until the
 * returned function is called, as a slow network would: what the page shows
 * and does until then is its pre-rendered first screen's.
 */
export async function holdWasm(context) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await context.route('**/quiz-widget-embed_bg.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Collects the layout shifts of every page and frame of `context` (from their start) in their `window.shifts`. */
export const watchShifts = (context) => context.addInitScript(() => {
  window.shifts = [];
  new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((e) => e.value))).observe({ type: 'layout-shift', buffered: true });
});

/** Resolves once every widget of `frame` (a page or a frame) shows the wasm's live screen in place of its pre-rendered one. */
export const handedOver = (frame) => frame.waitForFunction(() => [...document.querySelectorAll('quiz-widget')]
  .every((w) => w.shadowRoot && !w.shadowRoot.querySelector('[data-prerendered]') && w.shadowRoot.querySelector('section.quiz-widget')));

/**
 * Lets the held wasm go (`release`, from holdWasm) after a moment on the
 * pre-rendered screen, waits for the handover and a moment after it, and
 * returns the layout shifts of `frame` (watchShifts): none, for a new
 * learner who did nothing.
 */
export async function shiftsThroughHandover(frame, release) {
  await frame.waitForTimeout(200);
  release();
  await handedOver(frame);
  await frame.waitForTimeout(300);
  return frame.evaluate(() => window.shifts);
}
