// End-to-end: Markdown sources on any page. `<quiz-widget src="….md">` and
// an inline `<script type="text/markdown">` are read in the conventions
// `quiz import` reads, by a module fetched only for them: a page with JSON
// questions never fetches it. The importer's problems show in the widget's
// place with their lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { inlineQuizPage } from './serve.mjs';
import { openPage, servedPages } from './browser.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const BANK = `# Week 3 check

**Q1: Basic - [Coroutines]**

What does calling an \`async def\` function return?

A) Its result
B) A coroutine object
C) A thread

**Answer: B**

**Explanation:**
Calling it only creates the coroutine; \`await\` or \`asyncio.run\` runs it.

---

**Order:** Put the steps in order.

1. Define it with \`async def\`
2. Call it
3. Pass it to \`asyncio.run()\`

**Explanation:** \`asyncio.run()\` starts the loop.
`;
const BROKEN = `**Order:** Only one step\n1. Alone\n`;
const page = (body) => () => ['text/html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/quiz-widget.js"></script></head><body><main><h1>Week 3</h1>${body}</main></body></html>`];

const env = servedPages(path.join(root, 'dist'), { routes: {
    '/bank.md': () => ['text/markdown; charset=utf-8', BANK],
    '/broken.md': () => ['text/markdown; charset=utf-8', BROKEN],
    '/src.html': page('<quiz-widget src="bank.md"></quiz-widget>'),
    '/inline.html': page(`<quiz-widget storage-key="week3-inline"><script type="text/markdown">\n${BANK}</script></quiz-widget>`),
    '/broken.html': page('<quiz-widget src="broken.md"></quiz-widget>'),
    '/json.html': inlineQuizPage(JSON.stringify({ id: 'j', title: 'JSON', questions: [
      { id: 'q', type: 'true_false', prompt: 'JSON works.', answer: true, explanation: 'It does.' }] })),
  } });

/** The paths a page fetched. */
function fetched(p) {
  const paths = [];
  p.on('request', (r) => paths.push(new URL(r.url()).pathname));
  return paths;
}

test('src="bank.md": the bank is read, answered, and kept across a reload', async () => {
  const { p, w, context, errors } = await openPage(env.browser, 'about:blank');
  const paths = fetched(p);
  await p.goto(`${env.server.url}/src.html`);
  await w.getByRole('heading', { name: 'Week 3 check' }).waitFor();
  await w.getByText('What does calling an async def function return?').waitFor();
  await w.getByText('A coroutine object').click();
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: 'Correct' }).waitFor();
  assert.ok(paths.includes('/quiz-import_bg.wasm') && paths.includes('/quiz-markdown.js'));
  await p.reload();
  await w.getByRole('status').filter({ hasText: 'Correct' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('inline Markdown is read the same way', async () => {
  const { p, w, context, errors } = await openPage(env.browser, `${env.server.url}/inline.html`);
  await w.getByRole('heading', { name: 'Week 3 check' }).waitFor();
  await w.getByText('A coroutine object').click();
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: 'Correct' }).waitFor();
  // Kept under the element's storage key.
  assert.ok(await p.evaluate(() => Object.keys(localStorage).some((k) => k.includes('week3-inline'))));
  await w.getByRole('button', { name: /Next/ }).first().click();
  await w.getByText('Put the steps in order.').waitFor();
  assert.equal(await w.locator('.ordering li').count(), 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a Markdown bank's problems show in the widget's place, with their lines", async () => {
  const { w, context, errors } = await openPage(env.browser, `${env.server.url}/broken.html`);
  const alert = w.getByRole('alert');
  await alert.getByText('The questions could not be loaded').waitFor();
  assert.match(await alert.textContent(), /broken\.md: 1 problem\(s\)/);
  assert.match(await alert.locator('.diagnostics li').first().textContent(), /^line 1 .*at least two numbered items/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a page with valid JSON questions fetches neither the Markdown reader, the importer nor the report', async () => {
  const { p, w, context, errors } = await openPage(env.browser, 'about:blank');
  const paths = fetched(p);
  await p.goto(`${env.server.url}/json.html`);
  await w.getByText('JSON works.').waitFor();
  await p.waitForLoadState('networkidle');
  assert.deepEqual(paths.filter((f) => /quiz-(markdown|import|report|lang)/.test(f)), []);
  assert.deepEqual(errors, []);
  await context.close();
});
