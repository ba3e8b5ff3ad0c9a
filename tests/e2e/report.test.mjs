// End-to-end: the full report of a question file the course pages' widget
// rejects. Its module says only yes or no (quiz_format::accept); the list of
// problems comes from quiz-report.js and its wasm, fetched once per page and
// only for a rejected file: never on a learner's path through a valid quiz.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { openPage, servedPages } from './browser.mjs';

const root = path.resolve(import.meta.dirname, '../..');
// Five errors of five kinds, and a question without explanation (a warning).
const BROKEN = `{"id": "Bad Id", "title": "Broken", "questions": [
  {"id": "q1", "type": "single", "prompt": "One choice", "choices": ["a"], "answer": 2, "explanation": "x"},
  {"id": "q1", "type": "singel", "prompt": "Typo"},
  {"id": "q3", "type": "true_false", "prompt": "Quoted", "answer": "true"}
]}`;
const VALID = JSON.stringify({ id: 'fine', title: 'Fine', questions: [
  { id: 'q', type: 'true_false', prompt: 'This file is fine.', answer: true, explanation: 'It is.' }] });
const page = (body) => () => ['text/html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/quiz-widget.js"></script></head><body><main><h1>Week 3</h1>${body}</main></body></html>`];

const env = servedPages(path.join(root, 'dist'), { routes: {
  '/broken.json': () => ['application/json', BROKEN],
  '/valid.json': () => ['application/json', VALID],
  '/broken.html': page('<quiz-widget id="one" src="broken.json"></quiz-widget><quiz-widget id="two" src="broken.json"></quiz-widget>'),
  '/valid.html': page('<quiz-widget src="valid.json"></quiz-widget>'),
  '/switch.html': page('<quiz-widget id="w" src="valid.json"></quiz-widget>'),
} });

/** What `quiz validate` says of BROKEN: its error count and messages. */
function cliErrors() {
  execFileSync('cargo', ['build', '-q', '--locked', '-p', 'quiz-cli'], { cwd: root, stdio: 'inherit' });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'report-')), 'broken.json');
  fs.writeFileSync(file, BROKEN);
  let output = '';
  try {
    execFileSync(path.join(root, 'target/debug/quiz'), ['validate', file], { stdio: 'pipe' });
  } catch (error) {
    output = `${error.stdout}${error.stderr}`;
  }
  return [...output.matchAll(/^error: (.*)$/gm)].map((m) => m[1]);
}

test("a rejected file's problems are listed in its place, as `quiz validate` finds them", async () => {
  const expected = cliErrors();
  assert.equal(expected.length, 5, expected.join('\n'));
  const { p, context, errors } = await openPage(env.browser, 'about:blank');
  const fetched = [];
  p.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await p.goto(`${env.server.url}/broken.html`);
  for (const id of ['one', 'two']) {
    const alert = p.locator(`#${id}`).getByRole('alert');
    await alert.locator('.diagnostics li').first().waitFor();
    assert.match(await alert.textContent(), /broken\.json: 5 problem\(s\)/);
    assert.deepEqual(await alert.locator('.diagnostics .message').allTextContents(), expected);
    // Where: line and column, and the JSON path.
    const items = await alert.locator('.diagnostics li').allTextContents();
    assert.match(items.join('\n'), /^3:\d+questions\[1\]\.type/m);
    // English, and marked so: a right-to-left page keeps its order.
    assert.equal(await alert.locator('.diagnostics').getAttribute('dir'), 'ltr');
  }
  // One module for the page, however many widgets it has.
  assert.equal(fetched.filter((f) => f === '/quiz-report_bg.wasm').length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a valid file fetches no report module', async () => {
  const { p, w, context, errors } = await openPage(env.browser, 'about:blank');
  const fetched = [];
  p.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await p.goto(`${env.server.url}/valid.html`);
  await w.getByRole('radio', { name: 'True' }).check();
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: 'Correct' }).waitFor();
  await p.waitForLoadState('networkidle');
  assert.deepEqual(fetched.filter((f) => f.startsWith('/quiz-report')), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without the report module the widget still says the file is invalid, and what lists its problems', async () => {
  const context = await env.browser.newContext();
  await context.route('**/quiz-report*', (route) => route.abort());
  const p = await context.newPage();
  await p.goto(`${env.server.url}/broken.html`);
  const alert = p.locator('#one').getByRole('alert');
  await alert.getByText(/its problems could not be listed/).waitFor();
  assert.match(await alert.textContent(), /broken\.json: not a valid question file.*`quiz validate` lists them/);
  await context.close();
});

test('a late report does not replace the quiz the element shows by then', async () => {
  const { p, context, errors } = await openPage(env.browser, `${env.server.url}/switch.html`);
  const w = p.locator('#w');
  await w.getByText('This file is fine.').waitFor();
  // Slow the report down, then point the element at the broken file and back.
  await context.route('**/quiz-report_bg.wasm', async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  await p.evaluate(() => {
    const element = document.querySelector('#w');
    element.setAttribute('src', 'broken.json');
    setTimeout(() => element.setAttribute('src', 'valid.json'), 200);
  });
  await p.waitForTimeout(1500);
  await w.getByText('This file is fine.').waitFor();
  assert.equal(await w.getByRole('alert').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
