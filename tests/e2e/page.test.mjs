// End-to-end: `quiz page` writes one HTML file that runs a quiz with nothing
// beside it. A learner opens it from disk (`file://`) with the network off,
// answers, reloads and finds the answer kept; a German quiz gets its
// interface language from inside the page too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch } from './browser.mjs';

const root = path.resolve(import.meta.dirname, '../..');
execFileSync('cargo', ['build', '-q', '--locked', '-p', 'quiz-cli'], { cwd: root, stdio: 'inherit' });
const quizBin = path.join(root, 'target/debug/quiz');
// A folder of its own, as on a USB stick: the page and nothing else.
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-page-'));

const QUIZ = {
  id: 'offline', title: 'Offline & <alone>', language: 'en',
  questions: [
    { id: 'loop', type: 'single', prompt: 'What runs coroutines in asyncio?', choices: ['The event loop', 'A thread pool'], answer: 0, explanation: 'The loop.' },
    { id: 'await', type: 'true_false', prompt: '`await` pauses the coroutine.', answer: true, explanation: 'It does.' },
  ],
};

/** Writes `quiz` as a page with `attributes`; returns its file:// URL. */
function page(name, quiz, attributes = []) {
  const source = path.join(os.tmpdir(), `${name}.json`);
  fs.writeFileSync(source, JSON.stringify(quiz));
  const out = path.join(folder, `${name}.html`);
  execFileSync(quizBin, ['page', source, '--out', out, ...attributes], { stdio: 'pipe' });
  return `file://${out}`;
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); fs.rmSync(folder, { recursive: true, force: true }); });

/** A context with the network off: every http(s) request is refused and counted. */
async function offline() {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const network = [];
  await context.route(/^https?:/, (route) => { network.push(route.request().url()); return route.abort(); });
  await context.setOffline(true);
  return { context, network };
}

test('a page opened from disk, offline, runs the quiz and keeps the answer across a reload', async () => {
  const url = page('offline', QUIZ);
  assert.deepEqual(fs.readdirSync(folder), ['offline.html'], 'one file');
  const { context, network } = await offline();
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(url);
  assert.equal(await p.title(), 'Offline & <alone>');
  const w = p.locator('quiz-widget');
  // The live widget, not the pre-rendered screen: its Check responds.
  await w.getByRole('radio', { name: /The event loop/ }).check();
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByText('Correct!').waitFor({ timeout: 15_000 });
  await p.reload();
  await w.getByText('1 / 2 answered').waitFor({ timeout: 15_000 });
  assert.ok(await w.getByRole('radio', { name: /The event loop/ }).isChecked(), 'the answer is kept');
  assert.deepEqual(network, [], 'nothing went to the network');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a German quiz speaks German, from inside the page', async () => {
  const url = page('deutsch', { ...QUIZ, id: 'offline-de', title: 'Ohne Netz', language: 'de' });
  const { context, network } = await offline();
  const p = await context.newPage();
  await p.goto(url);
  const w = p.locator('quiz-widget');
  await w.getByRole('radio', { name: /The event loop/ }).check();
  await w.getByRole('button', { name: 'Prüfen' }).click();
  await w.getByText('Richtig!').waitFor({ timeout: 15_000 });
  assert.deepEqual(network, []);
  await context.close();
});

test('a bad question file makes no page and says why', () => {
  const source = path.join(os.tmpdir(), 'bad-page.json');
  fs.writeFileSync(source, JSON.stringify({ ...QUIZ, questions: [{ ...QUIZ.questions[0], answer: 5 }] }));
  const out = path.join(os.tmpdir(), 'bad-page.html');
  fs.rmSync(out, { force: true });
  let failure;
  try {
    execFileSync(quizBin, ['page', source, '--out', out], { stdio: 'pipe' });
  } catch (error) {
    failure = error;
  }
  assert.equal(failure?.status, 1);
  assert.match(String(failure.stderr), /answer/);
  assert.ok(!fs.existsSync(out), 'no page is written');
});
