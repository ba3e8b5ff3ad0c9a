// End-to-end: the XSS corpus (tests/fixtures/xss.json) puts known payloads in
// every text field of every item type. Walking through every item and every
// state, nothing may run, and no link or source with a disallowed scheme, and
// no element or handler from the payloads, may reach the DOM.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, studyPageWith } from './serve.mjs';
import { launch } from './browser.mjs';

const root = path.resolve(import.meta.dirname, '../..');
let server, browser;

before(async () => {
  const dist = path.join(root, 'dist');
  server = await serve(dist, { routes: studyPageWith(dist, 'xss', fs.readFileSync(path.join(root, 'tests/fixtures/xss.json'))) });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function assertClean(page, where) {
  const found = await page.evaluate(() => {
    const widget = document.querySelector('.quiz-widget');
    const bad = [];
    if (window.__xss !== undefined) bad.push('window.__xss was set');
    for (const el of widget.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        if (attr.startsWith('on')) bad.push(`${el.tagName} has ${attr}`);
      }
      if (['SCRIPT', 'IMG', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName)) bad.push(`a ${el.tagName} element`);
      if (el.hasAttribute('src')) bad.push(`${el.tagName} has src`);
    }
    for (const a of widget.querySelectorAll('a[href]')) {
      const url = new URL(a.getAttribute('href'), location.href);
      if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) bad.push(`link to ${a.getAttribute('href')}`);
      if (a.rel !== 'noopener noreferrer') bad.push(`link without rel: ${a.href}`);
    }
    const svgs = widget.querySelectorAll('svg');
    for (const svg of svgs) if (!svg.closest('.chart')) bad.push('an svg outside the summary chart');
    return bad;
  });
  assert.deepEqual(found, [], where);
}

test('no payload runs or reaches the DOM, in any item or state', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(server.url + '/xss.html');
  await page.locator('.quiz-title').waitFor();
  assert.match(await page.locator('.quiz-title').textContent(), /^XSS corpus <script>window.__xss=1<\/script>$/);
  await assertClean(page, 'first item');

  // single: hint, check (wrong and right), explanation
  await page.getByRole('button', { name: 'Show hint' }).click();
  await page.locator('.choices input').nth(1).check();
  await page.getByRole('button', { name: 'Check' }).click();
  await assertClean(page, 'single, checked');
  await page.getByRole('button', { name: 'Next →' }).first().click();
  // multiple
  await page.getByRole('button', { name: 'Show hint' }).click();
  await page.locator('.choices input').first().check();
  await page.getByRole('button', { name: 'Check' }).click();
  await assertClean(page, 'multiple, checked');
  await page.getByRole('button', { name: 'Next →' }).first().click();
  // true/false
  await page.locator('.choices input').first().check();
  await page.getByRole('button', { name: 'Check' }).click();
  await assertClean(page, 'true/false, checked');
  await page.getByRole('button', { name: 'Next →' }).first().click();
  // short: a wrong answer shows every accepted answer
  await page.getByRole('textbox', { name: 'Your answer' }).fill('<img src=x onerror=window.__xss=1>');
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByText('Accepted answers').waitFor();
  await assertClean(page, 'short, checked');
  await page.getByRole('button', { name: 'Next →' }).first().click();
  // flashcard: both sides
  await page.getByRole('button', { name: /Show answer/ }).click();
  await assertClean(page, 'flashcard, flipped');
  await page.getByRole('button', { name: 'Good' }).click();
  // exercise: every part open
  for (const summary of await page.locator('details summary').all()) await summary.click();
  await page.getByLabel('Your notes and solution').fill('<script>window.__xss=1</script>');
  await page.getByRole('button', { name: 'Confident' }).click();
  await assertClean(page, 'exercise, all parts open');
  await page.getByRole('button', { name: 'Next →' }).last().click();
  await page.getByRole('heading', { name: 'Summary' }).waitFor();
  await assertClean(page, 'summary');
  assert.deepEqual(dialogs, []);
  await context.close();
});

test('payload text is shown as text', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + '/xss.html');
  await page.locator('legend').waitFor();
  const legend = await page.locator('legend').textContent();
  assert.ok(legend.includes('<img src=x onerror="window.__xss=1">'), legend.slice(0, 200));
  assert.ok(legend.includes('<script>window.__xss=1</script>'));
  assert.equal(await page.locator('legend a[href="https://example.org/safe"]').count(), 1);
  await context.close();
});
