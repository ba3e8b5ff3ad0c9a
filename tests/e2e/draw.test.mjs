// End-to-end: a quiz that draws 3 of 12 questions for each learner shows
// the same 3 after a reload, and other learners get other draws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { inlineQuizPage } from './serve.mjs';
import { servedPages } from './browser.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const QUIZ = JSON.stringify({ id: 'draw', title: 'Drawn', draw: 3, questions: Array.from({ length: 12 }, (_, i) => (
  { id: `q${i}`, type: 'true_false', prompt: `Statement number ${i + 1}`, answer: i % 2 === 0, explanation: 'e' })) });

// A shared bank with sections, and a page that shows 2 of one section's questions with the `draw` attribute.
const BANK = JSON.stringify({ id: 'bank', title: 'Bank', sections: [{ id: 'week3', title: 'Week 3' }, { id: 'week4', title: 'Week 4' }],
  questions: Array.from({ length: 10 }, (_, i) => (
    { id: `b${i}`, type: 'true_false', section: i < 6 ? 'week3' : 'week4', prompt: `Bank statement ${i + 1}`, answer: true, explanation: 'e' })) });
const bankPage = () => ['text/html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/quiz-widget.js"></script></head><body>
<quiz-widget section="week3" draw="2"><script type="application/json">${BANK}</script></quiz-widget></body></html>`];

const env = servedPages(path.join(root, 'dist'), { routes: { '/draw.html': inlineQuizPage(QUIZ), '/bank.html': bankPage } });

/** The prompts of the learner's list, read by going through it and back to the first. */
async function drawn(p) {
  const w = p.locator('quiz-widget');
  await w.locator('.progress-text').filter({ hasText: '0 / 3 answered' }).waitFor();
  const prompts = [];
  for (let i = 0; i < 3; i++) {
    if (i > 0) await w.locator('.quiz-nav').getByRole('button', { name: /Next/ }).click();
    await w.locator('.quiz-nav').getByText(`${i + 1} of 3`).waitFor();
    prompts.push(await w.locator('legend').textContent());
  }
  await w.locator('.quiz-nav').getByRole('button', { name: /Previous/ }).click();
  await w.locator('.quiz-nav').getByRole('button', { name: /Previous/ }).click();
  return prompts;
}

test('each learner answers their own 3 of 12, the same on every visit', async () => {
  const learner = await env.browser.newContext();
  const p = await learner.newPage();
  await p.goto(`${env.server.url}/draw.html`);
  const first = await drawn(p);
  assert.equal(new Set(first).size, 3);
  await p.reload();
  assert.deepEqual(await drawn(p), first, 'a reload shows the same draw');
  const others = [];
  for (let i = 0; i < 4; i++) {
    const other = await env.browser.newContext();
    const q = await other.newPage();
    await q.goto(`${env.server.url}/draw.html`);
    others.push((await drawn(q)).join('|'));
    await other.close();
  }
  assert.ok(others.some((d) => d !== first.join('|')), `other learners get other draws: ${others.join(' / ')}`);
  await learner.close();
});

test('the draw attribute draws from the section the element shows, the same after a reload', async () => {
  const context = await env.browser.newContext();
  const p = await context.newPage();
  await p.goto(`${env.server.url}/bank.html`);
  const w = p.locator('quiz-widget');
  await w.locator('.progress-text').filter({ hasText: '0 / 2 answered' }).waitFor();
  const first = await w.locator('legend').textContent();
  const number = Number(first.match(/\d+/)[0]);
  assert.ok(number >= 1 && number <= 6, `a week 3 question: ${first}`);
  await p.reload();
  await w.locator('.progress-text').filter({ hasText: '0 / 2 answered' }).waitFor();
  assert.equal(await w.locator('legend').textContent(), first);
  await context.close();
});
