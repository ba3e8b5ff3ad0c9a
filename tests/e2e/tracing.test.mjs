// End-to-end: a tracing question on a course page, by keyboard alone (the
// A / B keys answer "Does this program compile?", Tab reaches the next
// step and then Check, Enter checks) and by touch at 320 px, with the solution
// after a wrong answer and axe finding nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { coursePage } from './serve.mjs';
import { openPage, servedPages } from './browser.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const QUIZ = JSON.stringify({ id: 'tracing', title: 'Tracing', questions: [
  { id: 'moved', type: 'tracing', prompt: 'Read this program.',
    program: 'fn main() {\n    let s = String::from("hi");\n    let t = s;\n    println!("{s} {t}");\n}\n',
    compiles: false, error_line: 4, explanation: '`s` was moved into `t`.' },
  { id: 'prints', type: 'tracing', prompt: 'And this one.', language: 'python',
    program: 'for i in range(2):\n    print(i)\n', compiles: true, output: '0\n1', explanation: '`range(2)` is 0 and 1.' },
] });

const env = servedPages(path.join(root, 'dist'), { routes: { '/tracing.html': coursePage(QUIZ, 'Tracing') } });

test('by keyboard alone: B says it does not compile, Tab to the line list, arrows pick, Tab and Enter check', async () => {
  const { p, w, context, errors } = await openPage(env.browser, `${env.server.url}/tracing.html`);
  const compiles = w.getByRole('group', { name: 'Does this program compile?' });
  await compiles.waitFor();
  // The program's lines are numbered, and Rust is highlighted.
  assert.match(await w.locator('pre.code .gutter').textContent(), /^1\n2\n3\n4\n5\n$/);
  assert.ok(await w.locator('pre.code [data-tok="kw"]').count() >= 2);
  await compiles.getByRole('radio', { name: 'Yes' }).focus();
  await p.keyboard.press('b');
  assert.ok(await compiles.getByRole('radio', { name: 'No' }).isChecked());
  const lines = w.getByRole('combobox', { name: 'Which line has the first error?' });
  await lines.waitFor();
  while (!(await lines.evaluate((el) => el === el.getRootNode().activeElement))) await p.keyboard.press('Tab');
  for (let i = 0; i < 4; i += 1) await p.keyboard.press('ArrowDown');
  assert.equal(await lines.inputValue(), '4');
  // Enter in a list is the list's; Tab goes on to Check.
  const check = w.getByRole('button', { name: 'Check' });
  while (!(await check.evaluate((el) => el === el.getRootNode().activeElement))) await p.keyboard.press('Tab');
  await p.keyboard.press('Enter');
  await w.getByRole('status').filter({ hasText: 'Correct' }).waitFor();
  await w.getByText('s was moved into t.').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('by touch at 320 px: a wrong output shows what the program prints; axe finds nothing', async () => {
  const { p, w, context, errors } = await openPage(env.browser, `${env.server.url}/tracing.html`,
    { viewport: { width: 320, height: 700 }, hasTouch: true, isMobile: true });
  await w.getByRole('button', { name: /Next/ }).first().tap();
  const compiles = w.getByRole('group', { name: 'Does this program compile?' });
  await compiles.getByText('Yes', { exact: true }).tap();
  await w.getByRole('textbox', { name: 'What does it print when it runs?' }).fill('1\n2');
  await w.getByRole('button', { name: 'Check' }).tap();
  await w.getByRole('status').filter({ hasText: 'Not quite' }).waitFor();
  await w.getByRole('button', { name: 'Show answer' }).tap();
  await w.getByText('It compiles, and prints:').waitFor();
  assert.equal(await w.locator('.accepted pre.output').textContent(), '0\n1');
  assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no horizontal scroll');
  await p.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await p.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  assert.deepEqual(errors, []);
  await context.close();
});
