// End-to-end: progress stored by the version 1 widget (recorded with that
// release by tools/record-progress-v1.mjs) loads under this one with every
// answer, card and note accounted for, and a tab still on version 1 beside
// one on version 2 loses nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { servedPages } from './browser.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(import.meta.dirname, 'fixtures/progress-v1');
const QUIZ = fs.readFileSync(path.join(fixtures, 'quiz.json'), 'utf8');
const { recorded, storage: V1 } = JSON.parse(fs.readFileSync(path.join(fixtures, 'storage.json'), 'utf8'));
const page = () => ['text/html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/quiz-widget.js"></script></head><body>
<quiz-widget controls="full"><script type="application/json">${QUIZ}</script></quiz-widget></body></html>`];
const v1 = (id) => JSON.parse(V1[`quiz-widget:v1:progress-v1:q:${id}`]);

const env = servedPages(path.join(root, 'dist'), { routes: { '/quiz.html': page } });

/** A page whose storage holds the version 1 profile, opened an hour after it was recorded (the same UTC day). */
async function profilePage(context) {
  const p = await context.newPage();
  await p.clock.setFixedTime(new Date(Date.parse(recorded) + 3_600_000));
  await p.goto(`${env.server.url}/quiz.html`);
  await p.evaluate((entries) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, V1);
  await p.reload();
  await p.locator('quiz-widget').getByRole('heading', { name: 'Progress from the version 1 widget' }).waitFor();
  return p;
}

async function exported(p) {
  const w = p.locator('quiz-widget');
  const [download] = await Promise.all([p.waitForEvent('download'), w.getByRole('button', { name: 'Export progress' }).click()]);
  return JSON.parse(fs.readFileSync(await download.path(), 'utf8')).records;
}

test('a version 1 profile loads with every answer, card and note accounted for', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const p = await profilePage(context);
  const w = p.locator('quiz-widget');
  // 4 answers, 3 cards graded and an exercise done: 8 of 9; right, retried and typed are correct.
  const progress = await w.locator('.progress-text').textContent();
  assert.match(progress, /^8 \/ 9 answered · 3 correct/);
  // Due today (an hour after the answers): the card graded Again, the card never seen,
  // the question answered wrong (Again) and the one right only after a retry (Hard).
  assert.match(progress, /4 reviews due today/);
  assert.equal(await w.locator('.notice').count(), 0, 'nothing was dropped');
  // The learner is where they left off, on the exercise, with their notes.
  assert.equal(await w.getByRole('textbox').first().inputValue(), 'await asyncio.sleep(1)');

  const records = await exported(p);
  for (const [id, rating] of [['right', 3], ['wrong', 1], ['retried', 2], ['typed', 3]]) {
    const old = v1(id);
    const now = records[id];
    assert.equal(now.v, 2);
    assert.deepEqual([now.h, now.t, now.r, now.c, now.n], [old.h, old.t, old.r, old.c, old.n], id);
    // The answer's check is its first review, at the time it was given.
    assert.deepEqual(now.log, [rating, old.t], id);
  }
  for (const id of ['good', 'again', 'easy']) {
    const old = v1(id);
    const now = records[id];
    // f: [phase, step, due, last review, stability, difficulty (millionths)].
    const [, , due, , stability, difficulty] = now.f;
    assert.deepEqual([now.h, now.t, now.g, now.n, due], [old.h, old.t, old.g, old.n, old.d], `${id}: due date kept`);
    assert.ok(stability > 0 && difficulty >= 1e6 && difficulty <= 10e6, `${id}: an FSRS memory state ${JSON.stringify(now.f)}`);
  }
  assert.deepEqual([records.practised.notes, records.practised.done], ['await asyncio.sleep(1)', 'confident']);
  assert.equal(records.unseen, undefined);

  // The due list: the four items due, each fresh.
  await w.getByLabel('Mode').selectOption('due');
  await w.locator('.quiz-nav select').locator('option', { hasText: '1 of 4' }).waitFor({ state: 'attached' });
  await context.close();
});

test('a tab still on version 1 and a tab on version 2 lose nothing', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const mine = await profilePage(context);
  const w = mine.locator('quiz-widget');
  // The version 2 tab answers the question that was wrong, right this time.
  await w.locator('.quiz-nav select').selectOption('1');
  await w.getByRole('button', { name: 'Try again' }).click();
  await w.getByRole('radio', { name: /asyncio.run/ }).check();
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  // Meanwhile the version 1 tab answers the typed question again, wrong, and
  // writes its own key, as that release does (a storage event here).
  const old = await context.newPage();
  await old.goto(`${env.server.url}/quiz-widget.css`);
  const typed = { ...v1('typed'), t: v1('typed').t + 60_000, r: 'asyncio.wait', c: false, n: 2 };
  await old.evaluate((record) => localStorage.setItem('quiz-widget:v1:progress-v1:q:typed', record), JSON.stringify(typed));
  await w.locator('.progress-text').filter({ hasText: /^8 \/ 9 answered · 3 correct/ }).waitFor();

  const keys = await mine.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
  // The version 1 tab's keys are untouched by the version 2 tab: it still sees all it wrote.
  for (const id of ['right', 'retried', 'good', 'again', 'easy', 'practised']) {
    assert.equal(keys[`quiz-widget:v1:progress-v1:q:${id}`], V1[`quiz-widget:v1:progress-v1:q:${id}`], id);
  }
  // The version 2 tab has both: its own new answer with both reviews, and the other tab's.
  const wrong = JSON.parse(keys['quiz-widget:v2:progress-v1:q:wrong']);
  const grades = (log) => log.filter((_, i) => i % 2 === 0);
  assert.deepEqual([wrong.c, wrong.n, grades(wrong.log)], [true, 2, [1, 2]]);
  await mine.reload();
  await w.locator('.progress-text').filter({ hasText: /^8 \/ 9 answered · 3 correct/ }).waitFor();
  const records = await exported(mine);
  assert.deepEqual([records.typed.r, records.typed.c, records.typed.n], ['asyncio.wait', false, 2]);
  assert.deepEqual(grades(records.wrong.log), [1, 2]);
  await context.close();
});
