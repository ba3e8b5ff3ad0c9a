// End-to-end: hints revealed one at a time, by keyboard, and kept in place
// after checking; feedback written for the picked choices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { inlineQuizPage } from './serve.mjs';
import { servedPages } from './browser.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const QUIZ = JSON.stringify({ id: 'hints', title: 'Hints', questions: [
  { id: 'q', type: 'short', prompt: 'Which call runs a coroutine from plain code?', accept: ['asyncio.run'],
    hints: ['It is in the `asyncio` module.', 'It starts and closes an event loop.', 'Its name is a verb: *run*.'], explanation: 'asyncio.run()' },
] });
const CHOICES = JSON.stringify({ id: 'choice-feedback', title: 'Feedback per choice', questions: [
  { id: 's', type: 'single', prompt: 'What does calling `greet()` return?', choices: ['str', 'a coroutine object', 'Hello'], answer: 1,
    feedback: ['Only once it is awaited.', '', 'That is what awaiting it gives.'], explanation: 'A coroutine object.' },
  { id: 'm', type: 'multiple', prompt: 'Which run coroutines concurrently?', choices: ['asyncio.gather', 'time.sleep', 'asyncio.TaskGroup'], answers: [0, 2],
    feedback: ['Yes: it awaits them together.', 'No: it blocks the loop.', 'Yes: tasks in a group run together.'], explanation: 'gather and TaskGroup.' },
] });
const CARDS = JSON.stringify({ id: 'cards', title: 'Cards', questions: [
  { id: 'c', type: 'flashcard', prompt: 'What runs coroutines?', back: 'The event loop.' }] });

const env = servedPages(path.join(root, 'dist'), { routes: { '/hints.html': inlineQuizPage(QUIZ), '/choices.html': inlineQuizPage(CHOICES), '/cards.html': inlineQuizPage(CARDS) } });

test('three hints, one per press, then none left; they stay after checking', async () => {
  const context = await env.browser.newContext();
  const p = await context.newPage();
  await p.goto(`${env.server.url}/hints.html`);
  const widget = p.locator('quiz-widget');
  const notes = widget.getByRole('note');
  await widget.getByRole('button', { name: 'Show hint' }).focus();
  await p.keyboard.press('Enter');
  await notes.first().filter({ hasText: 'It is in the asyncio module.' }).waitFor();
  assert.equal(await notes.count(), 1);
  // Focus stays on the button, which now offers the next hint.
  const focused = () => p.evaluate(() => document.querySelector('quiz-widget').shadowRoot.activeElement?.textContent);
  assert.equal(await focused(), 'Next hint (2 of 3)');
  await p.keyboard.press('Enter');
  assert.equal(await focused(), 'Next hint (3 of 3)');
  await p.keyboard.press('Enter');
  await notes.nth(2).filter({ hasText: 'Its name is a verb: run.' }).waitFor();
  assert.equal(await widget.getByRole('button', { name: /hint/i }).count(), 0, 'no hint is left to show');
  // With the button gone, focus moves on to the answer field, not to the page.
  const field = widget.getByRole('textbox', { name: 'Your answer' });
  await p.waitForFunction(() => document.querySelector('quiz-widget').shadowRoot.activeElement?.tagName === 'INPUT');
  await p.keyboard.type('asyncio.run');
  assert.equal(await field.inputValue(), 'asyncio.run');
  await p.keyboard.press('Enter');
  await widget.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  assert.equal(await notes.count(), 3);
  await context.close();
});

test('the feedback of the picked choices shows with the verdict', async () => {
  const context = await env.browser.newContext();
  const p = await context.newPage();
  await p.goto(`${env.server.url}/choices.html`);
  const widget = p.locator('quiz-widget');
  await widget.getByRole('radio', { name: /Hello/ }).check();
  await widget.getByRole('button', { name: 'Check' }).click();
  const feedback = widget.getByRole('status').locator('.choice-feedback');
  await feedback.filter({ hasText: 'That is what awaiting it gives.' }).waitFor();
  assert.equal(await feedback.count(), 1);
  await widget.getByRole('button', { name: 'Try again' }).click();
  await widget.getByRole('radio', { name: /a coroutine object/ }).check();
  await widget.getByRole('button', { name: 'Check' }).click();
  await widget.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  assert.equal(await feedback.count(), 0, 'a choice without feedback shows none');
  await widget.getByRole('button', { name: /Next/ }).first().click();
  await widget.getByRole('checkbox', { name: /asyncio.gather/ }).check();
  await widget.getByRole('checkbox', { name: /time.sleep/ }).check();
  await widget.getByRole('button', { name: 'Check' }).click();
  await feedback.filter({ hasText: 'No: it blocks the loop.' }).waitFor();
  assert.deepEqual(await feedback.allTextContents(), ['Yes: it awaits them together.', 'No: it blocks the loop.']);
  await context.close();
});

test('each grade button says when the card would come back', async () => {
  const context = await env.browser.newContext();
  const p = await context.newPage();
  await p.goto(`${env.server.url}/cards.html`);
  const widget = p.locator('quiz-widget');
  await widget.getByRole('button', { name: /Show answer/ }).click();
  const when = async (grade) => widget.locator(`.grade[data-grade="${grade}"] .when`).textContent();
  assert.deepEqual(
    [await when('again'), await when('hard'), await when('good'), await when('easy')],
    // FSRS-6 defaults: learning steps of 1 and 10 minutes (Hard halfway: 5.5, shown rounded up); Easy graduates at once (8 days, spread by fuzz).
    ['in 1 min', 'in 6 min', 'in 10 min', 'in 10 days'],
  );
  await context.close();
});
