// End-to-end: the <quiz-widget> element on course pages: the shipped example,
// a hostile stylesheet, a strict Content-Security-Policy, broken sources,
// attribute changes, events for the host page, and the teacher panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';

const root = path.resolve(import.meta.dirname, '../..');
// Exactly the policy the embedding contract promises to work under.
const CSP = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const page = (body, head = '') => ['text/html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/quiz-widget.js"></script>${head}</head><body>${body}</body></html>`];

const INLINE = `<script type="application/json">{"id": "inline-one", "title": "Inline One", "questions": [
  {"id": "a", "type": "true_false", "prompt": "Inline statement", "answer": true, "explanation": "Yes."}]}</script>`;

// A teacher's long code lines in a choice and in an ordering item.
const LONG_LINE = '```python\nprint("' + 'x'.repeat(90) + '")\n```';
const LONG_CODE = JSON.stringify({ id: 'long-code', title: 'Long lines', questions: [
  { id: 's', type: 'single', prompt: 'Which prints?', choices: [LONG_LINE, 'https://docs.python.org/3/library/asyncio-task.html#asyncio.TaskGroup.create_task'], answer: 0 },
  { id: 'o', type: 'ordering', prompt: 'Order them.', items: [LONG_LINE, 'b', 'c'] }] });

// (module (func (export "boom") unreachable))
const TRAPPING_WASM = Buffer.from([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0,
  7, 8, 1, 4, 98, 111, 111, 109, 0, 0, 10, 5, 1, 3, 0, 0, 11]);

let server, cspServer, browser;

before(async () => {
  const routes = {
    '/hostile.html': () => page(`<quiz-widget id="w" src="/examples/my-questions.json"></quiz-widget>`,
      '<style>* { all: revert; font-size: 40px !important; } button { display: none !important; } div { background: red; }</style>'),
    '/broken.html': () => page(`<quiz-widget id="bad" src="/missing.json"></quiz-widget>
      <quiz-widget id="invalid"><script type="application/json">{"id": "x", "title": "T", "questions": [{"id": "q", "type": "single", "prompt": "p", "choices": ["a"], "answer": 2}]}</script></quiz-widget>
      <quiz-widget id="good">${INLINE}</quiz-widget>`),
    '/twins.html': () => page(`<quiz-widget id="one">${INLINE}</quiz-widget><quiz-widget id="two" src="/examples/my-questions.json"></quiz-widget>`),
    '/bundled.html': () => page(`<quiz-widget id="b" section="flashcards"></quiz-widget>`),
    '/long-code.html': () => page(`<quiz-widget id="long"><script type="application/json">${LONG_CODE}</script></quiz-widget>`,
      '<meta name="viewport" content="width=device-width, initial-scale=1">'),
    // Another wasm module on the page, whose only function traps.
    '/game_bg.wasm': () => ['application/wasm', TRAPPING_WASM],
  };
  server = await serve(path.join(root, 'dist'), { routes });
  cspServer = await serve(path.join(root, 'dist'), { headers: { 'content-security-policy': CSP } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await cspServer?.close();
});

async function open(url) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const p = await context.newPage();
  const errors = [];
  const requested = [];
  p.on('request', (r) => requested.push(new URL(r.url()).pathname));
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await p.goto(url);
  return { page: p, context, errors, requested };
}

test('the example course page: an inline and a src widget, independent, with events for the page', async () => {
  const { page: p, context, errors, requested } = await open(cspServer.url + '/examples/course-page.html');
  const inline = p.locator('#inline-quiz');
  const fromFile = p.locator('#file-quiz');
  await inline.getByRole('heading', { name: 'Quick check: coroutines' }).waitFor();
  await fromFile.getByRole('heading', { name: 'Practice set: tasks and gathering' }).waitFor();
  // The widget renders in an open shadow root.
  assert.equal(await p.evaluate(() => document.querySelector('#inline-quiz').shadowRoot.mode), 'open');

  await inline.getByRole('radio', { name: 'False' }).check();
  await inline.getByRole('button', { name: 'Check' }).click();
  await inline.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  await p.locator('#log li').first().waitFor();
  const first = await p.locator('#log li').first().textContent();
  assert.equal(first, 'quiz-answer {"quizId":"week3-inline","questionId":"await-where","kind":"true_false","correct":true,"attempts":1,"rating":null,"topic":"await","response":false,"score":1,"maxScore":1}');
  assert.match(await fromFile.locator('.progress-text').textContent(), /^0 \/ 8 answered/, 'the other widget is untouched');

  await inline.getByRole('button', { name: 'Next →' }).first().click();
  await inline.getByRole('textbox', { name: 'Your answer' }).fill('asyncio.run');
  await inline.getByRole('button', { name: 'Check' }).click();
  await inline.getByRole('button', { name: 'Next →' }).first().click();
  await inline.getByRole('heading', { name: 'Summary' }).waitFor();
  await p.locator('#log li').nth(2).waitFor();
  assert.equal(await p.locator('#log li').nth(2).textContent(), 'quiz-complete {"quizId":"week3-inline","section":null,"score":2,"maxScore":2,"passed":null,"correct":2,"graded":2,"total":2,'
    + '"results":[{"questionId":"await-where","correct":true,"score":1,"maxScore":1},{"questionId":"run-name","correct":true,"score":1,"maxScore":1}]}');
  assert.deepEqual(errors, [], 'no console errors and no CSP violations');
  // Course pages get the widget's own module, not the study page's (with its teacher panel).
  assert.ok(requested.includes('/quiz-widget-embed_bg.wasm'), requested.join(' '));
  assert.deepEqual(requested.filter((r) => r.includes('quiz-widget-app')), []);
  // The element starts the src fetch while the wasm loads, and the widget takes it over: one request.
  assert.deepEqual(requested.filter((r) => r.endsWith('.json')), ['/examples/my-questions.json']);
  await context.close();
});

test('the example course page fits 320 px, the logged events included', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const p = await context.newPage();
  await p.goto(server.url + '/examples/course-page.html');
  const inline = p.locator('#inline-quiz');
  await inline.getByRole('radio', { name: 'True' }).check();
  await inline.getByRole('button', { name: 'Check' }).click();
  await p.locator('#log li').first().waitFor();
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  await context.close();
});

test('long code lines in choices and ordering items scroll in their box at 320 px; the page does not', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const p = await context.newPage();
  await p.goto(server.url + '/long-code.html');
  const widget = p.locator('#long');
  const sideways = () => p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await widget.getByRole('radio').first().waitFor();
  assert.equal(await sideways(), 0, 'single choice');
  // The code scrolls inside its box, which stays within the choice.
  const [pre, choice] = await Promise.all([widget.locator('.choice pre').boundingBox(), widget.locator('.choice').first().boundingBox()]);
  assert.ok(pre.x + pre.width <= choice.x + choice.width, `${JSON.stringify(pre)} in ${JSON.stringify(choice)}`);
  await widget.getByRole('button', { name: 'Next →' }).click();
  await widget.getByRole('button', { name: 'Move down' }).first().waitFor();
  assert.equal(await sideways(), 0, 'ordering');
  await context.close();
});

test('a hostile page stylesheet does not break the widget', async () => {
  const { page: p, context } = await open(server.url + '/hostile.html');
  const widget = p.locator('#w');
  await widget.getByRole('heading', { name: 'Practice set: tasks and gathering' }).waitFor();
  const check = widget.getByRole('button', { name: 'Check' });
  assert.equal(await check.isVisible(), true, 'buttons inside the shadow root stay visible');
  await widget.getByRole('radio', { name: /A list of both results/ }).check();
  await check.click();
  await widget.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  const fontSize = await widget.locator('.quiz-body legend').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(fontSize < 30, `legend font size ${fontSize}px`);
  await context.close();
});

test('a broken src or invalid inline file shows its own error while other widgets work', async () => {
  const { page: p, context } = await open(server.url + '/broken.html');
  await p.locator('#bad').getByRole('alert').filter({ hasText: '/missing.json: the server answered 404 Not Found' }).waitFor();
  const invalid = p.locator('#invalid').getByRole('alert');
  // The problems come from the report module, fetched for this file.
  await invalid.getByText(/only one choice: give at least two/).waitFor();
  const good = p.locator('#good');
  await good.getByRole('radio', { name: 'True' }).check();
  await good.getByRole('button', { name: 'Check' }).click();
  await good.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  await context.close();
});

test('without its wasm the element says so in its own box', async () => {
  const context = await browser.newContext();
  await context.route('**/quiz-widget-embed_bg.wasm', (route) => route.abort());
  const p = await context.newPage();
  await p.goto(server.url + '/twins.html');
  await p.locator('#one').getByRole('alert').filter({ hasText: 'This quiz could not be loaded' }).waitFor();
  await p.locator('#two').getByRole('alert').filter({ hasText: 'This quiz could not be loaded' }).waitFor();
  await context.close();
});

test('a trap in the widget\'s wasm is reported in every widget, and one in another module is not', async () => {
  const { page: p, context, errors } = await open(server.url + '/twins.html');
  const notices = p.locator('.quiz-widget-crash[role=alert]');
  await p.locator('#one').getByRole('heading', { name: 'Inline One' }).waitFor();
  await p.locator('#two').getByRole('heading', { name: 'Practice set: tasks and gathering' }).waitFor();
  // Another module's trap: the widgets are fine and say nothing.
  await p.evaluate(async () => {
    const { instance } = await WebAssembly.instantiateStreaming(fetch('/game_bg.wasm'));
    setTimeout(() => instance.exports.boom());
  });
  await p.waitForTimeout(200);
  assert.equal(await notices.count(), 0);
  // The widget's own module aborts (as a panic does in the release build): an
  // impossible allocation through its real exports traps it.
  await p.evaluate(async () => {
    const exports = await (await import('/quiz-widget-embed.js')).default();
    setTimeout(() => exports.__wbindgen_malloc(0xfffffff0, 8));
  });
  await p.locator('#one').getByRole('alert').filter({ hasText: 'This quiz stopped because of an internal error' }).waitFor();
  await p.locator('#two').getByRole('alert').filter({ hasText: 'This quiz stopped because of an internal error' }).waitFor();
  assert.equal(await notices.count(), 2);
  assert.equal(errors.filter((e) => e.includes('unreachable')).length, 2, errors.join('\n'));
  await context.close();
});

test('two instances are independent, and attribute changes after load take effect', async () => {
  const { page: p, context, requested: fetched } = await open(server.url + '/twins.html');
  const one = p.locator('#one');
  const two = p.locator('#two');
  await one.getByRole('heading', { name: 'Inline One' }).waitFor();
  await two.getByRole('heading', { name: 'Practice set: tasks and gathering' }).waitFor();
  await one.getByRole('radio', { name: 'True' }).check();
  await one.getByRole('button', { name: 'Check' }).click();
  await one.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  assert.match(await two.locator('.progress-text').textContent(), /^0 \/ 8 answered/);
  // Change the second widget's source and mode after load.
  await p.evaluate(() => document.querySelector('#two').setAttribute('mode', 'flashcards'));
  await two.getByText('What does the event loop do while a coroutine awaits I/O?').waitFor();
  // Another attribute keeps the quiz: its file is not fetched again.
  assert.equal(fetched.filter((f) => f === '/examples/my-questions.json').length, 1);
  await p.evaluate(() => document.querySelector('#two').setAttribute('src', '/questions.json'));
  await two.getByRole('heading', { name: 'Async Programming in Python' }).waitFor();
  assert.equal(fetched.filter((f) => f === '/questions.json').length, 1);
  await context.close();
});

test('without src or inline JSON the bundled questions load, and section narrows them', async () => {
  const { page: p, context } = await open(server.url + '/bundled.html');
  const widget = p.locator('#b');
  await widget.getByRole('heading', { name: 'Async Programming in Python' }).waitFor();
  await widget.getByText('What is the event loop in Python asyncio and how does it schedule coroutines?').waitFor();
  assert.match(await widget.locator('.progress-text').textContent(), /^0 \/ 5 completed/);
  assert.equal(await widget.getByLabel('Section').count(), 0, 'the host fixed the section');
  await context.close();
});

test('the teacher panel reports a broken file and previews a good one', async () => {
  const { page: p, context } = await open(server.url + '/');
  const panel = p.locator('.teacher-panel');
  await panel.getByRole('heading', { name: 'Try your own questions' }).waitFor();
  const box = panel.getByLabel('Question JSON');
  await box.fill('{\n  "id": "mine",\n  "title": "Mine",\n  "questions": [\n    {"id": "q", "type": "singel", "prompt": "p"}\n  ]\n}');
  const report = panel.getByRole('alert');
  await report.waitFor();
  assert.match(await report.textContent(), /1 problem to fix/);
  assert.match(await report.textContent(), /5:25questions\[0\]\.typeunknown question type "singel"; did you mean "single"\?/);
  assert.match(await panel.locator('.snippet').first().textContent(), /<quiz-widget src="my-questions.json">/);
  const mine = '{"id": "mine", "title": "My Own Quiz", "questions": [{"id": "q", "type": "true_false", "prompt": "Mine is valid. </script> stays text.", "answer": true, "explanation": "e"}]}';
  await box.fill(mine);
  await panel.getByText('✓ Valid: 1 item. Preview:').waitFor();
  await panel.getByRole('heading', { name: 'My Own Quiz' }).waitFor();
  await panel.getByRole('radio', { name: 'True' }).check();
  await panel.getByRole('button', { name: 'Check' }).click();
  await panel.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  // The snippets follow what was pasted, each with the first screen
  // pre-rendered: a src snippet named after the quiz, and the file inline,
  // where no `</script>` in the text can end the script.
  await panel.locator('.snippet').filter({ hasText: '<template shadowrootmode' }).first().waitFor();
  const [srcSnippet, inlineSnippet] = await panel.locator('.snippet').allTextContents();
  assert.match(srcSnippet, /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/quiz-widget\.js"><\/script>\n<quiz-widget src="mine.json">\n<template shadowrootmode="open"><style>.+<\/style><div class="quiz-widget-host" data-prerendered="[\d.]+" data-key="mine"><section .+<\/section><\/div><\/template><\/quiz-widget>$/);
  assert.match(inlineSnippet, /<\/template><script type="application\/json">\{"id":"mine"/);
  assert.match(inlineSnippet, /Mine is valid\. \\u003c\/script> stays text\./);
  assert.equal(inlineSnippet.match(/<\/script>/g).length, 2, 'only the two real closing tags');
  // The pasted file downloads under the name the snippet uses.
  const [download] = await Promise.all([p.waitForEvent('download'), panel.getByRole('button', { name: 'Download mine.json' }).click()]);
  assert.equal(download.suggestedFilename(), 'mine.json');
  const saved = await download.path();
  assert.equal((await import('node:fs')).readFileSync(saved, 'utf8'), mine);
  await context.close();
});
