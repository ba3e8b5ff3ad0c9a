// End-to-end: the study page in headless Chromium, driven as a learner would,
// by role and label, with the mouse and with the keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
let server, browser;

before(async () => {
  server = await serve(path.join(root, 'dist'));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(options = {}, at = undefined) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, ...options });
  const page = await context.newPage();
  // A test that counts what is due "today" runs at noon, not near midnight.
  if (at) await page.clock.setFixedTime(at);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(server.url + '/');
  await page.getByRole('heading', { name: 'Async Programming in Python' }).waitFor();
  return { page, context, errors };
}

test('the study page shows the quiz title and the first question', async () => {
  const { page, context, errors } = await open();
  assert.equal(await page.title(), 'Async Programming in Python · quiz-widget study page');
  await page.getByRole('group', { name: "What's the difference between concurrency and parallelism?" }).waitFor();
  assert.equal(await page.getByRole('radio').count(), 4);
  assert.match(await page.locator('.progress-text').textContent(), /^0 \/ 143 answered · 0 correct · 5 reviews due today$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a choice can be picked and checked with the mouse, and feedback appears', async () => {
  const { page, context } = await open();
  const check = page.getByRole('button', { name: 'Check' });
  assert.equal(await check.isDisabled(), true);
  await page.getByRole('radio', { name: /Concurrency = handling multiple tasks/ }).check();
  await check.click();
  const status = page.getByRole('status').filter({ hasText: 'Correct!' });
  await status.waitFor();
  assert.match(await status.textContent(), /Concurrency: managing multiple tasks \(interleaving\)/);
  assert.match(await page.locator('.progress-text').textContent(), /^1 \/ 143 answered · 1 correct/);
  await context.close();
});

test('a wrong answer marks the right one, and progress survives a reload', async () => {
  const { page, context } = await open();
  await page.getByRole('radio', { name: 'Same thing' }).check();
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByRole('status').filter({ hasText: 'Not quite.' }).waitFor();
  await page.getByRole('button', { name: 'Show answer' }).click();
  assert.match(await page.locator('.choice[data-state="answer"]').textContent(), /Concurrency = handling multiple tasks.*Correct answer/);
  await page.reload();
  await page.getByRole('status').filter({ hasText: 'Not quite.' }).waitFor();
  assert.match(await page.locator('.progress-text').textContent(), /^1 \/ 143 answered · 0 correct/);
  await context.close();
});

test('keyboard only: pick with a digit, Enter checks, Enter goes on', async () => {
  const { page, context } = await open();
  await page.keyboard.press('Tab'); // into the widget: the section picker
  await page.getByRole('radio').first().focus();
  await page.keyboard.press('2');
  assert.equal(await page.getByRole('radio').nth(1).isChecked(), true);
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  // Focus moves to Next (in the effects that follow the render which shows
  // the verdict, which under load can be a moment after it), so Enter goes
  // on to question 2.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Next →', null, { timeout: 5000 });
  await page.keyboard.press('Enter');
  await page.getByRole('group', { name: 'What problem does async/await solve?' }).waitFor();
  await page.keyboard.press('ArrowLeft');
  await page.getByRole('group', { name: /concurrency and parallelism/ }).waitFor();
  await context.close();
});

test('keyboard only: arrow keys step through the sections and focus stays on the picker', async () => {
  const { page, context } = await open();
  const section = page.getByLabel('Section');
  await section.focus();
  const seen = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction((before) => document.querySelector('select').value !== before, seen.at(-1) ?? '');
    seen.push(await section.inputValue());
    await page.waitForTimeout(100); // the effects after the render
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.labels?.[0]?.textContent), 'Section', `after step ${i + 1}`);
  }
  assert.equal(new Set(seen).size, 3, seen.join(' '));
  await context.close();
});

test('the whole bank is picked by number: digits and Enter there jump, and pick no choice', async () => {
  const { page, context } = await open();
  const field = page.getByRole('spinbutton', { name: 'Go to item' });
  assert.equal(await page.locator('.quiz-nav select').count(), 0, '143 items get a number field, not 143 options');
  assert.equal(await field.inputValue(), '1');
  const first = await page.locator('.quiz-body legend').textContent();
  await page.getByRole('radio').first().focus();
  await field.fill('');
  await field.pressSequentially('12');
  await field.press('Enter');
  await page.waitForFunction((text) => document.querySelector('.quiz-body legend')?.textContent !== text, first);
  assert.equal(await field.inputValue(), '12');
  assert.equal(await page.getByRole('radio', { checked: true }).count(), 0, 'the digits picked nothing');
  assert.match(await page.locator('.progress-text').textContent(), /^0 \/ 143 answered/);
  await field.fill('144');
  await field.press('Enter');
  await page.waitForFunction(() => document.querySelector('.quiz-nav input').value === '143');
  assert.match(await page.locator('.quiz-nav').textContent(), /\/ 143/, 'past the end goes to the last item');
  await field.fill('-5');
  await field.press('Enter');
  await page.waitForFunction(() => document.querySelector('.quiz-nav input').value === '1');
  await field.fill('143');
  await field.press('Enter');
  await page.waitForFunction(() => document.querySelector('.quiz-nav input').value === '143');
  await page.getByRole('button', { name: 'Next →' }).last().click();
  await page.locator('.summary').first().waitFor();
  assert.equal(await field.inputValue(), '', 'the summary has no item number');
  await context.close();
});

test('flashcards: Space flips, a digit grades, and the card is scheduled', async () => {
  const { page, context } = await open({}, new Date('2026-06-01T12:00:00Z'));
  await page.getByLabel('Section').selectOption({ label: 'Asyncio Flashcards' });
  assert.match(await page.locator('.progress-text').textContent(), /^0 \/ 5 completed/);
  await page.getByRole('button', { name: /Show answer/ }).focus();
  await page.keyboard.press(' ');
  await page.getByText('asyncio.run(main()) creates an event loop').waitFor();
  await page.keyboard.press('3'); // Good: back in its 10-minute learning step, still due today
  await page.getByText('What is the difference between a coroutine and a Task in asyncio?').waitFor();
  assert.match(await page.locator('.progress-text').textContent(), /^1 \/ 5 completed · 5 reviews due today/);
  await page.getByRole('button', { name: /Show answer/ }).focus();
  await page.keyboard.press(' ');
  await page.keyboard.press('4'); // Easy: days away
  await page.locator('.progress-text').filter({ hasText: /^2 \/ 5 completed · 4 reviews due today/ }).waitFor();
  await context.close();
});

test('a card reviewed yesterday is not done in today\'s due round until it is reviewed again', async () => {
  const { page, context } = await open({}, new Date('2026-06-01T12:00:00Z'));
  await page.getByLabel('Section').selectOption({ label: 'Asyncio Flashcards' });
  // Reviewing in due mode, which the next visit restores.
  await page.getByLabel('Mode').selectOption('due');
  await page.getByRole('button', { name: /Show answer/ }).focus();
  await page.keyboard.press(' ');
  await page.keyboard.press('3'); // Good: back in 10 minutes, so due again the next day
  await page.locator('.progress-text').filter({ hasText: /^1 \/ 5 completed/ }).waitFor();
  // The next day, in the same browser.
  const next = await context.newPage();
  await next.clock.setFixedTime(new Date('2026-06-02T12:00:00Z'));
  await next.goto(server.url + '/');
  await next.getByRole('heading', { name: 'Async Programming in Python' }).waitFor();
  // Section and mode come back as they were left.
  assert.equal(await next.getByLabel('Mode').inputValue(), 'due');
  await next.getByRole('button', { name: /Show answer/ }).waitFor();
  assert.match(await next.locator('.progress-text').textContent(), /^0 \/ 5 completed/, 'the face-down card is not done');
  await next.getByRole('button', { name: /Show answer/ }).focus();
  await next.keyboard.press(' ');
  await next.keyboard.press('3');
  await next.locator('.progress-text').filter({ hasText: /^1 \/ 5 completed/ }).waitFor();
  await context.close();
});

test("'due today' ends at the learner's midnight, not Greenwich's", async () => {
  // 23:55 in California (UTC-7 in June) is 06:55 the next day in UTC.
  const { page, context } = await open({ timezoneId: 'America/Los_Angeles' }, new Date('2026-06-01T23:55:00-07:00'));
  await page.getByLabel('Section').selectOption({ label: 'Asyncio Flashcards' });
  assert.match(await page.locator('.progress-text').textContent(), /^0 \/ 5 completed · 5 reviews due today$/);
  await page.getByRole('button', { name: /Show answer/ }).focus();
  await page.keyboard.press(' ');
  await page.keyboard.press('3'); // Good: back in 10 minutes, after the learner's midnight
  await page.locator('.progress-text')
    .filter({ hasText: /^1 \/ 5 completed · 4 reviews due today$/ }).waitFor();
  await context.close();
});

test('exercises: notes are saved and the self-assessment is kept', async () => {
  const { page, context } = await open();
  await page.getByLabel('Section').selectOption({ label: 'Async/Await Programming Exercises' });
  await page.getByText('Basic Async Functions').first().waitFor();
  await page.getByText('Think about').click();
  await page.getByText('What makes a function async?').waitFor();
  await page.getByLabel('Your notes and solution').fill('async def fetch(url): ...');
  await page.getByRole('button', { name: 'Confident' }).click();
  await page.getByRole('status').filter({ hasText: 'Done: Confident' }).waitFor();
  await page.reload();
  assert.equal(await page.getByLabel('Your notes and solution').inputValue(), 'async def fetch(url): ...');
  await context.close();
});

test('axe-core finds no serious or critical accessibility problems', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await open({ colorScheme });
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], colorScheme);
    await context.close();
  }
});

test('at 320 px nothing overflows the page sideways', async () => {
  const { page, context } = await open({ viewport: { width: 320, height: 800 } });
  await page.getByLabel('Section').selectOption({ label: 'Chapter 13: Async Programming' });
  await page.locator('.quiz-nav select').selectOption('3'); // a question with a code block
  await page.locator('pre.code').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  await context.close();
});

test('shuffle is seeded and remembered: the order survives a reload', async () => {
  const { page, context } = await open();
  await page.getByLabel('Section').selectOption({ label: 'Chapter 13: Async Programming' });
  await page.getByRole('checkbox', { name: 'Shuffle' }).check();
  const order = () => page.locator('.quiz-body legend').textContent();
  const choices = () => page.locator('.quiz-body .choice-text').allTextContents();
  const first = [await order(), await choices()];
  await page.reload();
  await page.getByRole('checkbox', { name: 'Shuffle' }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: 'Shuffle' }).isChecked(), true);
  assert.deepEqual([await order(), await choices()], first);
  await page.getByRole('checkbox', { name: 'Shuffle' }).uncheck();
  assert.match(await order(), /concurrency and parallelism/);
  await context.close();
});

test('progress exports to a file and imports into another browser; results export as CSV', async () => {
  const { page, context } = await open();
  await page.getByRole('radio', { name: /Concurrency = handling multiple tasks/ }).check();
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  assert.equal(exported.suggestedFilename(), 'python-asyncio-progress.json');
  // Downloads are deleted with their context, so keep the bytes.
  const file = { name: 'progress.json', mimeType: 'application/json', buffer: (await import('node:fs')).readFileSync(await exported.path()) };
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Results as CSV' }).click()]);
  const rows = (await import('node:fs')).readFileSync(await csv.path(), 'utf8').trim().split('\r\n');
  assert.equal(rows[0], 'question_id,topic,correct,attempts,last_answered,next_review');
  // Right at the first try: Good, back in two days.
  const [, , , , answered, next] = rows[1].split(',');
  assert.match(rows[1], /^"chapter-13-01","Concurrency vs Parallelism",true,1,\d{4}-\d\d-\d\dT/);
  assert.equal(Date.parse(next) - Date.parse(answered), 2 * 86_400_000);
  await context.close();

  // A fresh browser profile: nothing answered until the file is imported.
  const other = await open();
  assert.match(await other.page.locator('.progress-text').textContent(), /^0 \/ 143 answered/);
  await other.page.getByText('Import progress').setInputFiles(file);
  await other.page.getByText('Imported: 1 added, 0 updated, 0 already up to date, 0 skipped').waitFor();
  assert.match(await other.page.locator('.progress-text').textContent(), /^1 \/ 143 answered · 1 correct/);
  await other.page.reload();
  assert.match(await other.page.locator('.progress-text').textContent(), /^1 \/ 143 answered · 1 correct/);
  await other.context.close();
});

test('exercise by keyboard only: open a part, write notes, mark as done', async () => {
  const { page, context } = await open();
  await page.getByLabel('Section').selectOption({ label: 'Async/Await Programming Exercises' });
  await page.getByText('Think about').focus();
  await page.keyboard.press('Enter');
  await page.getByText('What makes a function async?').waitFor();
  await page.getByLabel('Your notes and solution').focus();
  await page.keyboard.type('async def main(): ...');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Confident');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // Needs review
  await page.getByRole('status').filter({ hasText: 'Done: Needs review' }).waitFor();
  await page.keyboard.press('ArrowRight');
  await page.getByText('Awaiting Coroutines').first().waitFor();
  await context.close();
});

test('two tabs with the same quiz: an answer in one shows in the other', async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const [first, second] = [await context.newPage(), await context.newPage()];
  for (const p of [first, second]) {
    await p.goto(server.url + '/');
    await p.getByRole('heading', { name: 'Async Programming in Python' }).waitFor();
  }
  await first.getByRole('radio', { name: 'Same thing' }).check();
  await first.getByRole('button', { name: 'Check' }).click();
  await second.locator('.progress-text').filter({ hasText: /^1 \/ 143 answered · 0 correct/ }).waitFor();
  await second.getByRole('status').filter({ hasText: 'Not quite.' }).waitFor();
  // And back: a newer answer in the second tab wins in the first.
  await second.getByRole('button', { name: 'Try again' }).click();
  await second.getByRole('radio', { name: /Concurrency = handling/ }).check();
  await second.getByRole('button', { name: 'Check' }).click();
  await first.locator('.progress-text').filter({ hasText: /^1 \/ 143 answered · 1 correct/ }).waitFor();
  await context.close();
});
