// Takes screenshots of the study page: each item type, light and dark, at
// 320 px and 1024 px. Usage: node tests/e2e/screenshots.mjs [out-dir]
import path from 'node:path';
import fs from 'node:fs';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.resolve(process.argv[2] || path.join(root, 'docs/screenshots'));
fs.mkdirSync(out, { recursive: true });
const server = await serve(path.join(root, 'dist'));
const browser = await launch();

// Which item to show for each kind, and what to do to show its interesting state.
const shots = [
  { name: 'single', section: 'chapter-13', item: 3, act: async (p) => { await p.keyboard.press('2'); await p.keyboard.press('Enter'); } },
  { name: 'single-wrong', section: 'study-notes', item: 7, act: async (p) => { await p.keyboard.press('1'); await p.keyboard.press('Enter'); } },
  { name: 'flashcard', section: 'flashcards', item: 0, act: async (p) => { await p.keyboard.press(' '); } },
  { name: 'exercise', section: 'exercises', item: 0, act: async (p) => {
    await p.getByText('Think about').click();
    await p.getByLabel('Your notes and solution').fill('async def fetch(url):\n    await asyncio.sleep(1)\n    return url');
    await p.getByRole('button', { name: 'Confident' }).click();
  } },
  { name: 'summary', section: 'study-notes', item: 18, act: async () => {} },
];
for (const scheme of ['light', 'dark']) {
  for (const width of [320, 1024]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
    for (const shot of shots) {
      const page = await context.newPage();
      await page.goto(server.url + '/');
      await page.getByRole('heading', { name: 'Async Programming in Python' }).waitFor();
      await page.getByLabel('Section').selectOption(shot.section);
      await page.locator('.quiz-nav select').selectOption(String(shot.item));
      // Put focus in the item, as a learner tabbing in would, so the keys reach the widget.
      await page.locator('.quiz-body input, .quiz-body button, .quiz-body textarea').first().focus();
      await shot.act(page);
      await page.screenshot({ path: path.join(out, `${shot.name}-${scheme}-${width}.png`), fullPage: true });
      await page.close();
    }
    await context.close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots written to ${out}`);
