// End-to-end: a matching question on a course page, answered by keyboard
// alone (Tab and the selects' own keys), by mouse at 320 px, with the right
// matches marked after a wrong try, and axe finding nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { coursePage } from './serve.mjs';
import { openPage, servedPages } from './browser.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const PAIRS = [['`asyncio.run()`', 'Runs a coroutine from plain code'], ['`asyncio.gather()`', 'Awaits several awaitables together'],
  ['`asyncio.sleep()`', 'Waits without blocking the loop']];
const QUIZ = JSON.stringify({ id: 'matching', title: 'Matching', questions: [
  { id: 'calls', type: 'matching', prompt: 'Match each call with what it does.', pairs: PAIRS, distractors: ['Starts a new thread'],
    explanation: 'None of them starts a thread.' },
] });

// An ordering question before the matching one, as a learner met it (issue 34).
const AFTER_ORDERING = JSON.stringify({ id: 'after-ordering', title: 'After ordering', questions: [
  { id: 'steps', type: 'ordering', prompt: 'Put the steps in order.', items: ['one', 'two', 'three'], explanation: 'e' },
  { id: 'calls', type: 'matching', prompt: 'Match each call with what it does.', pairs: PAIRS, explanation: 'e' },
] });

const env = servedPages(path.join(root, 'dist'), { routes: {
  '/matching.html': coursePage(QUIZ, 'Calls'),
  '/after-ordering.html': coursePage(AFTER_ORDERING, 'Two questions'),
} });

async function open(options = {}) {
  const opened = await openPage(env.browser, `${env.server.url}/matching.html`, options);
  const w = opened.w;
  await w.getByRole('combobox').first().waitFor();
  return opened;
}

test('by keyboard alone: each select is named by its item, typed into, and Check sends the matches', async () => {
  const { p, w, context, errors } = await open();
  await w.getByText('Choose the match for each item.').waitFor();
  // Each select's accessible name is its left item.
  for (const [left] of PAIRS) await w.getByRole('combobox', { name: left.replaceAll('`', '') }).waitFor();
  assert.equal(await w.getByRole('button', { name: 'Check' }).isDisabled(), true, 'nothing to check before every item is matched');
  await w.getByRole('combobox').first().focus();
  for (const [, right] of PAIRS) {
    // A closed select takes typed letters: the first words of the right item pick it.
    await p.keyboard.type(right.slice(0, 6), { delay: 30 });
    await p.waitForTimeout(700); // the select's type-ahead forgets after a pause
    await p.keyboard.press('Tab');
  }
  const picked = await w.getByRole('combobox').evaluateAll((s) => s.map((x) => x.selectedOptions[0].textContent));
  assert.deepEqual(picked, PAIRS.map(([, r]) => r));
  await w.getByRole('button', { name: 'Check' }).focus();
  await p.keyboard.press('Enter');
  await w.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  assert.deepEqual(await w.locator('.match-row .mark').allTextContents(), ['✓', '✓', '✓']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('by mouse at 320 px: a wrong match is marked with the right one; axe finds nothing', async () => {
  const { p, w, context, errors } = await open({ viewport: { width: 320, height: 700 }, hasTouch: true, isMobile: true });
  assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no horizontal scroll');
  const selects = w.getByRole('combobox');
  await selects.nth(0).selectOption({ label: PAIRS[0][1] });
  await selects.nth(1).selectOption({ label: 'Starts a new thread' });
  await selects.nth(2).selectOption({ label: PAIRS[2][1] });
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: 'Not quite' }).waitFor();
  await w.getByRole('button', { name: 'Show answer' }).click();
  await w.getByText('None of them starts a thread.').waitFor();
  assert.deepEqual(await w.locator('.match-row .mark').allTextContents(),
    ['✓', `✗ Correct answer: ${PAIRS[1][1]}`, '✓']);
  assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no horizontal scroll after checking');
  await p.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await p.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  // Try again keeps the matches to correct.
  await w.getByRole('button', { name: 'Try again' }).click();
  assert.equal(await selects.nth(1).evaluate((s) => s.selectedOptions[0].textContent), 'Starts a new thread');
  assert.deepEqual(errors, []);
  await context.close();
});

test('→ from an ordering item\'s Move button lands on the matching question\'s first select, and Tab goes on from there', async () => {
  const { p, w, context, errors } = await openPage(env.browser, `${env.server.url}/after-ordering.html`);
  await w.getByRole('button', { name: 'Move down' }).first().focus();
  await p.keyboard.press('ArrowRight');
  await w.getByRole('combobox').first().waitFor();
  await p.waitForTimeout(200);
  const active = () => p.evaluate(() => {
    const a = document.querySelector('quiz-widget').shadowRoot.activeElement;
    return a ? `${a.tagName} ${a.getAttribute('aria-label') ?? ''}` : `outside: ${document.activeElement?.tagName}`;
  });
  assert.match(await active(), /^SELECT /, 'focus on the first pick');
  await p.keyboard.press('Tab');
  assert.match(await active(), /^SELECT /, 'Tab goes to the next pick, not past them');
  assert.deepEqual(errors, []);
  await context.close();
});
