// End-to-end: an ordering question on a course page, answered by mouse, by
// keyboard alone (Tab, Alt+↑/↓, Enter) and on a phone-sized screen; every
// move is announced, focus stays with the moved item, and axe finds nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { coursePage } from './serve.mjs';
import { openPage, servedPages } from './browser.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const ITEMS = ['Define it with `async def`', 'Call it to get a coroutine object', 'Pass it to `asyncio.run()`', 'Read the result'];
const QUIZ = JSON.stringify({ id: 'ordering', title: 'Ordering', questions: [
  { id: 'run', type: 'ordering', prompt: 'Put the steps of running a coroutine in order.', items: ITEMS,
    explanation: '`asyncio.run()` starts the event loop that runs it.' },
] });
const PLAIN = ITEMS.map((i) => i.replaceAll('`', ''));

// A question before the ordering one: its Next, after a check, leads to it.
const AFTER_ONE = JSON.stringify({ id: 'after-one', title: 'After one', questions: [
  { id: 'first', type: 'true_false', prompt: '`await` works in a plain `def`.', answer: false, explanation: 'It needs `async def`.' },
  { id: 'run', type: 'ordering', prompt: 'Put the steps in order.', items: ITEMS, explanation: 'e' },
] });

const env = servedPages(path.join(root, 'dist'), { routes: {
  '/ordering.html': coursePage(QUIZ, 'Coroutines'),
  '/after-one.html': coursePage(AFTER_ONE, 'Two questions'),
} });

async function open(options = {}) {
  const opened = await openPage(env.browser, `${env.server.url}/ordering.html`, options);
  const w = opened.w;
  await w.getByRole('list').first().waitFor();
  return opened;
}

const order = (w) => w.locator('.order-item .order-text').allTextContents();
const focused = (p) => p.evaluate(() => {
  const a = document.querySelector('quiz-widget').shadowRoot.activeElement;
  return a && `${a.getAttribute('aria-label')}: ${a.closest('li')?.querySelector('.order-text')?.textContent}`;
});

test('by keyboard alone: Tab to an item, Alt+↑ and Alt+↓ move it, each move announced, focus kept', async () => {
  const { p, w, context, errors } = await open();
  const start = await order(w);
  assert.notDeepEqual(start, PLAIN, 'the items start shuffled');
  assert.deepEqual([...start].sort(), [...PLAIN].sort());
  await w.getByText('Put the items in order with ↑ and ↓. On a focused item, Alt+↑ and Alt+↓ move it too.').waitFor();
  // Tab to the first Move button (the page has nothing focusable before the widget).
  await p.keyboard.press('Tab');
  while (!(await focused(p))?.startsWith('Move')) await p.keyboard.press('Tab');
  // Bring each item into place with Alt+↑ from wherever it stands, as a keyboard user would.
  for (let target = 0; target < PLAIN.length; target++) {
    let now = await order(w);
    let at = now.indexOf(PLAIN[target]);
    if (at === target) continue;
    await w.locator('.order-item').nth(at).getByRole('button', { name: 'Move down' }).or(w.locator('.order-item').nth(at).getByRole('button', { name: 'Move up' })).first().focus();
    while (at > target) {
      await p.keyboard.press('Alt+ArrowUp');
      at -= 1;
      await w.locator('.order-item').nth(at).locator('.order-text').filter({ hasText: PLAIN[target] }).waitFor();
      const announced = await w.locator('[role=status].visually-hidden').textContent();
      assert.equal(announced, `“${ITEMS[target]}” moved to position ${at + 1} of 4`);
      assert.ok((await focused(p)).endsWith(PLAIN[target]), `focus stays on the moved item: ${await focused(p)}`);
    }
  }
  assert.deepEqual(await order(w), PLAIN);
  // Enter on a move button presses it; the form is checked with the Check button.
  await w.getByRole('button', { name: 'Check' }).focus();
  await p.keyboard.press('Enter');
  await w.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  assert.deepEqual(await w.locator('.order-item .mark').allTextContents(), PLAIN.map(() => '✓ in place'));
  assert.equal(await w.getByRole('button', { name: 'Move up' }).first().isDisabled(), true, 'no moves after checking');
  assert.deepEqual(errors, []);
  await context.close();
});

test('by mouse on a phone: a wrong order, then the right one shown with each item marked; axe finds nothing', async () => {
  const { p, w, context, errors } = await open({ viewport: { width: 320, height: 700 }, hasTouch: true, isMobile: true });
  // The buttons are big enough to tap, and nothing overflows the screen.
  const box = await w.getByRole('button', { name: 'Move down' }).first().boundingBox();
  assert.ok(box.width >= 40 && box.height >= 40, JSON.stringify(box));
  assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= 320), 'no horizontal scroll');
  // Check the starting order as it is: wrong.
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: 'Not quite' }).waitFor();
  await w.getByRole('button', { name: 'Show answer' }).click();
  await w.getByText('The right order:').waitFor();
  const marks = await w.locator('.order-item .mark').allTextContents();
  assert.equal(marks.length, 4);
  assert.ok(marks.every((m) => m === '✓ in place' || /^✗ belongs at [1-4]$/.test(m)), marks.join(' | '));
  assert.ok(marks.some((m) => m.startsWith('✗')));
  await p.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await p.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  // Try again keeps the learner's order to work from; a click moves an item.
  await w.getByRole('button', { name: 'Try again' }).click();
  const before = await order(w);
  await w.locator('.order-item').nth(1).getByRole('button', { name: 'Move up' }).click();
  assert.deepEqual(await order(w), [before[1], before[0], ...before.slice(2)]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('by mouse: an item dragged onto another\'s place moves there, announced; a checked list no longer drags', async () => {
  const { w, context, errors } = await open();
  for (let target = 0; target < PLAIN.length; target++) {
    const at = (await order(w)).indexOf(PLAIN[target]);
    if (at === target) continue;
    await w.locator('.order-item').nth(at).dragTo(w.locator('.order-item').nth(target));
    await w.locator('.order-item').nth(target).locator('.order-text').filter({ hasText: PLAIN[target] }).waitFor();
    assert.equal(await w.locator('[role=status].visually-hidden').textContent(), `“${ITEMS[target]}” moved to position ${target + 1} of 4`);
  }
  assert.deepEqual(await order(w), PLAIN);
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  assert.deepEqual(await w.locator('.order-item[draggable]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("Next after a check opens the ordering question untouched: it is neither checked nor reported", async () => {
  for (const how of ['click', 'Enter']) {
    const { p, w, context, errors } = await openPage(env.browser, `${env.server.url}/after-one.html`);
    await p.evaluate(() => { window.answers = []; document.addEventListener('quiz-answer', (e) => window.answers.push(e.detail.questionId)); });
    await w.getByText('False', { exact: true }).click();
    await w.getByRole('button', { name: 'Check' }).click();
    const next = w.locator('.next-after-check');
    if (how === 'click') await next.click();
    else await next.press('Enter');
    await w.getByRole('list').first().waitFor();
    await p.waitForTimeout(300);
    assert.deepEqual(await p.evaluate(() => window.answers), ['first'], `${how}: only the first question was answered`);
    assert.equal(await w.getByRole('button', { name: 'Check' }).isVisible(), true, `${how}: the ordering question waits for its check`);
    assert.equal(await w.getByText('Not quite').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('→ from a choice of the question before leaves focus on the ordering question, not on the page', async () => {
  const { p, w, context, errors } = await openPage(env.browser, `${env.server.url}/after-one.html`);
  // Focus on a choice, which the next item does not have.
  await w.getByRole('radio', { name: /False/ }).focus();
  await p.keyboard.press('ArrowRight');
  await w.getByRole('list').first().waitFor();
  await p.waitForTimeout(200);
  const where = await p.evaluate(() => {
    const a = document.querySelector('quiz-widget').shadowRoot.activeElement;
    return a ? `${a.tagName} ${a.getAttribute('aria-label') ?? a.textContent} ${a.disabled}` : `outside: ${document.activeElement?.tagName}`;
  });
  assert.match(where, /^BUTTON Move (up|down) false$/, 'an item\'s usable Move button');
  // And the keyboard goes on from there: Alt+↓ moves that item.
  const before = await order(w);
  await p.keyboard.press('Alt+ArrowDown');
  await p.waitForTimeout(200);
  assert.notDeepEqual(await order(w), before);
  assert.deepEqual(errors, []);
  await context.close();
});
