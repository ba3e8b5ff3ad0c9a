// End-to-end: a retry of wrong answers on a course page, as a learner meets
// it (issue 34): the retry is visibly a round with its own way back to the
// whole quiz, a reload keeps that way, and the summary's pass mark and the
// page's `quiz-complete` count the whole quiz, never the round alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { servedPages, openPage } from './browser.mjs';
import { coursePage, inlineQuizPage } from './serve.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const QUIZ = {
  id: 'rounds', title: 'Rounds', language: 'en', pass_mark: 80,
  questions: ['one', 'two', 'three', 'four', 'five'].map((id, i) => ({
    id, type: 'single', prompt: `Question ${id}?`, choices: [`right ${id}`, `wrong ${id}`], answer: 0, explanation: `Because ${i}.`,
  })),
};
const env = servedPages(path.join(root, 'dist'), { routes: {
  '/rounds.html': inlineQuizPage(JSON.stringify(QUIZ)),
  '/rounds-course.html': coursePage(JSON.stringify(QUIZ), 'Rounds'),
} });

/** Answers the current question with its right or wrong choice and goes on. */
async function answer(w, id, right) {
  await w.getByRole('radio', { name: new RegExp(`${right ? 'right' : 'wrong'} ${id}`) }).check();
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: right ? 'Correct!' : 'Not quite.' }).waitFor();
  await w.getByRole('button', { name: 'Next →' }).last().click();
}

test('a retry of one wrong answer passes the whole quiz, tells the page about the whole quiz, and has its way back', async () => {
  const { p, w, context, errors } = await openPage(env.browser, env.server.url + '/rounds.html');
  await p.evaluate(() => {
    window.completed = [];
    document.addEventListener('quiz-complete', (e) => window.completed.push(e.detail));
  });
  for (const [id, right] of [['one', true], ['two', true], ['three', true], ['four', true], ['five', false]]) await answer(w, id, right);
  const summary = w.locator('.summary');
  await summary.getByText('4 of 5 correct (80%)').waitFor();
  // The summary's own Start over and Reset progress, not twice (issue 34);
  // its Reset still asks first.
  assert.equal(await w.getByRole('button', { name: 'Start over' }).count(), 1);
  assert.equal(await w.getByRole('button', { name: 'Reset progress' }).count(), 1);
  await w.getByRole('button', { name: 'Reset progress' }).click();
  await w.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  await summary.getByText('4 of 5 correct (80%)').waitFor();
  await summary.getByRole('button', { name: 'Retry wrong answers' }).click();
  // The round shows itself, with its way back, and a reload keeps both.
  await w.getByText('Retrying wrong answers').waitFor();
  await p.reload();
  await w.getByText('Retrying wrong answers').waitFor();
  await w.getByRole('button', { name: 'Back to all questions' }).waitFor();
  await p.evaluate(() => {
    window.completed = [];
    document.addEventListener('quiz-complete', (e) => window.completed.push(e.detail));
  });
  await answer(w, 'five', true);
  // The summary scores the whole quiz, and the round beside it.
  await summary.getByText('5 of 5 correct (100%)').waitFor();
  await summary.getByText('This retry: 1 of 1 correct').waitFor();
  const completed = await p.evaluate(() => window.completed);
  assert.equal(completed.length, 1);
  assert.deepEqual(
    [completed[0].correct, completed[0].graded, completed[0].total, completed[0].passed, completed[0].results.length],
    [5, 5, 5, true, 5],
    'quiz-complete counts the whole quiz',
  );
  assert.equal(await w.getByRole('button', { name: 'Back to all questions' }).count(), 1, 'one way back');
  await w.getByRole('button', { name: 'Back to all questions' }).click();
  await w.locator('.progress-text').filter({ hasText: /^5 \/ 5 answered · 5 correct/ }).waitFor();
  assert.equal(await w.getByText('Retrying wrong answers').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a retry still wrong does not pass the whole quiz, and the page is told so', async () => {
  const { p, w, context } = await openPage(env.browser, env.server.url + '/rounds.html');
  for (const [id, right] of [['one', true], ['two', true], ['three', false], ['four', true], ['five', false]]) await answer(w, id, right);
  await w.locator('.summary').getByRole('button', { name: 'Retry wrong answers' }).click();
  await p.evaluate(() => {
    window.completed = [];
    document.addEventListener('quiz-complete', (e) => window.completed.push(e.detail));
  });
  await answer(w, 'three', false);
  await answer(w, 'five', false);
  const summary = w.locator('.summary');
  await summary.getByText('3 of 5 correct (60%)').waitFor();
  await summary.getByText('This retry: 0 of 2 correct').waitFor();
  const [detail] = await p.evaluate(() => window.completed);
  assert.deepEqual([detail.correct, detail.total, detail.passed], [3, 5, false], 'under the pass mark of 80 %');
  await context.close();
});

test('the summary and the reset question are readable in the dark theme: axe finds nothing', async () => {
  const { p, w, context } = await openPage(env.browser, env.server.url + '/rounds-course.html', { colorScheme: 'dark', viewport: { width: 375, height: 800 } });
  for (const [id, right] of [['one', true], ['two', false], ['three', true], ['four', true], ['five', true]]) await answer(w, id, right);
  await w.locator('.summary').getByText('4 of 5 correct (80%)').waitFor();
  await p.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const audit = () => p.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
    .then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  assert.deepEqual(await audit(), [], 'the summary, with its Reset progress');
  await w.getByRole('button', { name: 'Reset progress' }).click();
  await w.getByRole('alertdialog').waitFor();
  assert.deepEqual(await audit(), [], 'the question, with its red Reset progress');
  await context.close();
});
