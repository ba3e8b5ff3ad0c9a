// End-to-end: interface languages beside English are data, fetched by a
// page that needs one: a German quiz (or lang="de") loads German from
// quiz-lang-de.json, once for all its widgets; an English page never fetches
// it; without the file the quiz works in English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openPage, servedPages } from './browser.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const quiz = (language) => JSON.stringify({ id: `lang-${language.toLowerCase()}`, title: 'Sprachen', language, questions: [
  { id: 'q', type: 'true_false', prompt: 'Asyncio runs on one thread.', answer: true, explanation: 'One loop.' },
  { id: 'r', type: 'single', prompt: 'Which runs a coroutine?', choices: ['asyncio.run', 'time.sleep'], answer: 0, explanation: 'run.' }] });
const page = (body, lang = 'en') => () => ['text/html', `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/quiz-widget.js"></script></head><body><main>${body}</main></body></html>`];
const inline = (json, attrs = '') => `<quiz-widget ${attrs}><script type="application/json">${json}</script></quiz-widget>`;

const env = servedPages(path.join(root, 'dist'), { routes: {
  '/de.html': page(inline(quiz('de'), 'id="one"') + inline(quiz('de-AT'), 'id="two" storage-key="two"'), 'de'),
  '/attr.html': page(inline(quiz('en'), 'id="w" lang="de"')),
  '/en.html': page(inline(quiz('en'), 'id="w"')),
} });

function fetched(p) {
  const paths = [];
  p.on('request', (r) => paths.push(new URL(r.url()).pathname));
  return paths;
}

test('a German quiz loads German, one file for all the widgets of the page', async () => {
  const { p, context, errors } = await openPage(env.browser, 'about:blank');
  const paths = fetched(p);
  await p.goto(`${env.server.url}/de.html`);
  for (const id of ['one', 'two']) {
    const w = p.locator(`#${id}`);
    await w.getByRole('radio', { name: 'Wahr' }).check();
    await w.getByRole('button', { name: 'Prüfen' }).click();
    await w.getByRole('status').filter({ hasText: 'Richtig!' }).waitFor();
    assert.match(await w.locator('.quiz-widget').first().textContent(), /1 \/ 2 beantwortet · 1 richtig/);
    assert.match(await w.locator('.quiz-widget').first().getAttribute('lang'), /^de/);
  }
  assert.equal(paths.filter((f) => f === '/quiz-lang-de.json').length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('lang="de" on the element speaks German to an English quiz', async () => {
  const { w, context, errors } = await openPage(env.browser, `${env.server.url}/attr.html`);
  await w.getByRole('button', { name: 'Prüfen' }).waitFor();
  assert.ok(await w.getByRole('radio', { name: 'Falsch' }).isVisible());
  assert.deepEqual(errors, []);
  await context.close();
});

test('an English page fetches no language file', async () => {
  const { p, context, errors } = await openPage(env.browser, 'about:blank');
  const paths = fetched(p);
  await p.goto(`${env.server.url}/en.html`);
  await p.locator('#w').getByRole('button', { name: 'Check' }).waitFor();
  await p.waitForLoadState('networkidle');
  assert.deepEqual(paths.filter((f) => f.startsWith('/quiz-lang')), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without the language file the quiz works in English, with a warning in the console', async () => {
  const context = await env.browser.newContext();
  await context.route('**/quiz-lang-de.json', (route) => route.abort());
  const p = await context.newPage();
  const warnings = [];
  p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await p.goto(`${env.server.url}/de.html`);
  const w = p.locator('#one');
  await w.getByRole('radio', { name: 'True' }).check();
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  assert.ok(warnings.some((t) => /quiz-lang-de\.json: .*stays in English/.test(t)), warnings.join('\n'));
  await context.close();
});
