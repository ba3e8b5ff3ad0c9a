// End-to-end: a teacher's file with every kind and feature of this release
// (feedback per choice and per typed answer, hints in steps, numeric,
// ordering, matching, cloze, points with partial credit, a pass mark, a
// retention) on a course page: answered, graded, kept across a reload and
// exported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { servedPages } from './browser.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const QUIZ = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/teacher-file.json'), 'utf8');
const page = () => ['text/html', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Week 4</title><link rel="icon" href="data:,">
<script type="module" src="/quiz-widget.js"></script></head><body><main><h1>Week 4</h1>
<quiz-widget controls="full" heading-level="2"><script type="application/json">${QUIZ}</script></quiz-widget></main></body></html>`];

const env = servedPages(path.join(root, 'dist'), { routes: { '/week4.html': page } });

test('every kind and feature: answered, graded, kept after a reload, exported', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(`${env.server.url}/week4.html`);
  const w = p.locator('quiz-widget');
  const check = () => w.getByRole('button', { name: 'Check' }).click();
  const next = () => w.locator('.quiz-nav').getByRole('button', { name: /Next/ }).click();
  const verdict = (text) => w.getByRole('status').filter({ hasText: text }).waitFor();

  // single, with the author's note on the wrong choice picked
  await w.getByRole('radio', { name: /A new thread/ }).check();
  await check();
  await w.getByText('Threads are what asyncio avoids.').waitFor();
  await next();
  // multiple: two of three right, nothing wrong
  await w.getByRole('checkbox', { name: /A coroutine/ }).check();
  await w.getByRole('checkbox', { name: /A Task/ }).check();
  await check();
  await verdict('Not quite');
  await next();
  // short: a hint, then a common wrong answer with its feedback, then right
  await w.getByRole('button', { name: 'Show hint' }).click();
  await w.getByRole('textbox', { name: 'Your answer' }).fill('time.sleep');
  await check();
  await w.getByText('That one blocks; it runs nothing.').waitFor();
  await w.getByRole('button', { name: 'Try again' }).click();
  await w.getByRole('textbox', { name: 'Your answer' }).fill('asyncio.run');
  await check();
  await verdict('Correct!');
  await next();
  // numeric: a common wrong number with its feedback, then one with a decimal comma
  await w.getByRole('textbox', { name: 'Your answer' }).fill('6');
  await check();
  await w.getByText('Not one after another: they sleep together.').waitFor();
  await w.getByRole('button', { name: 'Try again' }).click();
  await w.getByRole('textbox', { name: 'Your answer' }).fill('2,1');
  await check();
  await verdict('Correct!');
  await next();
  // ordering, as it starts (never already right)
  await check();
  await verdict('Not quite');
  await next();
  // matching
  const selects = w.locator('.matching').getByRole('combobox');
  await selects.nth(0).selectOption({ label: 'Runs a coroutine' });
  await selects.nth(1).selectOption({ label: 'Waits without blocking' });
  await check();
  await verdict('Correct!');
  await next();
  // cloze
  await w.getByRole('textbox', { name: 'Blank 1 of 2' }).fill('asyncio.run');
  await w.getByRole('combobox', { name: 'Blank 2 of 2' }).selectOption('await asyncio.sleep(1)');
  await check();
  await verdict('Correct!');
  await next();
  // flashcard
  await w.getByRole('button', { name: /Show answer/ }).click();
  await w.getByRole('button', { name: /^Good/ }).click();
  await w.getByRole('heading', { name: 'Summary' }).waitFor();
  // Points: single 0/2, multiple 2/3 of 1, short 1, numeric 1, ordering partial of 2, matching 1, cloze 1.
  const points = await w.locator('.points').textContent();
  assert.match(points, /^\d+(\.\d+)? of 9 points \(\d+%\) · (Passed|Not passed yet) \(pass mark 60%\)$/, points);

  // A reload keeps every answer; the export holds each kind's answer.
  await p.reload();
  await w.getByRole('heading', { name: 'Summary' }).waitFor();
  assert.equal(await w.locator('.points').textContent(), points);
  const [download] = await Promise.all([p.waitForEvent('download'), w.getByRole('button', { name: 'Export progress' }).click()]);
  const { records } = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(Object.keys(records).sort(), ['awaitables', 'calls', 'card', 'fill', 'gather-time', 'loop', 'run-name', 'steps']);
  assert.deepEqual(records.calls.r, { match: [0, 1] });
  assert.deepEqual(records.fill.r, { blanks: ['asyncio.run', 'await asyncio.sleep(1)'] });
  assert.equal(records['run-name'].n, 2, 'two checks of the short answer');
  assert.ok(records.steps.r.order.length === 3);
  assert.ok(Object.values(records).every((r) => r.v === 2 && Array.isArray(r.log ?? [])));
  assert.deepEqual(errors, []);
  await context.close();
});
