// Takes the gallery's screenshots: the study page's item kinds, the kinds
// the bundled bank lacks (from examples/my-questions.json), the example
// course page, and an Arabic quiz on a right-to-left page, light and dark, at
// 320, 375 and 1280 px. Usage: node tests/e2e/screenshots.mjs [out-dir]
import path from 'node:path';
import fs from 'node:fs';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.resolve(process.argv[2] || path.join(root, 'docs/screenshots'));
fs.mkdirSync(out, { recursive: true });
for (const old of fs.readdirSync(out).filter((f) => f.endsWith('.png'))) fs.rmSync(path.join(out, old));

const ARABIC = {
  id: 'asyncio-ar', title: 'البرمجة غير المتزامنة: اختبار قصير', language: 'ar',
  description: 'أجب عن الأسئلة ثم تابع القراءة.',
  questions: [
    { id: 'loop', type: 'single', topic: 'حلقة الأحداث', prompt: 'ما الذي يشغّل الروتينات المشتركة في `asyncio`؟',
      choices: ['حلقة الأحداث', 'خيط جديد لكل روتين', 'نظام التشغيل مباشرة'], answer: 0,
      explanation: 'حلقة الأحداث تشغّل روتيناً واحداً في كل مرة وتنتقل بينها عند كل `await`.' },
    { id: 'await', type: 'true_false', prompt: 'يمكن استخدام `await` داخل دالة `def` عادية.', answer: false,
      explanation: 'لا: `await` تعمل فقط داخل `async def`.' },
    { id: 'awaitables', type: 'multiple', prompt: 'أيّ مما يلي يمكن انتظاره؟', choices: ['روتين مشترك', 'مهمة `Task`', 'عدد صحيح'],
      answers: [0, 1], explanation: 'الروتينات والمهام قابلة للانتظار.' },
  ],
};
const arabicPage = ['text/html', `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>درس</title>
<link rel="stylesheet" href="/examples/course-page.css"><script type="module" src="/quiz-widget.js"></script></head>
<body><main class="course-main"><h1>الأسبوع الثالث: التزامن</h1><p>اقرأ الفصل ثم اختبر نفسك.</p>
<quiz-widget id="ar"><script type="application/json">${JSON.stringify(ARABIC)}</script></quiz-widget></main></body></html>`];

// The kinds the bundled bank does not have, each on a course page of its own.
const KINDS = JSON.parse(fs.readFileSync(path.join(root, 'examples/my-questions.json'), 'utf8'));
const kindPage = (id) => ['text/html', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>Kinds</title>
<link rel="stylesheet" href="/examples/course-page.css"><script type="module" src="/quiz-widget.js"></script></head>
<body><main class="course-main"><h1>Week 3: tasks</h1><quiz-widget id="kind" heading-level="2"><script type="application/json">${
  JSON.stringify({ ...KINDS, id: `shot-${id}`, questions: KINDS.questions.filter((q) => q.id === id) })}</script></quiz-widget></main></body></html>`];
const kindShots = [
  { name: 'ordering', id: 'run-steps', act: async (w) => {
    await w.getByRole('button', { name: 'Check' }).click();
    await w.getByRole('button', { name: 'Show answer' }).click();
  } },
  { name: 'matching', id: 'match-calls', act: async (w) => {
    const selects = w.getByRole('combobox');
    await selects.nth(0).selectOption({ label: 'Runs a coroutine from plain code' });
    await selects.nth(1).selectOption({ label: 'Starts a new thread' });
    await selects.nth(2).selectOption({ label: 'Waits without blocking the loop' });
    await w.getByRole('button', { name: 'Check' }).click();
    await w.getByRole('button', { name: 'Show answer' }).click();
  } },
  { name: 'cloze', id: 'fill-run', act: async (w) => {
    await w.getByRole('textbox', { name: 'Blank 1 of 3' }).fill('asyncio.run');
    await w.getByRole('combobox', { name: 'Blank 2 of 3' }).selectOption('time.sleep(1)');
    await w.getByRole('textbox', { name: 'Blank 3 of 3' }).fill('asyncio.gather');
    await w.getByRole('button', { name: 'Check' }).click();
    await w.getByRole('button', { name: 'Show answer' }).click();
  } },
  { name: 'tracing', id: 'await-outside', act: async (w) => {
    await w.getByText('Yes', { exact: true }).click();
    await w.getByRole('textbox', { name: 'What does it print when it runs?' }).fill('done');
    await w.getByRole('button', { name: 'Check' }).click();
    await w.getByRole('button', { name: 'Show answer' }).click();
  } },
  { name: 'numeric', id: 'gather-time', act: async (w) => {
    await w.getByRole('textbox').fill('6');
    await w.getByRole('button', { name: 'Check' }).click();
  } },
];

const server = await serve(path.join(root, 'dist'), { routes: {
  '/arabic.html': () => arabicPage,
  ...Object.fromEntries(kindShots.map((k) => [`/${k.name}.html`, () => kindPage(k.id)])),
} });
const browser = await launch();

// The study page: which item to show for each kind, and what to do to show its interesting state.
const studyShots = [
  { name: 'single', section: 'chapter-13', item: 3, act: async (p) => { await p.keyboard.press('2'); await p.keyboard.press('Enter'); } },
  { name: 'single-wrong', section: 'study-notes', item: 7, act: async (p) => {
    await p.keyboard.press('1');
    await p.keyboard.press('Enter');
    await p.getByRole('button', { name: 'Show answer' }).click();
  } },
  { name: 'flashcard', section: 'flashcards', item: 0, act: async (p) => { await p.keyboard.press(' '); } },
  { name: 'exercise', section: 'exercises', item: 0, act: async (p) => {
    await p.getByText('Think about').click();
    await p.getByLabel('Your notes and solution').fill('async def fetch(url):\n    await asyncio.sleep(1)\n    return url');
    await p.getByRole('button', { name: 'Confident' }).click();
  } },
  { name: 'summary', section: 'study-notes', item: 18, act: async () => {} },
];

async function studyShot(context, shot, file) {
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await page.getByRole('heading', { name: 'Async Programming in Python' }).waitFor();
  await page.getByLabel('Section').selectOption(shot.section);
  await page.locator('.quiz-nav select').selectOption(String(shot.item));
  // Put focus in the item, as a learner tabbing in would, so the keys reach the widget.
  await page.locator('.quiz-body input, .quiz-body button, .quiz-body textarea').first().focus();
  await shot.act(page);
  await page.screenshot({ path: file, fullPage: true });
  await page.close();
}

async function coursePageShot(context, file) {
  const page = await context.newPage();
  await page.goto(server.url + '/examples/course-page.html');
  const inline = page.locator('#inline-quiz');
  await inline.getByRole('radio', { name: 'True' }).check();
  await inline.getByRole('button', { name: 'Check' }).click();
  await inline.getByRole('status').filter({ hasText: 'Not quite.' }).waitFor();
  await page.locator('#file-quiz').getByRole('radio').first().waitFor();
  await page.screenshot({ path: file, fullPage: true });
  await page.close();
}

async function kindShot(context, shot, file) {
  const page = await context.newPage();
  await page.goto(`${server.url}/${shot.name}.html`);
  const w = page.locator('#kind');
  await w.getByRole('button', { name: 'Check' }).waitFor();
  await shot.act(w);
  await page.screenshot({ path: file, fullPage: true });
  await page.close();
}

async function arabicShot(context, file) {
  const page = await context.newPage();
  await page.goto(server.url + '/arabic.html');
  const w = page.locator('#ar');
  await w.getByRole('radio', { name: 'خيط جديد لكل روتين' }).check();
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('button', { name: 'Show answer' }).click();
  await page.screenshot({ path: file, fullPage: true });
  await page.close();
}

for (const scheme of ['light', 'dark']) {
  for (const width of [320, 375, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
    for (const shot of studyShots) await studyShot(context, shot, path.join(out, `${shot.name}-${scheme}-${width}.png`));
    await coursePageShot(context, path.join(out, `course-page-${scheme}-${width}.png`));
    for (const shot of kindShots) await kindShot(context, shot, path.join(out, `${shot.name}-${scheme}-${width}.png`));
    await arabicShot(context, path.join(out, `arabic-rtl-${scheme}-${width}.png`));
    if (width === 1280) {
      const page = await context.newPage();
      await page.goto(server.url + '/');
      await page.locator('.teacher-panel').screenshot({ path: path.join(out, `study-page-teacher-panel-${scheme}-${width}.png`) });
      await page.close();
    }
    await context.close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots written to ${out}`);
