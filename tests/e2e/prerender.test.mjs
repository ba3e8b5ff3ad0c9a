// End-to-end: pages made by `quiz embed`, whose first screen is rendered
// natively by the widget's own components. Each kind's pre-rendered screen is
// what the browser's wasm renders, node for node; it reads with JavaScript
// off; what a learner does while the test server holds the wasm back is
// graded once it arrives; nothing moves (CLS 0); a page whose CSP forbids wasm
// keeps the question with a note; HTML inserted by script is upgraded; and
// the XSS corpus stays inert in the pre-rendered HTML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { servedPages, openPage, holdWasm, watchShifts, handedOver, shiftsThroughHandover } from './browser.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'dist');
execFileSync('cargo', ['build', '-q', '--locked', '-p', 'quiz-cli'], { cwd: root, stdio: 'inherit' });
const quizBin = path.join(root, 'target/debug/quiz');

/** `quiz embed -` of `quiz` with `args`, as a page gets it. */
const embed = (quiz, ...args) => execFileSync(quizBin, ['embed', '-', ...args], { input: JSON.stringify(quiz), encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });

const read = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
// One question of each kind, from the fixtures, each a quiz of its own.
const sources = ['tests/e2e/fixtures/teacher-file.json', 'examples/my-questions.json', 'tests/e2e/fixtures/all-kinds.json', 'tests/fixtures/xss.json'];
const byKind = new Map();
for (const question of sources.flatMap((file) => read(file).questions)) {
  if (!byKind.has(question.type)) byKind.set(question.type, { ...question, section: undefined });
}
// Every kind the format has: the schema's `type` constants, so a new kind
// is pre-rendered here as soon as it is registered.
const KINDS = [...fs.readFileSync(path.join(root, 'questions.schema.json'), 'utf8').matchAll(/"type": \{\s*"const": "(\w+)"/g)].map((m) => m[1]);
assert.equal(KINDS.length, new Set(KINDS).size);
for (const kind of KINDS) assert.ok(byKind.has(kind), `a fixture has a question of kind ${kind}`);
const oneOf = (type, extra = {}) => ({ id: `kind-${type.replace("_", "-")}`, title: `One ${type} question`, questions: [byKind.get(type)], ...extra });

const SINGLE = {
  id: 'first-screen', title: 'The first screen', language: 'en',
  questions: [
    { id: 'loop', type: 'single', prompt: 'What runs coroutines in asyncio?', choices: ['The event loop', 'A thread pool', 'The GIL'], answer: 0, explanation: 'The loop.' },
    { id: 'word', type: 'short', prompt: 'Which function collects results concurrently?', accept: ['gather', 'asyncio.gather'] },
  ],
};

const page = (body, head = '') => () => ['text/html', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Course</title><link rel="icon" href="data:,">${head}
<script type="module" src="/quiz-widget.js"></script></head><body><main><h1>Course</h1>${body}
<p class="after">Course text below the quiz, which a learner may be reading.</p></main></body></html>`];

// The study page's teacher panel's inline snippet, once a test has copied it.
let panelSnippet = '';

const corpus = read('tests/fixtures/xss.json');
const xssPage = corpus.questions.map((q, i) => embed({ ...corpus, id: `xss-${i}`, questions: [{ ...q, section: undefined }] }, 'solution=immediately')).join('');

const kindsPage = KINDS.map((type) => embed(oneOf(type))).join('\n')
  + embed(oneOf('single', { language: 'de' })) + embed(oneOf('multiple', { language: 'ar' }), 'controls=full');
const env = servedPages(dist, {
  routes: {
    '/kinds.html': page(kindsPage),
    '/single.html': page(embed(SINGLE, 'heading-level=2')),
    '/short.html': page(embed({ ...SINGLE, questions: SINGLE.questions.slice(1) })),
    '/inserted.html': page(`<div id="slot"></div><script type="application/json" id="snippet">${JSON.stringify(embed(SINGLE)).replaceAll('<', '\\u003c')}</script>
<script type="module">document.getElementById('slot').innerHTML = JSON.parse(document.getElementById('snippet').textContent);</script>`),
    '/xss.html': page(xssPage),
    '/tracing.html': page(embed({ id: 'trace-first', title: 'Tracing first', questions: [byKind.get('tracing')] })),
    '/panel.html': () => page(panelSnippet)(),
    '/older.html': page(embed(SINGLE).replace(/data-prerendered="[^"]+"/, 'data-prerendered="0.0.1"')),
  },
});

/** `route` opened in `context` with the wasm held back until `release()`, its layout shifts and page errors collected. */
const heldPage = (route) => async (context) => {
  release = await holdWasm(context);
  await watchShifts(context);
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(`${env.server.url}/${route}`);
  return { p, errors };
};
/** Lets the wasm of the last held page go. */
let release = () => {};

test('every kind\'s first screen is pre-rendered node for node as the wasm renders it', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { p, errors } = await heldPage('kinds.html')(context);
  // A field's value is an attribute in HTML and a property once the wasm
  // sets it: both are written out as the attribute.
  const screens = () => p.evaluate(() => [...document.querySelectorAll('quiz-widget')].map((w) => {
    const host = w.shadowRoot.querySelector('.quiz-widget-host');
    for (const field of host.querySelectorAll('input:not([type=radio], [type=checkbox]), textarea')) {
      const { value } = field;
      field.removeAttribute('value');
      field.setAttribute('value', value);
    }
    return host.innerHTML;
  }));
  const pre = await screens();
  assert.equal(pre.length, KINDS.length + 2);
  release();
  await handedOver(p);
  const live = await screens();
  for (const [i, html] of pre.entries()) {
    assert.ok(html.includes('<section'), `widget ${i} was pre-rendered`);
    assert.equal(live[i], html, `${KINDS[i] ?? 'a language'}: the live screen differs from the pre-rendered one`);
  }
  assert.deepEqual(await p.evaluate(() => window.shifts), [], 'no layout shift through load and handover');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the pre-rendered question reads with JavaScript off', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  const p = await context.newPage();
  await p.goto(`${env.server.url}/single.html`);
  const widget = p.locator('quiz-widget');
  await widget.getByText('What runs coroutines in asyncio?').waitFor();
  assert.ok(await widget.getByRole('radio', { name: 'The event loop' }).isVisible());
  assert.equal(await p.locator('h2').first().textContent(), 'The first screen');
  await context.close();
});

test('a choice and a Check made before the wasm arrives are graded once it does', async () => {
  const context = await env.browser.newContext({ viewport: { width: 375, height: 700 } });
  const { p, errors } = await heldPage('single.html')(context);
  await p.evaluate(() => {
    window.answers = [];
    document.addEventListener('quiz-answer', (e) => window.answers.push(e.detail));
  });
  const widget = p.locator('quiz-widget');
  await widget.getByRole('radio', { name: 'The event loop' }).check();
  await widget.getByRole('button', { name: 'Check' }).click();
  assert.equal(new URL(p.url()).search, '', 'the early Check did not leave the page');
  release();
  await handedOver(p);
  await widget.getByText('Correct').first().waitFor();
  assert.ok(await widget.getByRole('radio', { name: 'The event loop' }).isChecked());
  const answers = await p.evaluate(() => window.answers);
  assert.equal(answers.length, 1, 'graded once');
  assert.equal(answers[0].correct, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new learner\'s load and handover shift nothing on a phone, with course text below', async () => {
  const context = await env.browser.newContext({ viewport: { width: 375, height: 700 }, isMobile: true });
  const { p, errors } = await heldPage('single.html')(context);
  assert.deepEqual(await shiftsThroughHandover(p, release), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('typed text and focus carry over; Enter in the field before the wasm checks once it arrives', async () => {
  const context = await env.browser.newContext({ viewport: { width: 320, height: 700 } });
  const { p, errors } = await heldPage('short.html')(context);
  const widget = p.locator('quiz-widget');
  const field = widget.getByRole('textbox');
  await field.fill('asyncio.gather');
  await field.press('Enter');
  release();
  await handedOver(p);
  await widget.getByText('Correct').first().waitFor();
  assert.equal(await field.inputValue(), 'asyncio.gather');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a focused choice keeps focus through the handover, for a keyboard learner', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { p } = await heldPage('single.html')(context);
  const widget = p.locator('quiz-widget');
  await widget.getByRole('radio', { name: 'A thread pool' }).focus();
  release();
  await handedOver(p);
  const focused = await p.evaluate(() => {
    const root = document.querySelector('quiz-widget').shadowRoot;
    return root.querySelector(`label[for="${root.activeElement?.id}"]`)?.textContent;
  });
  assert.match(focused ?? '', /A thread pool/);
  await context.close();
});

test('a choice\'s letter picks it before the wasm arrives, and the pick is carried over', async () => {
  const context = await env.browser.newContext();
  const { p, errors } = await heldPage('single.html')(context);
  const widget = p.locator('quiz-widget');
  await widget.getByRole('radio', { name: 'The event loop' }).focus();
  await p.keyboard.press('c');
  assert.ok(await widget.getByRole('radio', { name: 'The GIL' }).isChecked());
  release();
  await handedOver(p);
  await p.waitForTimeout(100);
  assert.ok(await widget.getByRole('radio', { name: 'The GIL' }).isChecked());
  assert.equal(await widget.locator('.choice[data-picked]').count(), 1, 'the live widget has the pick');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Check pressed early on a tracing question that needs its line leaves focus on the line to pick', async () => {
  const context = await env.browser.newContext();
  const { p, errors } = await heldPage('tracing.html')(context);
  const widget = p.locator('quiz-widget');
  await widget.getByRole('radio', { name: 'No' }).check();
  await widget.getByRole('button', { name: 'Check' }).click();
  release();
  await handedOver(p);
  await p.waitForFunction(() => document.querySelector('quiz-widget').shadowRoot.activeElement?.tagName === 'SELECT');
  assert.ok(await widget.getByRole('radio', { name: 'No' }).isChecked());
  assert.deepEqual(errors, []);
  await context.close();
});

test('a choice picked before the handover module arrives lets Check be pressed once it has', async () => {
  const context = await env.browser.newContext();
  // The handover module comes late too, as on a slow network.
  let arrive;
  const arrived = new Promise((resolve) => { arrive = resolve; });
  await context.route('**/quiz-handover.js', async (route) => { await arrived; await route.continue(); });
  const { p, errors } = await heldPage('single.html')(context);
  const widget = p.locator('quiz-widget');
  await widget.getByRole('radio', { name: 'The event loop' }).check();
  arrive();
  const check = widget.getByRole('button', { name: 'Check' });
  await p.waitForFunction(() => !document.querySelector('quiz-widget').shadowRoot.querySelector('button[type="submit"]').disabled, null, { timeout: 10_000 });
  await check.click();
  release();
  await handedOver(p);
  await widget.getByText('Correct').first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a returning learner\'s pre-rendered screen waits, untouchable, for their own', async () => {
  const context = await env.browser.newContext();
  const first = await context.newPage();
  await first.goto(`${env.server.url}/single.html`);
  await handedOver(first);
  const widget = first.locator('quiz-widget');
  await widget.getByRole('radio', { name: 'The event loop' }).check();
  await widget.getByRole('button', { name: 'Check' }).click();
  await widget.getByText('Correct').first().waitFor();
  await widget.getByRole('button', { name: /Next/ }).first().click();
  await widget.getByText('Which function collects results concurrently?').waitFor();
  await first.close();
  const { p } = await heldPage('single.html')(context);
  await p.waitForFunction(() => document.querySelector('quiz-widget').shadowRoot.querySelector('[data-prerendered][inert]'));
  release();
  await handedOver(p);
  await p.locator('quiz-widget').getByText('Which function collects results concurrently?').waitFor();
  await context.close();
});

test('where wasm may not run (CSP), the question stays with a note, and the page has no error', async () => {
  const context = await env.browser.newContext();
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await context.route('**/csp.html', async (r) => {
    const response = await r.fetch({ url: `${env.server.url}/single.html` });
    await r.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "script-src 'self'" } });
  });
  await p.goto(`${env.server.url}/csp.html`);
  const widget = p.locator('quiz-widget');
  await widget.getByText('cannot be answered here').waitFor();
  assert.ok(await widget.getByText('What runs coroutines in asyncio?').isVisible());
  // Picking does not offer a Check that cannot work.
  await widget.getByRole('radio', { name: 'The event loop' }).check();
  assert.ok(await widget.getByRole('button', { name: 'Check' }).isDisabled());
  assert.deepEqual(errors, []);
  await context.close();
});

test('a snippet inserted with innerHTML (an inert template) is upgraded by the loader', async () => {
  const { p, w, context, errors } = await openPage(env.browser, `${env.server.url}/inserted.html`);
  await handedOver(p);
  await w.getByRole('radio', { name: 'The event loop' }).check();
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByText('Correct').first().waitFor();
  assert.equal(await p.locator('#slot template').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a snippet of another release gets this release\'s stylesheet; one of this release needs none', async () => {
  const links = async (route) => {
    const { p, context } = await openPage(env.browser, `${env.server.url}/${route}`);
    await handedOver(p);
    const found = await p.evaluate(() => document.querySelector('quiz-widget').shadowRoot.querySelectorAll('link[rel=stylesheet]').length);
    await context.close();
    return found;
  };
  assert.equal(await links('single.html'), 0);
  assert.equal(await links('older.html'), 1);
});

test('the XSS corpus stays inert in pre-rendered screens', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const p = await context.newPage();
  await p.goto(`${env.server.url}/xss.html`);
  const bad = await p.evaluate(() => {
    const found = [];
    for (const widget of document.querySelectorAll('quiz-widget')) {
      for (const el of widget.shadowRoot?.querySelectorAll('*') ?? []) {
        for (const attr of el.getAttributeNames()) if (attr.startsWith('on')) found.push(`${el.tagName} has ${attr}`);
        if (['SCRIPT', 'IMG', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName)) found.push(`a ${el.tagName} element`);
        if (el.hasAttribute('src')) found.push(`${el.tagName} has src`);
      }
      for (const a of widget.shadowRoot?.querySelectorAll('a[href]') ?? []) {
        const url = new URL(a.getAttribute('href'), location.href);
        if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) found.push(`link to ${a.getAttribute('href')}`);
        if (a.rel !== 'noopener noreferrer') found.push(`link without rel: ${a.href}`);
      }
    }
    return { found, shown: document.querySelectorAll('quiz-widget').length, rooted: [...document.querySelectorAll('quiz-widget')].filter((w) => w.shadowRoot).length };
  });
  assert.equal(bad.rooted, bad.shown, 'every snippet has its shadow root');
  assert.deepEqual(bad.found, []);
  await context.close();
});

test("the teacher panel's snippet pre-renders: readable without JavaScript, an early answer graded, nothing moves", async () => {
  const study = await env.browser.newContext();
  const p = await study.newPage();
  await p.goto(`${env.server.url}/`);
  const panel = p.locator('.teacher-panel');
  await panel.getByLabel('Question JSON').fill(JSON.stringify(SINGLE));
  await panel.getByText(/✓ Valid: 2 items/).waitFor();
  const inline = panel.locator('.snippet').filter({ hasText: '<template shadowrootmode' }).nth(1);
  await inline.waitFor();
  panelSnippet = await inline.textContent();
  await study.close();

  const off = await env.browser.newContext({ javaScriptEnabled: false });
  const still = await off.newPage();
  await still.goto(`${env.server.url}/panel.html`);
  assert.ok(await still.locator('quiz-widget').getByRole('radio', { name: 'The event loop' }).isVisible());
  await off.close();

  const quiet = await env.browser.newContext({ viewport: { width: 375, height: 700 } });
  const { p: idle } = await heldPage('panel.html')(quiet);
  assert.deepEqual(await shiftsThroughHandover(idle, release), [], 'no layout shift through load and handover');
  await quiet.close();

  const context = await env.browser.newContext({ viewport: { width: 375, height: 700 } });
  const { p: early, errors } = await heldPage('panel.html')(context);
  const widget = early.locator('quiz-widget');
  await widget.getByRole('radio', { name: 'The event loop' }).check();
  await widget.getByRole('button', { name: 'Check' }).click();
  release();
  await handedOver(early);
  await widget.getByText('Correct').first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
