// End-to-end: a cloze text on a course page, by keyboard alone (Tab between
// the blanks, typing, a select's own keys, Enter checks) and by touch at
// 320 px, with the right answers marked after a wrong try and axe finding
// nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { coursePage } from './serve.mjs';
import { openPage, servedPages } from './browser.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const QUIZ = JSON.stringify({ id: 'cloze', title: 'Cloze', questions: [
  { id: 'run', type: 'cloze', prompt: 'Complete the description.',
    text: 'The program starts its loop with {{asyncio.run}}, waits with {{[await asyncio.sleep(1)]|time.sleep(1)}}\n\nand gathers tasks with {{asyncio.gather|gather}}.',
    explanation: '`time.sleep` would block the loop.' },
] });

const env = servedPages(path.join(root, 'dist'), { routes: { '/cloze.html': coursePage(QUIZ, 'Cloze') } });

async function open(options = {}) {
  const opened = await openPage(env.browser, `${env.server.url}/cloze.html`, options);
  const w = opened.w;
  await w.getByRole('textbox', { name: 'Blank 1 of 3' }).waitFor();
  return opened;
}

test('by keyboard alone: Tab through the blanks, type, pick, Enter checks', async () => {
  const { p, w, context, errors } = await open();
  await w.getByText('Fill in the blanks.').waitFor();
  // The text keeps its paragraphs, with the blanks inside them.
  assert.equal(await w.locator('.cloze p').count(), 2);
  await w.getByRole('textbox', { name: 'Blank 1 of 3' }).focus();
  await p.keyboard.type('asyncio.run');
  await p.keyboard.press('Tab');
  // A closed select takes typed letters.
  await p.keyboard.type('await');
  await p.keyboard.press('Tab');
  await p.keyboard.type('Gather');
  await p.keyboard.press('Enter');
  await w.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  assert.deepEqual(await w.locator('.blank-wrap .mark').allTextContents(), ['✓', '✓', '✓']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('by touch at 320 px: a wrong blank is marked with its answer, the others are right; axe finds nothing', async () => {
  const { p, w, context, errors } = await open({ viewport: { width: 320, height: 700 }, hasTouch: true, isMobile: true });
  await w.getByRole('textbox', { name: 'Blank 1 of 3' }).fill('asyncio.run');
  await w.getByRole('combobox', { name: 'Blank 2 of 3' }).selectOption('time.sleep(1)');
  await w.getByRole('textbox', { name: 'Blank 3 of 3' }).fill('asyncio.gather');
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: 'Not quite' }).waitFor();
  await w.getByRole('button', { name: 'Show answer' }).click();
  await w.getByText('time.sleep would block the loop.').waitFor();
  assert.deepEqual(await w.locator('.blank-wrap .mark').allTextContents(), ['✓', '✗ await asyncio.sleep(1)', '✓']);
  assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no horizontal scroll');
  await p.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await p.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  assert.deepEqual(errors, []);
  await context.close();
});
