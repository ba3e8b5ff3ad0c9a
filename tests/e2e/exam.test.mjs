// End-to-end: an exam on a course page. Answers are saved without feedback
// (by keyboard alone), the attempt is submitted from the end of the list,
// then every answer shows its feedback and the score its pass or fail; the
// attempts are limited, and an attempt found past its time limit on a later
// visit is submitted with what was saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { inlineQuizPage } from './serve.mjs';
import { servedPages } from './browser.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const quiz = (id, extra) => JSON.stringify({ id, title: 'Exam', exam: true, pass_mark: 50, ...extra, questions: [
  { id: 'a', type: 'true_false', prompt: '`asyncio.run()` starts an event loop.', answer: true, explanation: 'It does.' },
  { id: 'b', type: 'single', prompt: 'What does `await` need?', choices: ['An awaitable', 'A thread'], answer: 0, explanation: 'An awaitable.' },
] });

const env = servedPages(path.join(root, 'dist'), { routes: {
    '/exam.html': inlineQuizPage(quiz('exam', { attempts: 2 })),
    '/timed.html': inlineQuizPage(quiz('timed', { time_limit: 1 })),
    '/attribute.html': () => ['text/html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/quiz-widget.js"></script></head><body>
<quiz-widget exam><script type="application/json">${JSON.stringify({ id: 'practice', title: 'Practice', questions: [
  { id: 'a', type: 'true_false', prompt: 'A statement.', answer: true, explanation: 'e' }] })}</script></quiz-widget></body></html>`],
  } });

test('by keyboard: answers are saved without feedback, submitted together, then reviewed', async () => {
  const context = await env.browser.newContext();
  const p = await context.newPage();
  await p.goto(`${env.server.url}/exam.html`);
  await p.evaluate(() => document.addEventListener('quiz-complete', (e) => { window.completed = e.detail; }));
  const w = p.locator('quiz-widget');
  const progress = () => w.locator('.progress-text').textContent();
  assert.equal(await progress(), '0 / 2 answers saved');
  await w.getByRole('radio', { name: 'False' }).focus();
  await p.keyboard.press('Space');
  await w.getByRole('button', { name: 'Save answer' }).focus();
  await p.keyboard.press('Enter');
  await w.getByText('Answer saved. You can change it until you submit your answers.').waitFor();
  assert.equal(await w.locator('.verdict').count(), 0, 'no verdict before submitting');
  assert.equal(await progress(), '1 / 2 answers saved');
  // Changing it is allowed: save True instead.
  await w.getByRole('radio', { name: 'True' }).check();
  await w.getByRole('button', { name: 'Save answer' }).click();
  // Saved: the next Tab reaches Next, beside Save answer, not the rest of the page.
  await w.getByRole('button', { name: 'Save answer' }).focus();
  await p.keyboard.press('Tab');
  await p.keyboard.press('Enter');
  await w.getByRole('radio', { name: /A thread/ }).check();
  await w.getByRole('button', { name: 'Save answer' }).click();
  await w.locator('.quiz-nav').getByRole('button', { name: /Next/ }).click();
  await w.getByText('2 of 2 answers saved.').waitFor();
  assert.equal(await p.evaluate(() => window.completed), undefined, 'nothing told before the submission');
  await w.getByRole('button', { name: 'Submit answers' }).focus();
  await p.keyboard.press('Enter');
  await w.getByRole('heading', { name: 'Summary' }).waitFor();
  // Focus goes to the summary's title, not to a button a second Enter would press.
  await p.waitForFunction(() => document.querySelector('quiz-widget').shadowRoot.activeElement?.textContent === 'Summary');
  assert.equal(await w.locator('.points').textContent(), '1 of 2 points (50%) · Passed (pass mark 50%)');
  const completed = await p.evaluate(() => window.completed);
  assert.deepEqual([completed.score, completed.maxScore, completed.passed], [1, 2, true]);
  assert.equal(await w.getByRole('button', { name: 'Retry wrong answers' }).count(), 0);
  // Every answer is reviewed with its feedback, and cannot be changed.
  await w.locator('.quiz-nav').getByRole('button', { name: /Previous/ }).click();
  await w.getByRole('status').filter({ hasText: 'Not quite' }).waitFor();
  assert.equal(await w.getByRole('radio', { name: /An awaitable/ }).isDisabled(), true);
  // One more attempt, then none.
  await w.locator('.quiz-nav').getByRole('button', { name: /Next/ }).click();
  await w.getByRole('button', { name: 'New attempt (the last)' }).click();
  assert.equal(await progress(), '0 / 2 answers saved');
  await w.locator('.quiz-nav').getByRole('button', { name: /Next/ }).click();
  await w.locator('.quiz-nav').getByRole('button', { name: /Next/ }).click();
  await w.getByRole('button', { name: 'Submit answers' }).click();
  await w.getByText('No attempts left.').waitFor();
  await context.close();
});

test('an attempt found past its time limit is submitted with what was saved', async () => {
  const context = await env.browser.newContext();
  const p = await context.newPage();
  await p.goto(`${env.server.url}/timed.html`);
  const w = p.locator('quiz-widget');
  // The learner is told of the limit before the clock starts.
  await w.locator('.progress-text').filter({ hasText: '0 / 2 answers saved · 1 min from the first saved answer' }).waitFor();
  await w.getByRole('radio', { name: 'True' }).check();
  await w.getByRole('button', { name: 'Save answer' }).click();
  await w.locator('.progress-text').filter({ hasText: '1 / 2 answers saved · under a minute left' }).waitFor();
  // The learner comes back two minutes later.
  await p.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.endsWith(':settings') && k.includes(':timed:'));
    const settings = JSON.parse(localStorage.getItem(key));
    settings.exam.start -= 120_000;
    localStorage.setItem(key, JSON.stringify(settings));
  });
  await p.reload();
  await w.getByRole('heading', { name: 'Summary' }).waitFor();
  assert.equal(await w.locator('.points').textContent(), '1 of 2 points (50%) · Passed (pass mark 50%)');
  await context.close();
});

test('the exam attribute makes a practice file an exam on this page', async () => {
  const context = await env.browser.newContext();
  const p = await context.newPage();
  await p.goto(`${env.server.url}/attribute.html`);
  const w = p.locator('quiz-widget');
  await w.getByRole('radio', { name: 'False' }).check();
  await w.getByRole('button', { name: 'Save answer' }).click();
  await w.getByText('Answer saved. You can change it until you submit your answers.').waitFor();
  assert.equal(await w.locator('.verdict').count(), 0);
  await w.locator('.quiz-nav').getByRole('button', { name: /Next/ }).click();
  await w.getByRole('button', { name: 'Submit answers' }).click();
  await w.getByRole('heading', { name: 'Summary' }).waitFor();
  assert.match(await w.locator('.score').textContent(), /^0 of 1 correct/);
  // A reload keeps the submitted attempt.
  await p.reload();
  await w.getByRole('heading', { name: 'Summary' }).waitFor();
  await context.close();
});
