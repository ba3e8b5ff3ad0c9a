// End-to-end: what a learner and a teacher meet in their first five minutes,
// on course pages and on the study page, by mouse, keyboard and touch, at
// phone and desktop widths, left to right and right to left.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'dist');
const require = createRequire(import.meta.url);

const page = (body, { lang = 'en', dir = 'ltr' } = {}) => ['text/html', `<!doctype html><html lang="${lang}" dir="${dir}"><head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>Test page</title><script type="module" src="/quiz-widget.js"></script></head>
<body><main><h1>A course page</h1>${body}<p id="after">The article goes on below the quiz.</p></main></body></html>`];

const inline = (quiz, attributes = '') =>
  `<quiz-widget ${attributes}><script type="application/json">${JSON.stringify(quiz)}</script></quiz-widget>`;

const CHECK = {
  id: 'check', title: 'Two-question check', description: 'Answer both, then read on.',
  questions: [
    { id: 'tf', type: 'true_false', prompt: 'Coroutines run in parallel threads.', answer: false, explanation: 'One thread.' },
    { id: 'multi', type: 'multiple', prompt: 'Which are awaitable?', choices: ['A coroutine', 'A Task', 'An int', 'A future'],
      answers: [0, 1, 3], explanation: 'Coroutines, Tasks and futures.', hint: 'Three of them.' },
  ],
};

const KINDS = {
  id: 'kinds', title: 'Every kind',
  questions: [
    { id: 'card', type: 'flashcard', prompt: 'The event loop?', back: 'It schedules coroutines.' },
    { id: 'ex', type: 'exercise', prompt: 'Write a coroutine.' },
    { id: 'one', type: 'single', prompt: 'Pick B.', choices: ['A', 'B'], answer: 1, explanation: 'B.' },
  ],
};

const ARABIC = {
  id: 'arabic', title: 'اختبار قصير', language: 'ar',
  description: 'أجب عن السؤالين.',
  questions: [
    { id: 'a1', type: 'single', prompt: 'ما الذي ينفذ الروتينات المشتركة؟', choices: ['حلقة الأحداث', 'الخيط الرئيسي'], answer: 0, explanation: 'حلقة الأحداث.' },
    { id: 'a2', type: 'true_false', prompt: 'هل `await` تعمل داخل `def` عادية؟', answer: false, explanation: 'لا.' },
  ],
};

const IMAGES = {
  id: 'images', title: 'Pictures',
  questions: [{ id: 'img', type: 'true_false', answer: true, explanation: 'e',
    prompt: 'The diagram ![The event loop running two tasks](diagram.png) shows one thread. ![bad](javascript:alert(1))' }],
};

let server, browser, tmp;

before(async () => {
  // The built dist/ three folders down, as a teacher might put it on a host.
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-subfolder-'));
  fs.mkdirSync(path.join(tmp, 'courses', 'python'), { recursive: true });
  fs.symlinkSync(dist, path.join(tmp, 'courses', 'python', 'quiz'));
  const routes = {
    '/check.html': () => page(inline(CHECK, 'id="check"') + inline(CHECK, 'id="full" controls="full" storage-key="check-full"')),
    '/policy.html': () => page(inline(CHECK, 'id="after2" solution="after-2" storage-key="after2"')
      + inline(CHECK, 'id="now" solution="immediately" storage-key="now"')),
    '/kinds.html': () => page(inline(KINDS, 'id="kinds"')),
    '/three.html': () => page(['one', 'two', 'three'].map((k) => inline({ ...CHECK, id: k, title: `Check ${k}` }, `id="${k}"`)).join('')),
    '/arabic.html': () => page(inline(ARABIC, 'id="ar"'), { lang: 'ar', dir: 'rtl' }),
    '/english-in-rtl.html': () => page(inline(CHECK, 'id="en"'), { lang: 'ar', dir: 'rtl' }),
    '/images.html': () => page(inline(IMAGES, 'id="img"')),
    '/diagram.png': () => ['image/png', fs.readFileSync(path.join(root, 'docs/screenshots/single-light-320.png'))],
  };
  server = await serve(dist, { routes });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function open(url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await p.goto(url);
  return { page: p, context, errors };
}

const status = (scope, text) => scope.getByRole('status').filter({ hasText: text }).waitFor();

// Records every widget event the page hears, in order.
async function recordEvents(p) {
  await p.evaluate(() => {
    window.events = [];
    for (const name of ['quiz-answer', 'quiz-complete']) {
      document.addEventListener(name, (e) => window.events.push({ name, ...e.detail }));
    }
  });
}

test('a course page shows a focused check; controls="full" brings the study tools', async () => {
  const { page: p, context, errors } = await open(server.url + '/check.html');
  const check = p.locator('#check');
  await check.getByRole('heading', { name: 'Two-question check' }).waitFor();
  await check.getByText('Answer both, then read on.').waitFor();
  for (const label of ['Mode', 'Difficulty', 'Topic', 'Shuffle']) {
    assert.equal(await check.getByLabel(label, { exact: true }).count(), 0, `${label} is a study control`);
  }
  assert.equal(await check.locator('.quiz-nav select, .quiz-nav input').count(), 0, 'no item list');
  for (const name of ['Export progress', 'Results as CSV']) {
    assert.equal(await check.getByRole('button', { name }).count(), 0, `${name} is a study tool`);
  }
  assert.equal(await check.locator('.keys').count(), 0, 'no keyboard help');
  assert.match(await check.locator('.quiz-nav').textContent(), /1 of 2/);
  assert.equal(await check.getByRole('button', { name: 'Start over' }).count(), 1, 'a small menu');
  const full = p.locator('#full');
  await full.getByLabel('Mode').waitFor();
  assert.equal(await full.getByRole('button', { name: 'Export progress' }).count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('no landmark of its own: axe finds nothing on a page with three widgets, the example course page or the study page', async () => {
  for (const url of ['/three.html', '/examples/course-page.html', '/']) {
    const { page: p, context } = await open(server.url + url);
    await p.locator('.quiz-widget .quiz-title').first().waitFor();
    const landmarks = await p.evaluate(() => [...document.querySelectorAll('quiz-widget')]
      .flatMap((w) => [...w.shadowRoot.querySelectorAll('main, nav, header, footer, aside, [role=main], [role=navigation], [role=banner], [role=contentinfo]')])
      .map((e) => e.tagName));
    assert.deepEqual(landmarks, [], url);
    await p.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const results = await p.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], url);
    await context.close();
  }
  const { page: p, context } = await open(server.url + '/');
  await p.getByRole('heading', { level: 1, name: 'Async Programming in Python' }).waitFor();
  await context.close();
});

test('keyboard: Enter on a focused button presses that button', async () => {
  const { page: p, context } = await open(server.url + '/check.html');
  const check = p.locator('#check');
  await check.getByRole('radio', { name: 'False' }).waitFor();
  // On item 1, Next in the navigation goes on; on item 2, Previous goes back.
  await check.locator('.quiz-nav').getByRole('button', { name: /Next/ }).focus();
  await p.keyboard.press('Enter');
  await check.getByRole('group', { name: 'Which are awaitable?' }).waitFor();
  await check.getByRole('button', { name: 'Show hint' }).focus();
  await p.keyboard.press('Enter');
  await check.getByText('Three of them.').waitFor();
  await check.locator('.quiz-nav').getByRole('button', { name: /Previous/ }).focus();
  await p.keyboard.press('Enter');
  await check.getByRole('group', { name: 'Coroutines run in parallel threads.' }).waitFor();
  await context.close();
});

test('keyboard on a course page: Enter checks, focus stays in the widget, Enter goes on', async () => {
  const { page: p, context } = await open(server.url + '/check.html');
  const check = p.locator('#check');
  await check.getByRole('radio', { name: 'False' }).focus();
  await p.keyboard.press('2');
  await p.keyboard.press('Enter');
  await status(check, 'Correct!');
  const focused = await p.evaluate(() => document.querySelector('#check').shadowRoot.activeElement?.textContent);
  assert.equal(focused, 'Next →', 'focus is on Next, inside the widget');
  await p.keyboard.press('Enter');
  await check.getByRole('group', { name: 'Which are awaitable?' }).waitFor();
  await context.close();
});

test("keyboard: Reset progress asks first, with focus on Cancel; Escape cancels, and nothing is lost", async () => {
  const { page: p, context } = await open(server.url + '/check.html');
  const check = p.locator('#check');
  const active = () => p.evaluate(() => document.querySelector('#check').shadowRoot.activeElement?.textContent);
  await check.getByRole('radio', { name: 'False' }).focus();
  await p.keyboard.press('2');
  await p.keyboard.press('Enter');
  await status(check, 'Correct!');
  await check.getByRole('button', { name: 'Reset progress' }).focus();
  await p.keyboard.press('Enter');
  await check.getByRole('alertdialog').waitFor();
  await p.waitForFunction(() => document.querySelector('#check').shadowRoot.activeElement?.textContent === 'Cancel');
  // A second Enter presses Cancel, the safe answer, not Reset progress.
  await p.keyboard.press('Enter');
  await check.getByRole('alertdialog').waitFor({ state: 'detached' });
  await check.getByRole('button', { name: 'Reset progress' }).focus();
  await p.keyboard.press('Enter');
  await check.getByRole('alertdialog').waitFor();
  await p.keyboard.press('Escape');
  await check.getByRole('alertdialog').waitFor({ state: 'detached' });
  assert.notEqual(await active(), undefined, 'focus stays in the widget');
  assert.match(await check.locator('.progress-text').textContent(), /^1 \/ 2 answered · 1 correct/);
  await context.close();
});

test('a flipped card has focus on its back, so Enter grades nothing; digits grade', async () => {
  const { page: p, context } = await open(server.url + '/kinds.html');
  const w = p.locator('#kinds');
  await w.getByRole('button', { name: /Show answer/ }).focus();
  await p.keyboard.press(' ');
  await w.getByText('It schedules coroutines.').waitFor();
  assert.equal(await p.evaluate(() => document.querySelector('#kinds').shadowRoot.activeElement?.className), 'card-face back');
  await p.keyboard.press('Enter');
  assert.match(await w.locator('.progress-text').textContent(), /^0 \/ 3/, 'Enter graded nothing');
  await p.keyboard.press('3');
  await w.getByRole('textbox', { name: /notes/ }).waitFor();
  assert.match(await w.locator('.progress-text').textContent(), /^1 \/ 3/);
  await context.close();
});

test('multiple answers: each option says right and picked, missed, or wrongly picked, in words', async () => {
  const { page: p, context } = await open(server.url + '/check.html');
  const check = p.locator('#check');
  await check.locator('.quiz-nav').getByRole('button', { name: /Next/ }).click();
  await check.getByRole('checkbox', { name: 'A coroutine' }).check();
  await check.getByRole('checkbox', { name: 'An int' }).check();
  await check.getByRole('button', { name: 'Check' }).click();
  await status(check, 'Try again, or show the answer.');
  assert.equal(await check.locator('.choice[data-state]').count(), 0, 'nothing is given away before the learner asks');
  assert.equal(await check.getByText('Coroutines, Tasks and futures.').count(), 0, 'nor the explanation');
  await check.getByRole('button', { name: 'Show answer' }).click();
  const marks = await check.locator('.choice').evaluateAll((rows) => rows.map((r) => `${r.dataset.state ?? '-'}: ${r.querySelector('.mark')?.textContent ?? ''}`));
  assert.deepEqual(marks, [
    'right: ✓ Correct, and you picked it',
    'missed: ○ Missed: this one is correct too',
    'wrong: ✗ Not correct, but you picked it',
    'missed: ○ Missed: this one is correct too',
  ]);
  await check.getByText('Coroutines, Tasks and futures.').waitFor();
  await context.close();
});

test('the solution policy is the author\'s: after N tries, or immediately', async () => {
  const { page: p, context } = await open(server.url + '/policy.html');
  const after2 = p.locator('#after2');
  await after2.getByRole('radio', { name: 'True' }).check();
  await after2.getByRole('button', { name: 'Check' }).click();
  await status(after2, 'Have another try.');
  assert.equal(await after2.getByRole('button', { name: 'Show answer' }).count(), 0, 'not after one try');
  await after2.getByRole('button', { name: 'Try again' }).click();
  await after2.getByRole('radio', { name: 'True' }).check();
  await after2.getByRole('button', { name: 'Check' }).click();
  await status(after2, 'Try again, or show the answer.');
  await after2.getByRole('button', { name: 'Show answer' }).click();
  await after2.getByText('One thread.').waitFor();
  const now = p.locator('#now');
  await now.getByRole('radio', { name: 'True' }).check();
  await now.getByRole('button', { name: 'Check' }).click();
  await now.getByText('One thread.').waitFor();
  assert.match(await now.locator('.choice[data-state="answer"]').textContent(), /False.*Correct answer/);
  await context.close();
});

test('start over, retry and review each start fresh, and the header counts what it shows', async () => {
  const { page: p, context } = await open(server.url + '/check.html');
  const full = p.locator('#full');
  await full.getByRole('radio', { name: 'True' }).check();
  await full.getByRole('button', { name: 'Check' }).click();
  await full.locator('.quiz-body').getByRole('button', { name: /Next/ }).click();
  for (const name of ['A coroutine', 'A Task', 'A future']) await full.getByRole('checkbox', { name }).check();
  await full.getByRole('button', { name: 'Check' }).click();
  await status(full, 'Correct!');
  assert.match(await full.locator('.progress-text').textContent(), /^2 \/ 2 answered · 1 correct/);
  await full.locator('.quiz-body').getByRole('button', { name: /Next/ }).click();
  await full.getByRole('button', { name: 'Retry wrong answers' }).click();
  await full.getByRole('radio', { name: 'True' }).waitFor();
  assert.match(await full.locator('.progress-text').textContent(), /^Retrying wrong answers · 0 \/ 1 answered · 0 correct/);
  assert.equal(await full.getByRole('radio', { checked: true }).count(), 0, 'the item starts fresh');
  assert.equal(await full.locator('.feedback').count(), 0);
  // Start over from the summary: every item fresh, the stored answers kept.
  await full.getByRole('radio', { name: 'False' }).check();
  await full.getByRole('button', { name: 'Check' }).click();
  await full.locator('.quiz-body').getByRole('button', { name: /Next/ }).click();
  await full.getByRole('button', { name: 'Start over' }).first().click();
  assert.match(await full.locator('.progress-text').textContent(), /^0 \/ 2 answered · 0 correct/);
  assert.equal(await full.locator('.feedback').count(), 0);
  // Reviewing mistakes opens an item to answer, not its solution.
  await full.getByLabel('Mode').selectOption('practice');
  assert.match(await full.locator('.progress-text').textContent(), /^2 \/ 2 answered · 2 correct/, 'practice counts every answer again');
  await context.close();
});

test('reviewing mistakes opens each one to answer again, not its solution', async () => {
  const { page: p, context } = await open(server.url + '/check.html');
  const full = p.locator('#full');
  await full.getByRole('radio', { name: 'True' }).check();
  await full.getByRole('button', { name: 'Check' }).click();
  await status(full, 'Not quite.');
  await full.getByLabel('Mode').selectOption('review');
  await full.getByRole('radio', { name: 'True' }).waitFor();
  assert.equal(await full.getByRole('radio', { checked: true }).count(), 0);
  assert.equal(await full.locator('.feedback').count(), 0);
  assert.match(await full.locator('.progress-text').textContent(), /^0 \/ 1 answered/);
  await context.close();
});

test('flashcard grades sit in one row at 375 px and two by two at 320 px', async () => {
  for (const [width, rows] of [[375, 1], [320, 2]]) {
    const { page: p, context } = await open(server.url + '/kinds.html', { viewport: { width, height: 700 } });
    const w = p.locator('#kinds');
    await w.getByRole('button', { name: /Show answer/ }).click();
    const boxes = await w.locator('.grades button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect()));
    const middles = boxes.map((b) => Math.round(b.top + b.height / 2));
    assert.equal(new Set(middles).size, rows, `${width} px: ${middles}`);
    assert.equal(new Set(boxes.map((b) => Math.round(b.height))).size, 1, `${width} px: no label wraps`);
    await context.close();
  }
});

test('a reload comes back to the learner\'s item and round', async () => {
  const { page: p, context } = await open(server.url + '/');
  const field = p.locator('.quiz-nav input');
  await field.fill('60');
  await field.press('Enter');
  await p.waitForFunction(() => document.querySelector('.quiz-nav input').value === '60');
  const legend = await p.locator('.quiz-body legend').textContent();
  await p.reload();
  await p.getByRole('heading', { name: 'Async Programming in Python' }).waitFor();
  await p.waitForFunction(() => document.querySelector('.quiz-nav input')?.value === '60');
  assert.equal(await p.locator('.quiz-body legend').textContent(), legend);
  await context.close();
});

test('events: every graded act sends quiz-answer; quiz-complete when the last item is done; a reload sends none', async () => {
  const { page: p, context } = await open(server.url + '/kinds.html');
  const w = p.locator('#kinds');
  await w.getByRole('button', { name: /Show answer/ }).waitFor();
  await recordEvents(p);
  await w.getByRole('button', { name: /Show answer/ }).click();
  await w.getByRole('button', { name: 'Good' }).click();
  await w.getByRole('button', { name: 'Confident' }).click();
  await w.locator('.quiz-body').getByRole('button', { name: /Next|Weiter/ }).count();
  await w.locator('.quiz-nav').getByRole('button', { name: /Next/ }).click();
  await w.getByRole('radio', { name: 'B' }).check();
  await w.getByRole('button', { name: 'Check' }).click();
  await status(w, 'Correct!');
  const events = await p.evaluate(() => window.events);
  assert.deepEqual(events, [
    { name: 'quiz-answer', quizId: 'kinds', questionId: 'card', kind: 'flashcard', correct: true, attempts: 1, rating: 'good', topic: null,
      response: null, score: null, maxScore: null },
    { name: 'quiz-answer', quizId: 'kinds', questionId: 'ex', kind: 'exercise', correct: true, attempts: 1, rating: 'confident', topic: null,
      response: null, score: null, maxScore: null },
    { name: 'quiz-answer', quizId: 'kinds', questionId: 'one', kind: 'single', correct: true, attempts: 1, rating: null, topic: null,
      response: 1, score: 1, maxScore: 1 },
    { name: 'quiz-complete', quizId: 'kinds', section: null, score: 1, maxScore: 1, passed: null, correct: 1, graded: 1, total: 3,
      results: [{ questionId: 'one', correct: true, score: 1, maxScore: 1 }] },
  ]);
  await p.reload();
  await recordEvents(p);
  await w.locator('.progress-text').filter({ hasText: '3 / 3' }).waitFor();
  assert.deepEqual(await p.evaluate(() => window.events), [], 'restoring progress sends nothing');
  await context.close();
});

test('layout: Next stays put from item to item, the question starts in the first screen at 375 px, nothing overflows at 320 px', async () => {
  const { page: p, context } = await open(server.url + '/check.html', { viewport: { width: 375, height: 667 } });
  const check = p.locator('#check');
  const next = check.locator('.quiz-nav').getByRole('button', { name: /Next/ });
  await next.waitFor();
  const before = await next.boundingBox();
  await next.click();
  await check.getByRole('group', { name: 'Which are awaitable?' }).waitFor();
  assert.deepEqual(await next.boundingBox(), before, 'the button did not move under the pointer');
  const top = await check.locator('legend').boundingBox();
  assert.ok(top.y + top.height < 667, `the question starts at ${top.y} px`);
  await context.close();
  for (const url of ['/', '/check.html', '/arabic.html']) {
    const narrow = await open(server.url + url, { viewport: { width: 320, height: 700 } });
    await narrow.page.locator('.quiz-widget legend').first().waitFor();
    const legend = await narrow.page.locator('.quiz-widget legend').first().boundingBox();
    if (url === '/') assert.ok(legend.y < 700, `study page: the question starts at ${legend.y} px`);
    const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, url);
    await narrow.context.close();
  }
});

test('right to left: an Arabic quiz is rtl with lang="ar"; an English quiz in an rtl page reads left to right', async () => {
  const { page: p, context } = await open(server.url + '/arabic.html');
  const root = p.locator('#ar .quiz-widget');
  await root.getByRole('heading', { name: 'اختبار قصير' }).waitFor();
  assert.equal(await root.getAttribute('lang'), 'ar');
  assert.equal(await root.getAttribute('dir'), 'rtl');
  const box = await root.boundingBox();
  const title = await root.locator('.quiz-title').boundingBox();
  assert.ok(title.x + title.width > box.x + box.width - 40, 'the title starts on the right');
  await context.close();
  const en = await open(server.url + '/english-in-rtl.html');
  const w = en.page.locator('#en .quiz-widget');
  await w.locator('.progress-text').waitFor();
  // The sentence reads left to right inside a right-to-left page, aligned to its start.
  const layout = await w.locator('.progress-text').evaluate((p) => {
    const bdi = p.querySelector('bdi').getBoundingClientRect();
    return { page: getComputedStyle(p).direction, text: p.querySelector('bdi').matches(':dir(ltr)'), right: p.getBoundingClientRect().right - bdi.right };
  });
  assert.deepEqual(layout, { page: 'rtl', text: true, right: 0 });
  assert.equal(await w.locator('.progress-text').textContent(), '0 / 2 answered · 0 correct');
  // So does a kind's instruction: its full stop ends it, on the left.
  await w.getByRole('button', { name: 'Next →' }).first().click();
  const instruction = w.locator('.instruction');
  await instruction.waitFor();
  assert.equal(await instruction.getAttribute('lang'), 'en');
  assert.equal(await instruction.locator('bdi').evaluate((b) => b.matches(':dir(ltr)')), true);
  await en.context.close();
});

test('images: ![alt](src) shows the picture with its description; an unsafe source shows only the text', async () => {
  const { page: p, context } = await open(server.url + '/images.html');
  const img = p.locator('#img').getByRole('img', { name: 'The event loop running two tasks' });
  await img.waitFor();
  assert.equal(await img.getAttribute('src'), 'diagram.png');
  assert.equal(await p.locator('#img img').count(), 1);
  assert.match(await p.locator('#img legend').textContent(), /shows one thread\. bad$/);
  await context.close();
});

test('the study page and the example course page work from a sub-folder', async () => {
  const sub = await serve(tmp);
  const { page: p, context, errors } = await open(sub.url + '/courses/python/quiz/');
  await p.getByRole('heading', { name: 'Async Programming in Python' }).waitFor();
  await p.getByRole('group', { name: /concurrency and parallelism/ }).waitFor();
  await p.goto(sub.url + '/courses/python/quiz/examples/course-page.html');
  await p.locator('#file-quiz').getByRole('heading', { name: 'Practice set: tasks and gathering' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
  await sub.close();
});

test('no reviews due in a section with nothing answered yet, and no key hints on a touch screen', async () => {
  const { page: p, context } = await open(server.url + '/', { hasTouch: true, isMobile: true, viewport: { width: 375, height: 700 } });
  await p.getByLabel('Section').selectOption({ label: 'Chapter 13: Async Programming' });
  await p.locator('.progress-text').filter({ hasText: 'answered' }).waitFor();
  assert.doesNotMatch(await p.locator('.progress-text').textContent(), /due/);
  assert.equal(await p.locator('.keys').isVisible(), false);
  await p.getByLabel('Section').selectOption({ label: 'Asyncio Flashcards' });
  await p.locator('.progress-text').filter({ hasText: '5 reviews due today' }).waitFor();
  await context.close();
});
