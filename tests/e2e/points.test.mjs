// End-to-end: points, partial credit and a pass mark, as a learner meets
// them in the summary and as the host page hears them in quiz-complete.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { inlineQuizPage, serve } from './serve.mjs';
import { launch } from './browser.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const quiz = (language) => JSON.stringify({ id: `points-${language}`, title: 'Points', language, pass_mark: 60, questions: [
  { id: 'many', type: 'multiple', prompt: 'Which are awaitable?', choices: ['a coroutine', 'a Task', 'an int'], answers: [0, 1], points: language === 'en' ? 2 : 1, explanation: 'e' },
  { id: 'tf', type: 'true_false', prompt: '`await` works in any function.', answer: false, explanation: 'e' },
] });

let server, browser;
before(async () => {
  const strict = () => ['text/html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/quiz-widget.js"></script></head><body>
<quiz-widget pass-mark="90%"><script type="application/json">${quiz('en')}</script></quiz-widget></body></html>`];
  server = await serve(path.join(root, 'dist'), { routes: {
    '/en.html': inlineQuizPage(quiz('en')), '/de.html': inlineQuizPage(quiz('de'), 'de'), '/strict.html': strict,
  } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('a partly right answer earns part of its points; the summary and quiz-complete say whether the learner passed', async () => {
  const context = await browser.newContext();
  const p = await context.newPage();
  await p.goto(`${server.url}/en.html`);
  await p.evaluate(() => document.addEventListener('quiz-complete', (e) => { window.completed = e.detail; }));
  const w = p.locator('quiz-widget');
  // One of two right choices: half of 2 points.
  await w.getByRole('checkbox', { name: /a coroutine/ }).check();
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: 'Not quite' }).waitFor();
  await w.locator('.quiz-body').getByRole('button', { name: /^Next/ }).click();
  await w.getByRole('radio', { name: 'False' }).check();
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  await w.locator('.quiz-body').getByRole('button', { name: /^Next/ }).click();
  await w.getByRole('heading', { name: 'Summary' }).waitFor();
  assert.equal(await w.locator('.points').textContent(), '2 of 3 points (67%) · Passed (pass mark 60%)');
  assert.deepEqual(await p.evaluate(() => window.completed), {
    quizId: 'points-en', section: null, score: 2, maxScore: 3, passed: true, correct: 1, graded: 2, total: 2,
    results: [{ questionId: 'many', correct: false, score: 1, maxScore: 2 }, { questionId: 'tf', correct: true, score: 1, maxScore: 1 }],
  });
  await context.close();
});

test('in German the points use a decimal comma, and a low score is not passed yet', async () => {
  const context = await browser.newContext();
  const p = await context.newPage();
  await p.goto(`${server.url}/de.html`);
  const w = p.locator('quiz-widget');
  // One of two right choices of a 1-point question: half a point; then a wrong true/false.
  await w.getByRole('checkbox', { name: /a coroutine/ }).check();
  await w.getByRole('button', { name: 'Prüfen' }).click();
  await w.locator('.quiz-body').getByRole('button', { name: /^Weiter/ }).click();
  await w.getByRole('radio', { name: 'Wahr' }).check();
  await w.getByRole('button', { name: 'Prüfen' }).click();
  await w.locator('.quiz-body').getByRole('button', { name: /^Weiter/ }).click();
  await w.getByRole('heading', { name: 'Zusammenfassung' }).waitFor();
  assert.equal(await w.locator('.points').textContent(), '0,5 von 2 Punkten (25%) · Noch nicht bestanden (Bestehensgrenze 60 %)');
  await context.close();
});

test('a page can set its own pass mark', async () => {
  const context = await browser.newContext();
  const p = await context.newPage();
  await p.goto(`${server.url}/strict.html`);
  await p.evaluate(() => document.addEventListener('quiz-complete', (e) => { window.completed = e.detail; }));
  const w = p.locator('quiz-widget');
  await w.getByRole('checkbox', { name: /a coroutine/ }).check();
  await w.getByRole('button', { name: 'Check' }).click();
  await w.locator('.quiz-body').getByRole('button', { name: /^Next/ }).click();
  await w.getByRole('radio', { name: 'False' }).check();
  await w.getByRole('button', { name: 'Check' }).click();
  await w.locator('.quiz-body').getByRole('button', { name: /^Next/ }).click();
  assert.equal(await w.locator('.points').textContent(), '2 of 3 points (67%) · Not passed yet (pass mark 90%)');
  assert.equal(await p.evaluate(() => window.completed.passed), false);
  await context.close();
});
