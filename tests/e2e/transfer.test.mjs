// End-to-end: the study face's transfer tools as a learner uses them. Export
// the progress, reset, import the file again and find the answer back; the
// results as CSV, with a formula in a topic defused; a file of another quiz
// refused with its reason, and nothing lost. Their code is quiz-transfer.js
// and its wasm, fetched once, when a tool is first used; without it each
// tool says why it failed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, servedPages } from './browser.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const QUIZ = JSON.stringify({ id: 'transfer', title: 'Transfer', questions: [
  { id: 'q1', type: 'single', topic: '=SUM(1)', prompt: 'Which runs a coroutine?', choices: ['asyncio.run', 'time.sleep'], answer: 0, explanation: 'run.' },
  { id: 'q2', type: 'true_false', prompt: 'One thread runs the loop.', answer: true, explanation: 'One.' }] });
const env = servedPages(path.join(root, 'dist'), { routes: {
  '/full.html': () => ['text/html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/quiz-widget.js"></script></head><body><main>
<quiz-widget controls="full"><script type="application/json">${QUIZ}</script></quiz-widget></main></body></html>`],
} });

async function download(p, button) {
  const [file] = await Promise.all([p.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8'), path: await file.path() };
}

test('export, reset and import bring an answer back; the CSV has a row per answer', async () => {
  const { p, w, context, errors } = await openPage(env.browser, 'about:blank');
  const fetched = [];
  p.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await p.goto(`${env.server.url}/full.html`);
  await w.getByRole('radio', { name: 'asyncio.run' }).check();
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  await p.waitForLoadState('networkidle');
  assert.deepEqual(fetched.filter((f) => f.startsWith('/quiz-transfer')), [], 'nothing of the tools before one is used');

  const exported = await download(p, w.getByRole('button', { name: 'Export progress' }));
  assert.equal(exported.name, 'transfer-progress.json');
  const file = JSON.parse(exported.text);
  assert.equal(file.format, 'quiz-widget-progress');
  assert.equal(file.quiz, 'transfer');
  assert.deepEqual(Object.keys(file.records), ['q1']);

  const csv = await download(p, w.getByRole('button', { name: 'Results as CSV' }));
  assert.equal(csv.name, 'transfer-results.csv');
  const [head, row, ...rest] = csv.text.split('\r\n');
  assert.equal(head, 'question_id,topic,correct,attempts,last_answered,next_review');
  assert.match(row, /^"q1","'=SUM\(1\)",true,1,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,\d{4}-\d\d-\d\dT/);
  assert.deepEqual(rest, ['']);

  await w.getByRole('button', { name: 'Reset progress' }).click();
  await w.getByRole('alertdialog').getByRole('button', { name: 'Reset progress' }).click();
  await w.getByText('0 / 2 answered · 0 correct').waitFor();

  await w.locator('input[type=file]').setInputFiles(exported.path);
  await w.getByRole('status').filter({ hasText: 'Imported: 1 added, 0 updated, 0 already up to date, 0 skipped' }).waitFor();
  await w.getByText('1 / 2 answered · 1 correct').waitFor();
  assert.deepEqual(fetched.filter((f) => f.startsWith('/quiz-transfer')), ['/quiz-transfer.js', '/quiz-transfer_bg.wasm'], 'the tools once, for all three');
  assert.deepEqual(errors, []);
  await context.close();
});

test("another quiz's progress file is refused with its reason, and nothing is lost", async () => {
  const { w, context, errors } = await openPage(env.browser, `${env.server.url}/full.html`);
  await w.getByRole('radio', { name: 'asyncio.run' }).check();
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  const other = JSON.stringify({ format: 'quiz-widget-progress', version: 1, quiz: 'another-quiz', exported: '2026-12-02T00:00:00Z', records: {} });
  await w.locator('input[type=file]').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(other) });
  await w.getByRole('status').filter({ hasText: 'The progress file was not imported: this file holds progress for the quiz "another-quiz", not for "transfer"' }).waitFor();
  await w.locator('input[type=file]').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
  await w.getByRole('status').filter({ hasText: /not imported: this is not a progress file: invalid JSON/ }).waitFor();
  await w.getByText(/1 \/ 2 answered · 1 correct/).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('without the tools module each tool says why, nothing is lost, and a later try works', async () => {
  const { p, w, context } = await openPage(env.browser, `${env.server.url}/full.html`);
  await context.route('**/quiz-transfer*', (route) => route.abort());
  await w.getByRole('radio', { name: 'asyncio.run' }).check();
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  await w.getByRole('button', { name: 'Export progress' }).click();
  await w.getByRole('status').filter({ hasText: /^The file could not be made: .+/ }).waitFor();
  await w.getByRole('button', { name: 'Results as CSV' }).click();
  await w.getByRole('status').filter({ hasText: /^The file could not be made: .+/ }).waitFor();
  const other = JSON.stringify({ format: 'quiz-widget-progress', version: 1, quiz: 'transfer', exported: '2026-12-02T00:00:00Z', records: {} });
  await w.locator('input[type=file]').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(other) });
  await w.getByRole('status').filter({ hasText: /^The progress file was not imported: .+/ }).waitFor();
  await w.getByText('1 / 2 answered · 1 correct').waitFor();
  // Back online: the module is fetched again and the export made.
  await context.unroute('**/quiz-transfer*');
  const exported = await download(p, w.getByRole('button', { name: 'Export progress' }));
  assert.deepEqual(Object.keys(JSON.parse(exported.text).records), ['q1']);
  await context.close();
});
