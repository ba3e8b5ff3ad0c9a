// End-to-end: the README's first embed, as written, on a self-hosted page
// (the files unzipped as /quiz/), and what a learner sees when the widget's
// files cannot be had: the text inside the element stays, in the element's
// place, for a wrong path and for files on another origin without the CORS
// header the README names; with the header, the quiz works from there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { serve } from './serve.mjs';
import { launch, openPage } from './browser.mjs';
import { section as docSection } from './docs.mjs';

const root = path.resolve(import.meta.dirname, '../..');
// The section a teacher follows, in whichever document it is (README.md today).
const { text: section } = docSection('## Putting a quiz on a course page');
// The first html block of the section, as a teacher pastes it.
const snippet = section.match(/```html\n([\s\S]*?)```/)[1];
const fallback = snippet.match(/<quiz-widget[^>]*><p>([^<]+)<\/p>/)[1];
// The section's pre-rendered embed: its first `quiz embed` line, run as
// written in the teacher's folder, after the script line it names.
const embedLine = section.match(/^quiz embed .*$/m)[0];
const scriptLine = section.match(/`(<script type="module" src="\/quiz\/quiz-widget.js"><\/script>)`/)[1];
const shell = (body) => ['text/html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Week 3</title></head><body><main><h1>Week 3</h1>\n${body}\n<p id="after">Course text below the quiz.</p></main></body></html>`];

let site, files, corsFiles, browser, folder;

before(async () => {
  // A host with the zip's files as /quiz/ and the teacher's question file beside the page.
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-self-hosted-'));
  fs.symlinkSync(path.join(root, 'dist'), path.join(folder, 'quiz'));
  fs.copyFileSync(path.join(root, 'examples/my-questions.json'), path.join(folder, 'my-questions.json'));
  execFileSync('cargo', ['build', '-q', '--locked', '-p', 'quiz-cli'], { cwd: root, stdio: 'inherit' });
  execFileSync(path.join(path.resolve(root, process.env.CARGO_TARGET_DIR ?? 'target'), 'debug/quiz'), embedLine.split(/\s+/).slice(1), { cwd: folder, stdio: 'pipe' });
  const prerendered = fs.readFileSync(path.join(folder, embedLine.match(/--out (\S+)/)[1]), 'utf8');
  files = await serve(folder);
  corsFiles = await serve(folder, { headers: { 'access-control-allow-origin': '*' } });
  const elsewhere = (host) => snippet.replace('/quiz/quiz-widget.js', `${host.url}/quiz/quiz-widget.js`).replace('"my-questions.json"', `"${host.url}/my-questions.json"`);
  site = await serve(folder, {
    routes: {
      '/readme.html': () => shell(snippet),
      '/prerendered.html': () => shell(`${scriptLine}\n${prerendered}`),
      '/wrong-path.html': () => shell(snippet.replace('/quiz/quiz-widget.js', '/quizz/quiz-widget.js')),
      '/no-cors.html': () => shell(elsewhere(files)),
      '/cors.html': () => shell(elsewhere(corsFiles)),
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await Promise.all([site, files, corsFiles].map((s) => s?.close()));
  fs.rmSync(folder, { recursive: true, force: true });
});

/** The quiz answered once, as a learner would: it is the widget, working. */
async function answerOnce(w) {
  await w.getByRole('heading', { level: 2 }).first().waitFor();
  await w.getByRole('radio').first().check();
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').first().waitFor();
}

test("the README's embed, as written, works self-hosted, and its text inside the element is not shown once the widget starts", async () => {
  const { p, w, context, errors } = await openPage(browser, `${site.url}/readme.html`);
  await answerOnce(w);
  assert.equal(await p.getByText(fallback).isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the README's pre-rendered embed, as written: the question reads with JavaScript off, and once live it answers with no layout shift", async () => {
  const off = await browser.newContext({ javaScriptEnabled: false });
  const still = await off.newPage();
  await still.goto(`${site.url}/prerendered.html`);
  await still.locator('quiz-widget').getByRole('radio').first().waitFor();
  await off.close();
  const context = await browser.newContext({ viewport: { width: 375, height: 700 } });
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => window.shifts.push(...list.getEntries())).observe({ type: 'layout-shift', buffered: true });
  });
  await p.goto(`${site.url}/prerendered.html`);
  await p.waitForFunction(() => !document.querySelector('quiz-widget').shadowRoot.querySelector('[data-prerendered]'));
  assert.deepEqual(await p.evaluate(() => window.shifts.length), 0);
  await answerOnce(p.locator('quiz-widget'));
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [page, why] of [['wrong-path', 'a wrong path to the files'], ['no-cors', 'files on another origin without the CORS header']]) {
  test(`with ${why}, the element keeps its text, in its place, and the page goes on`, async () => {
    const { p, context, errors } = await openPage(browser, `${site.url}/${page}.html`);
    // Long enough for the module to have failed: the element is never defined.
    await p.waitForLoadState('networkidle');
    assert.equal(await p.evaluate(() => customElements.get('quiz-widget')), undefined);
    assert.equal(await p.getByText(fallback).isVisible(), true);
    assert.equal(await p.locator('#after').isVisible(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('with the CORS header the README names, the files work from another origin', async () => {
  const { w, context, errors } = await openPage(browser, `${site.url}/cors.html`);
  await answerOnce(w);
  assert.deepEqual(errors, []);
  await context.close();
});
