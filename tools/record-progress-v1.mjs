// Records the progress fixture of the version 1 storage format with a build
// of the release that wrote it (decca0b, the last before spaced repetition
// covered every kind): a learner answers, retries, grades cards and writes
// notes on tests/e2e/fixtures/progress-v1/quiz.json, and what the widget
// stored is written to tests/e2e/fixtures/progress-v1/storage.json.
//
//   git worktree add /tmp/v1 decca0b && (cd /tmp/v1 && make build)
//   node tools/record-progress-v1.mjs /tmp/v1/dist
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '../tests/e2e/serve.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const fixtures = path.resolve(import.meta.dirname, '../tests/e2e/fixtures/progress-v1');
const quiz = fs.readFileSync(path.join(fixtures, 'quiz.json'), 'utf8');
const page = () => ['text/html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/quiz-widget.js"></script></head><body>
<quiz-widget controls="full"><script type="application/json">${quiz}</script></quiz-widget></body></html>`];

const server = await serve(process.argv[2], { routes: { '/v1.html': page } });
const browser = await launch();
const p = await browser.newPage();
await p.goto(`${server.url}/v1.html`);
const w = p.locator('quiz-widget');
const next = () => w.getByRole('button', { name: /^Next/ }).first().click();
const check = () => w.getByRole('button', { name: 'Check' }).click();
await w.getByRole('radio', { name: /An awaitable/ }).check();
await check();
await next();
await w.getByRole('radio', { name: /time.sleep/ }).check();
await check();
await next();
await w.getByRole('radio', { name: /True/ }).check();
await check();
await w.getByRole('button', { name: 'Try again' }).click();
await w.getByRole('radio', { name: /False/ }).check();
await check();
await next();
await w.getByRole('textbox', { name: 'Your answer' }).fill('asyncio.gather');
await check();
await next();
for (const grade of ['Good', 'Again', 'Easy']) {
  await w.getByRole('button', { name: /Show answer/ }).click();
  await w.getByRole('button', { name: new RegExp(`^${grade}`) }).click();
}
await next(); // the last card stays unseen
await w.getByRole('textbox').first().fill('await asyncio.sleep(1)');
await w.getByRole('button', { name: /confident/i }).first().click();
await p.waitForTimeout(300);
const stored = await p.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('quiz-widget:'))
  .sort().map((k) => [k, localStorage.getItem(k)])));
const out = { recorded: new Date().toISOString(), release: 'decca0b', storage: stored };
fs.writeFileSync(path.join(fixtures, 'storage.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(Object.keys(stored).length, 'keys recorded');
await browser.close();
await server.close();
