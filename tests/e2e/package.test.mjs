// End-to-end tests of what `make package` ships, not of the working tree:
// the npm package installed with npm into an empty folder and served from a
// second origin as a public CDN would, under a course page's strict CSP; the
// zip unpacked into a sub-folder; the manifest; and the TypeScript
// declarations checked by tsc.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';
import { section as docSection } from './docs.mjs';
import { workspaceVersion } from '../../tools/version.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const version = workspaceVersion();
const packaged = (ext) => path.join(root, 'target/package', `quiz-widget-${version}.${ext}`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-package-'));
const installed = path.join(work, 'site/node_modules/quiz-widget');

const MINE = JSON.stringify({ id: 'mine', title: 'Mine on the page', questions: [
  { id: 'q', type: 'true_false', prompt: 'From the page origin.', answer: true, explanation: 'Yes.' }] });
const INLINE = `<script type="application/json">{"id": "inline", "title": "Inline on the page", "questions": [
  {"id": "a", "type": "true_false", "prompt": "Inline statement", "answer": true, "explanation": "Yes."}]}</script>`;

let cdn, site, unzipped, browser;

before(async () => {
  fs.mkdirSync(path.join(work, 'site'));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', packaged('tgz')],
    { cwd: path.join(work, 'site') });
  cdn = await serve(installed, { headers: { 'access-control-allow-origin': '*' } });
  const csp = `default-src 'none'; script-src ${cdn.url} 'wasm-unsafe-eval'; style-src ${cdn.url}; connect-src 'self' ${cdn.url}`;
  const course = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title>
<script type="module" src="${cdn.url}/quiz-widget.js"></script></head><body>
<quiz-widget id="src" src="mine.json"></quiz-widget>
<quiz-widget id="inline">${INLINE}</quiz-widget>
<quiz-widget id="bundled" section="flashcards"></quiz-widget></body></html>`;
  site = await serve(work, {
    headers: { 'content-security-policy': csp },
    routes: { '/course.html': () => ['text/html', course], '/mine.json': () => ['application/json', MINE] },
  });
  const sub = path.join(work, 'zip/deep/folder');
  fs.mkdirSync(sub, { recursive: true });
  execFileSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', packaged('zip'), sub]);
  unzipped = await serve(path.join(work, 'zip'));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await Promise.all([cdn?.close(), site?.close(), unzipped?.close()]);
  fs.rmSync(work, { recursive: true, force: true });
});

test('the package from a CDN origin works under a strict CSP, and nothing else is requested', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const origins = new Set();
  page.on('request', (request) => origins.add(new URL(request.url()).origin));
  const violations = [];
  page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) violations.push(message.text()); });
  await page.goto(`${site.url}/course.html`);
  await page.locator('#src').getByRole('heading', { name: 'Mine on the page' }).waitFor();
  await page.locator('#inline').getByRole('heading', { name: 'Inline on the page' }).waitFor();
  await page.locator('#bundled').getByRole('button', { name: /Show answer/ }).waitFor();
  await page.locator('#src').getByRole('radio', { name: 'True' }).check();
  await page.locator('#src').getByRole('button', { name: 'Check' }).click();
  await page.locator('#src').getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  assert.deepEqual([...origins].sort(), [cdn.url, site.url].sort());
  assert.deepEqual(violations, []);
  assert.equal(await page.evaluate(async (url) => (await import(url)).version, `${cdn.url}/quiz-widget.js`), version);
  await context.close();
});

test('the package holds what package.json says, with no dependencies', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'quiz-widget');
  assert.equal(manifest.version, version);
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.dependencies, undefined);
  assert.deepEqual(manifest.sideEffects, ['./quiz-widget.js']);
  for (const file of manifest.files) assert.ok(fs.existsSync(path.join(installed, file)), `${file} is in the package`);
  const targets = Object.values(manifest.exports).map((e) => (typeof e === 'string' ? e : e.default));
  for (const target of targets) assert.ok(fs.existsSync(path.join(installed, target)), `${target} is exported and present`);
});

test('the custom-elements manifest lists the attributes, events and CSS properties', () => {
  const cem = JSON.parse(fs.readFileSync(path.join(installed, 'custom-elements.json'), 'utf8'));
  assert.match(cem.schemaVersion, /^2\./);
  const element = cem.modules.flatMap((m) => m.declarations).find((d) => d.tagName === 'quiz-widget');
  assert.ok(element?.customElement, 'quiz-widget is declared as a custom element');
  const loader = fs.readFileSync(path.join(root, 'js/quiz-widget.js'), 'utf8');
  const observed = JSON.parse(loader.match(/const ATTRIBUTES = (\[[^\]]*\])/)[1].replaceAll("'", '"'));
  assert.deepEqual(element.attributes.map((a) => a.name), observed);
  assert.deepEqual(element.events.map((e) => e.name), ['quiz-answer', 'quiz-complete', 'quiz-xapi', 'quiz-xapi-error']);
  assert.deepEqual(element.members.filter((m) => m.kind === 'field').map((m) => m.name), ['storage']);
  const css = fs.readFileSync(path.join(root, 'quiz-widget.css'), 'utf8');
  const properties = [...new Set(css.match(/var\((--qw-[a-z-]+)/g).map((v) => v.slice(4)))];
  assert.deepEqual(element.cssProperties.map((p) => p.name).sort(), properties.sort());
});

test('the TypeScript declarations type-check a page that uses the element and the format', () => {
  const check = path.join(work, 'site/check.ts');
  fs.writeFileSync(check, `import { version } from 'quiz-widget';
import type { QuestionFile, QuizAnswerDetail } from 'quiz-widget';
const widget: HTMLElement | null = document.querySelector('quiz-widget');
widget?.addEventListener('quiz-answer', (event) => {
  const detail: QuizAnswerDetail = event.detail;
  console.log(detail.questionId, detail.correct, detail.rating ?? 'checked', version);
});
document.addEventListener('quiz-complete', (event) => console.log(event.detail.score / event.detail.maxScore, event.detail.passed ?? 'no pass mark'));
const file: QuestionFile = { id: 'x', title: 'T', questions: [
  { id: 'a', type: 'single', prompt: 'p', choices: ['a', 'b'], answer: 1 },
  { id: 'b', type: 'short', prompt: 'p', accept: ['x'], case_sensitive: true },
] };
// @ts-expect-error a single question's answer is an index
const wrong: QuestionFile = { id: 'x', title: 'T', questions: [{ id: 'a', type: 'single', prompt: 'p', choices: ['a'], answer: 'a' }] };
console.log(file, wrong);
`);
  fs.writeFileSync(path.join(work, 'site/tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'], skipLibCheck: false },
    files: ['check.ts'],
  }));
  execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-p', path.join(work, 'site')], { encoding: 'utf8' });
});

test('the zip works from a sub-folder: the study page and the example course page', async () => {
  const base = `${unzipped.url}/deep/folder/quiz-widget-${version}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/index.html`);
  await page.getByRole('button', { name: 'Check' }).waitFor();
  await page.locator('.teacher-panel').getByRole('heading', { name: 'Try your own questions' }).waitFor();
  await page.goto(`${base}/examples/course-page.html`);
  await page.locator('quiz-widget').first().getByRole('button', { name: /Check|Show answer/ }).first().waitFor();
  for (const file of ['README.md', 'LICENSE-MIT', 'questions.schema.json', 'quiz-widget.js']) {
    assert.ok(fs.existsSync(path.join(work, 'zip/deep/folder', `quiz-widget-${version}`, file)), file);
  }
  await context.close();
});

test("the README leads with what works today, and its CDN line, marked for after the first release, is at this version's release line", () => {
  const { file, text: section } = docSection('## Putting a quiz on a course page');
  assert.equal(file, 'README.md', 'the README leads with it');
  // Each script line once: the pre-rendered route names the self-hosted one in its prose too.
  const lines = [...new Set([...section.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]))];
  assert.equal(lines[0], '/quiz/quiz-widget.js', 'the first embed is self-hosted');
  const [major, minor] = version.split('.');
  const line = major === '0' ? `0.${minor}` : major;
  assert.deepEqual(lines.slice(1), [`https://cdn.jsdelivr.net/npm/quiz-widget@${line}/quiz-widget.js`]);
  const cdn = section.indexOf('cdn.jsdelivr.net');
  assert.ok(section.lastIndexOf('**After the first release**', cdn) > 0, 'the CDN line is marked');
});
