// End-to-end: the item kinds the bundled bank does not have (multiple,
// true/false, short), on the release build with a test question file, by
// keyboard and by mouse.
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
  server = await serve(dist, { routes: studyPageWith(dist, 'all-kinds', fs.readFileSync(path.join(import.meta.dirname, 'fixtures/all-kinds.json'))) });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open() {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url + '/all-kinds.html');
  await page.getByRole('heading', { name: 'Every Kind of Item' }).waitFor();
  return { page, context };
}

const feedback = (page, text) => page.getByRole('status').filter({ hasText: text }).waitFor();

test('by keyboard: multiple, true/false and short answers', async () => {
  const { page, context } = await open();
  await page.locator('.choices').getByRole('checkbox').first().focus();
  await page.keyboard.press('1');
  await page.keyboard.press('3');
  assert.deepEqual(await page.locator('.choices').getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.checked)), [true, false, true, false]);
  await page.keyboard.press('Enter');
  await feedback(page, 'Correct!');
  await page.keyboard.press('Enter');

  await page.getByRole('group', { name: /runs coroutines on many threads/ }).waitFor();
  await page.keyboard.press('1'); // True: wrong
  await page.keyboard.press('Enter');
  await feedback(page, 'Try again, or show the answer.');
  assert.equal(await page.locator('.choice[data-state]').count(), 0, 'the solution waits until asked for');
  // Focus is on Try again; the next control shows the answer.
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Try again');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.match(await page.locator('.choice[data-state="answer"]').textContent(), /False.*Correct answer/);
  assert.match(await page.locator('.choice[data-state="wrong"]').textContent(), /True.*Your answer/);
  // Focus moved to Next, so Enter goes on.
  await page.keyboard.press('Enter');

  await page.getByRole('textbox', { name: 'Your answer' }).waitFor();
  await page.keyboard.type('  AsyncIO.run() ');
  await page.keyboard.press('Enter');
  await feedback(page, 'Correct!');
  assert.match(await page.locator('.progress-text').textContent(), /^3 \/ 3 answered · 2 correct/);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Summary' }).waitFor();
  assert.equal(await page.locator('.score').textContent(), '2 of 3 correct (67%)');
  assert.equal(await page.locator('.unanswered').count(), 0, 'every question was answered');
  await context.close();
});

test('by mouse: hint, wrong answer, retry, and the summary retries only the wrong one', async () => {
  const { page, context } = await open();
  await page.getByRole('button', { name: 'Show hint' }).click();
  await page.getByText('Think of what the event loop schedules.').waitFor();
  await page.getByRole('checkbox', { name: /A coroutine object/ }).check();
  await page.getByRole('button', { name: 'Check' }).click();
  await feedback(page, 'Not quite.');
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('checkbox', { name: /asyncio.Task/ }).check();
  await page.getByRole('button', { name: 'Check' }).click();
  await feedback(page, 'Correct!');
  assert.match(await page.locator('.attempts').textContent(), /2 attempts/);

  await page.getByRole('button', { name: 'Next →' }).first().click();
  await page.getByRole('radio', { name: /False/ }).check();
  await page.getByRole('button', { name: 'Check' }).click();
  await feedback(page, 'Correct!');
  await page.getByRole('button', { name: 'Next →' }).first().click();
  await page.getByRole('textbox', { name: 'Your answer' }).fill('asyncio.gather');
  await page.getByRole('button', { name: 'Check' }).click();
  await feedback(page, 'Not quite.');
  assert.equal(await page.getByText('Accepted answers').count(), 0, 'not before the learner asks');
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByText('Accepted answers: asyncio.run · asyncio.run()').waitFor();
  await page.getByRole('button', { name: 'Next →' }).first().click();
  await page.getByRole('heading', { name: 'Summary' }).waitFor();
  assert.equal(await page.locator('.chart-bar').count(), 3);
  await page.getByRole('button', { name: 'Retry wrong answers' }).click();
  await page.getByRole('textbox', { name: 'Your answer' }).waitFor();
  assert.equal(await page.locator('.quiz-nav select option').count(), 2, 'one item and the summary');
  await context.close();
});
