// End-to-end: a numeric question as a learner meets it on a course page, by
// mouse and keyboard, on a phone-sized screen and in German.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { inlineQuizPage } from './serve.mjs';
import { servedPages } from './browser.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const QUIZ = (language) => JSON.stringify({
  id: `numbers-${language}`, title: 'Numbers', language,
  questions: [
    { id: 'g', type: 'numeric', prompt: 'The acceleration of free fall?', answer: 9.81, tolerance: 0.05, unit: 'm/s²', explanation: 'About 9.81 m/s².' },
    { id: 'r', type: 'numeric', prompt: 'A neutral pH?', range: [6.5, 7.5], explanation: 'Around 7.' },
    { id: 'u', type: 'numeric', prompt: 'How long does the handshake take?', answer: 3, unit: 'round-trips-over-the-satellite-link' },
  ],
});

const env = servedPages(path.join(root, 'dist'), { routes: { '/en.html': inlineQuizPage(QUIZ('en')), '/de.html': inlineQuizPage(QUIZ('de'), 'de') } });

test('a number with its unit: a comma as decimal mark is right, a wrong one shows the answer', async () => {
  const context = await env.browser.newContext({ viewport: { width: 320, height: 700 } });
  const p = await context.newPage();
  await p.goto(`${env.server.url}/en.html`);
  const widget = p.locator('quiz-widget');
  const field = widget.getByRole('textbox', { name: 'Your answer' });
  await field.waitFor();
  assert.equal(await field.getAttribute('inputmode'), 'decimal');
  assert.equal(await widget.locator('.unit').textContent(), 'm/s²');
  await field.fill('9,9');
  await field.press('Enter');
  await widget.getByRole('status').filter({ hasText: 'Not quite.' }).waitFor();
  await widget.getByRole('button', { name: 'Show answer' }).click();
  await widget.getByText('Correct answer: 9.81 ± 0.05 m/s²').waitFor();
  await widget.getByRole('button', { name: 'Try again' }).click();
  await field.fill('9,8');
  await field.press('Enter');
  await widget.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'nothing overflows 320 px');
  // A long unit goes under the box rather than squeezing it to a sliver.
  await widget.getByRole('button', { name: 'Next →' }).first().click();
  await widget.getByRole('button', { name: 'Next →' }).first().click();
  await widget.getByText('How long does the handshake take?').waitFor();
  const box = await field.boundingBox();
  assert.ok(box.width >= 120, `the answer box is ${box.width} px wide`);
  await context.close();
});

test('answers are kept across a reload, and the kind has its name in German', async () => {
  const context = await env.browser.newContext();
  const p = await context.newPage();
  await p.goto(`${env.server.url}/de.html`);
  const widget = p.locator('quiz-widget');
  await widget.getByText('Zahl', { exact: true }).waitFor();
  const field = widget.getByRole('textbox', { name: 'Deine Antwort' });
  await field.fill('9,81');
  await widget.getByRole('button', { name: 'Prüfen' }).click();
  await widget.getByRole('status').filter({ hasText: 'Richtig!' }).waitFor();
  await p.reload();
  await widget.getByRole('status').filter({ hasText: 'Richtig!' }).waitFor();
  assert.equal(await field.inputValue(), '9,81');
  await context.close();
});
