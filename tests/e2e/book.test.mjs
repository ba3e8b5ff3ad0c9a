// End-to-end: the example book (examples/book) built by the real mdBook with
// the mdbook-quiz-widget preprocessor, in headless Chromium: quizzes from
// JSON, mdbook-quiz TOML and Markdown render and grade in chapters at two
// depths, answers persist per quiz across chapters and reloads, a theme
// switch re-colours them, each quiz's first screen is pre-rendered (it reads
// with JavaScript off, an answer checked before the wasm arrives is graded
// once it does, and nothing shifts), the search index holds no quiz's
// answers, the print page shows each quiz as readable text, and a broken
// quiz fails the build (or, set to warn, shows its problems in the chapter).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { serve } from './serve.mjs';
import { launch, openPage, holdWasm, watchShifts, handedOver, shiftsThroughHandover } from './browser.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'target/debug');
const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };

/** A copy of the example book in a temporary folder, with `extra` chapters' files added. */
function copyBook(extra = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-book-'));
  const source = path.join(root, 'examples/book');
  // Without what an earlier build there left: its output and the widget's files.
  const left = [path.join(source, 'book'), path.join(source, 'src/quiz-widget')];
  fs.cpSync(source, dir, { recursive: true, filter: (src) => !left.includes(src) });
  for (const [file, text] of Object.entries(extra)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

function mdbook(dir, extraEnv = {}) {
  return spawnSync('mdbook', ['build'], { cwd: dir, env: { ...env, ...extraEnv }, encoding: 'utf8' });
}

let server, browser, bookDir;
before(async () => {
  // The preprocessor embeds the release build that `make package` just made.
  execFileSync('cargo', ['build', '-q', '--locked', '-p', 'mdbook-quiz-widget', '-p', 'quiz-cli'], { cwd: root, stdio: 'inherit' });
  bookDir = copyBook();
  const built = mdbook(bookDir);
  assert.equal(built.status, 0, built.stderr);
  assert.doesNotMatch(built.stderr, /warning/, 'the example book builds without warnings');
  server = await serve(path.join(bookDir, 'book'));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function chapter(page, file, title) {
  await page.goto(`${server.url}/${file}`);
  const w = page.locator('quiz-widget');
  await w.first().getByRole('heading', { name: title }).waitFor();
  // The heading is there at once, pre-rendered: the widget itself once it has taken over.
  await handedOver(page);
  return w;
}

test('quizzes from JSON, TOML and Markdown render and grade, at both depths; axe finds nothing', async () => {
  const { p, context, errors } = await openPage(browser, 'about:blank');
  let w = await chapter(p, 'intro.html', 'Check: the basics');
  await w.getByText('A value is dropped when its owner goes out of scope.').waitFor();
  await w.getByText('True', { exact: true }).click();
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: 'Correct' }).waitFor();

  // A tracing question from mdbook-quiz's TOML, one chapter deeper.
  w = await chapter(p, 'ownership/moves.html', 'Quiz');
  await w.getByText('Read this program.').waitFor();
  assert.match(await w.locator('pre.code').first().textContent(), /let t = s;/);
  await w.getByRole('group', { name: 'Does this program compile?' }).getByText('No', { exact: true }).click();
  await w.getByRole('combobox', { name: 'Which line has the first error?' }).selectOption('4');
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: 'Correct' }).waitFor();
  await w.getByText('moves the String into t').waitFor();
  await w.getByRole('button', { name: /Next/ }).first().click();
  await w.getByRole('group', { name: 'Does this program compile?' }).getByText('Yes', { exact: true }).click();
  await w.getByRole('textbox', { name: 'What does it print when it runs?' }).fill('hello hello\n');
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: 'Correct' }).waitFor();
  // The multipart context stands above its question.
  await w.getByRole('button', { name: /Next/ }).first().click();
  await w.getByText('Consider this function:').waitFor();

  w = await chapter(p, 'ownership/borrowing.html', 'Check: borrowing');
  await w.getByText('What does &x create?').waitFor();
  await p.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await p.evaluate(() => window.axe.run(document.querySelector('quiz-widget'), { resultTypes: ['violations'] }));
  assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the Rust Book's shapes: a tracing question without a line asks only whether it compiles, answers placed by answerIndex", async () => {
  const { p, context, errors } = await openPage(browser, 'about:blank');
  const w = await chapter(p, 'ownership/permissions.html', 'Quiz');
  await w.getByRole('group', { name: 'Does this program compile?' }).getByText('No', { exact: true }).click();
  assert.equal(await w.getByRole('combobox').count(), 0, 'no line is asked');
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: 'Correct' }).waitFor();
  await w.getByRole('button', { name: /Next/ }).first().click();
  // mdbook-quiz's order: the answer list at index 0, then the distractors.
  const choices = w.getByRole('checkbox');
  // Each label starts with its key letter (A, B, …).
  assert.deepEqual(await choices.evaluateAll((els) => els.map((e) => e.labels?.[0]?.textContent?.trim().slice(1))), ['Read', 'Read and write', 'Write', 'Own']);
  await w.getByRole('checkbox', { name: 'Read', exact: true }).check();
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: 'Correct' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('answers persist per quiz across chapters and reloads', async () => {
  const { p, context, errors } = await openPage(browser, 'about:blank');
  let w = await chapter(p, 'intro.html', 'Check: the basics');
  await w.getByText('True', { exact: true }).click();
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: 'Correct' }).waitFor();
  // The same quiz in another chapter, one level down: the answer is there.
  w = await chapter(p, 'ownership/index.html', 'Check: the basics');
  await w.getByRole('status').filter({ hasText: 'Correct' }).waitFor();
  assert.ok(await w.getByRole('radio', { name: /True/ }).isChecked());
  await p.reload();
  await w.getByRole('status').filter({ hasText: 'Correct' }).waitFor();
  // Another quiz keeps its own progress: nothing answered there.
  w = await chapter(p, 'ownership/moves.html', 'Quiz');
  assert.equal(await w.getByRole('status').filter({ hasText: 'Correct' }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a theme switch re-colours the quizzes with the book's colours", async () => {
  const { p, context, errors } = await openPage(browser, 'about:blank');
  const w = await chapter(p, 'intro.html', 'Check: the basics');
  const colours = () => p.evaluate(() => {
    const box = document.querySelector('quiz-widget').shadowRoot.querySelector('.quiz-widget');
    const page = getComputedStyle(document.querySelector('.content'));
    return { widget: getComputedStyle(box).backgroundColor, text: getComputedStyle(box).color, page: page.backgroundColor, pageText: page.color, scheme: getComputedStyle(box).colorScheme };
  });
  for (const theme of ['coal', 'light', 'navy', 'ayu', 'rust']) {
    if (!(await p.locator('#mdbook-theme-list').isVisible())) await p.locator('#mdbook-theme-toggle').click();
    await p.locator(`#mdbook-theme-${theme}`).click();
    await p.waitForFunction((t) => document.documentElement.classList.contains(t), theme);
    const c = await colours();
    const bookBg = await p.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim());
    const probe = await p.evaluate((bg) => { const d = document.createElement('div'); d.style.background = bg; document.body.append(d); const c = getComputedStyle(d).backgroundColor; d.remove(); return c; }, bookBg);
    assert.equal(c.widget, probe, `${theme}: the widget's background is the book's --bg`);
    assert.equal(c.scheme, ['coal', 'navy', 'ayu'].includes(theme) ? 'dark' : 'light', `${theme}: colour scheme`);
  }
  await w.getByText('True', { exact: true }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('with JavaScript off, a chapter shows its quiz\'s first question, pre-rendered in the widget\'s shadow root', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  const p = await context.newPage();
  await p.goto(`${server.url}/intro.html`);
  const w = p.locator('quiz-widget');
  await w.getByText('A value is dropped when its owner goes out of scope.').waitFor();
  assert.ok(await w.getByRole('radio', { name: 'True' }).isVisible());
  assert.ok(await w.getByRole('heading', { name: 'Check: the basics' }).isVisible());
  const root = await p.evaluate(() => {
    const shadow = document.querySelector('quiz-widget').shadowRoot;
    return { prerendered: !!shadow?.querySelector('[data-prerendered] section.quiz-widget'), choices: shadow?.querySelectorAll('input[type=radio]').length };
  });
  assert.deepEqual(root, { prerendered: true, choices: 2 }, 'the question is in the shadow root the browser made from the page');
  // One chapter down, a quiz from mdbook-quiz's TOML: its program is there too.
  await p.goto(`${server.url}/ownership/moves.html`);
  assert.match(await w.locator('pre.code').first().textContent(), /let t = s;/);
  await context.close();
});

test('a choice picked and checked before the wasm arrives is graded once it does', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const release = await holdWasm(context);
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(`${server.url}/intro.html`);
  await p.evaluate(() => {
    window.answers = [];
    document.addEventListener('quiz-answer', (e) => window.answers.push(e.detail));
  });
  const w = p.locator('quiz-widget');
  await w.getByRole('radio', { name: 'True' }).check();
  await w.getByRole('button', { name: 'Check' }).click();
  assert.ok(await p.evaluate(() => !!document.querySelector('quiz-widget').shadowRoot.querySelector('[data-prerendered]')), 'picked and checked on the pre-rendered screen');
  assert.equal(new URL(p.url()).search, '', 'the early Check did not leave the page');
  release();
  await handedOver(p);
  await w.getByRole('status').filter({ hasText: 'Correct' }).waitFor();
  assert.ok(await w.getByRole('radio', { name: 'True' }).isChecked());
  const answers = await p.evaluate(() => window.answers);
  assert.deepEqual(answers.map((a) => [a.questionId, a.correct]), [['drop', true]], 'graded once');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [width, height] of [[1280, 900], [375, 700]]) {
  test(`a new reader's chapter shifts nothing through load and handover (${width} px)`, async () => {
    const context = await browser.newContext({ viewport: { width, height }, isMobile: width < 500 });
    await watchShifts(context);
    // mdBook's own shifts are left out: its web fonts swap in when they come
    // (font-display: swap), and its script pads inline code (class hljs)
    // after the first paint, moving the words around it; so no fonts, and a
    // chapter with prose above and below its quiz and no inline code.
    await context.route(/\.woff2$/, (route) => route.abort());
    const release = await holdWasm(context);
    const p = await context.newPage();
    const errors = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${server.url}/ownership/index.html`);
    await p.locator('quiz-widget').getByRole('heading', { name: 'Check: the basics' }).waitFor();
    assert.equal(await p.evaluate(() => [...document.querySelectorAll('main code')].filter((c) => !c.closest('.quiz-print')).length), 0);
    assert.match(await p.locator('main quiz-widget ~ p').first().textContent(), /chapters that follow/);
    assert.deepEqual(await shiftsThroughHandover(p, release), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// A quiz's first screen is pre-rendered into its chapter's HTML, and mdBook
// indexes it as it indexes the chapter's own HTML (all but script and style):
// the title, the first prompt and its choices and the buttons' words are in
// the index, the title's heading as a section. No answer, explanation or
// later question is: they are in the inline JSON (a script) only.
test('the search index holds no quiz\'s answers or later questions, and the chapters\' prose is in it', () => {
  const index = fs.readdirSync(path.join(bookDir, 'book')).find((f) => /^searchindex.*\.js$/.test(f));
  const text = fs.readFileSync(path.join(bookDir, 'book', index), 'utf8');
  assert.match(text, /moves it/);
  for (const secret of ['hello hello', 'Nothing: `v` was moved', 'std::marker::Copy', 'How many owners', 'immutable', 'lineNumber', 'explanation']) {
    assert.ok(!text.includes(secret), `the search index must not hold "${secret}"`);
  }
});

test('the print page shows every quiz as readable text without its answers', async () => {
  const { p, context, errors } = await openPage(browser, `${server.url}/print.html`);
  await p.emulateMedia({ media: 'print' });
  const printed = p.locator('.quiz-print');
  await printed.first().waitFor();
  assert.equal(await printed.count(), 5, 'one printed form per quiz on the page');
  assert.equal(await p.locator('quiz-widget').first().isVisible(), false, 'the interactive widget is not printed');
  const text = await printed.allInnerTexts();
  assert.match(text[0], /A value is dropped when its owner goes out of scope/);
  assert.match(text[2], /Does not compile; the first error is on line/);
  assert.match(text[2], /4 {2}\s*println!\("\{s\}"\);/);
  assert.doesNotMatch(text.join('\n'), /hello hello/, 'no output of a tracing question');
  assert.deepEqual(errors, []);
  await context.close();
});

test('`quiz import` and the preprocessor read the TOML and Markdown quizzes alike', () => {
  for (const [chapterFile, quizFile] of [['ownership/moves.html', 'moves.toml'], ['ownership/borrowing.html', 'borrowing.md']]) {
    const html = fs.readFileSync(path.join(bookDir, 'book', chapterFile), 'utf8');
    const inline = JSON.parse(html.split('<script type="application/json">')[1].split('</script>')[0]);
    const imported = JSON.parse(execFileSync(path.join(bin, 'quiz'), ['import', path.join(bookDir, 'src/quizzes', quizFile)],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    const withoutSection = imported.questions.map(({ section, ...q }) => q);
    assert.ok(withoutSection.length >= 3);
    assert.deepEqual(inline.questions, withoutSection, quizFile);
  }
});

test('a broken quiz fails the build with its chapter, file and line; set to warn, the chapter shows the problems', () => {
  const dir = copyBook();
  fs.copyFileSync(path.join(root, 'examples/book/broken/broken.toml'), path.join(dir, 'src/broken.toml'));
  fs.writeFileSync(path.join(dir, 'src/broken.md'), '# Broken\n\n{{#quiz broken.toml}}\n');
  fs.appendFileSync(path.join(dir, 'src/SUMMARY.md'), '- [Broken](broken.md)\n');
  const failed = mdbook(dir);
  assert.notEqual(failed.status, 0);
  assert.match(failed.stderr, /broken\.md: broken\.toml:16: question broken-2: `answer`: unknown field `anwser`, expected `answer` or `alternatives`/);
  const warned = mdbook(dir, { MDBOOK_PREPROCESSOR__QUIZ_WIDGET__ON_ERROR: '"warn"' });
  assert.equal(warned.status, 0, warned.stderr);
  assert.match(warned.stderr, /warning: broken\.md: broken\.toml:16/);
  const html = fs.readFileSync(path.join(dir, 'book/broken.html'), 'utf8');
  assert.match(html, /class="quiz-widget-error" role="alert"/);
  assert.match(html, /unknown field `anwser`/);
});
