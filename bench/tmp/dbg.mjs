import fs from 'node:fs';
import { serve } from '../../tests/e2e/serve.mjs';
import { launch } from '../../tests/e2e/browser.mjs';
const CODE = '```python\nasync def fetch(session, url):\n    async with session.get(url) as response:\n        return await response.text()\n```';

/** A mixed question set of `n` items with realistic text and code. */
function generate(n) {
  const questions = [];
  for (let i = 0; i < n; i++) {
    const base = { id: `q${i}`, topic: `Topic ${i % 40}`, difficulty: ['basic', 'intermediate', 'advanced', 'expert'][i % 4] };
    const prompt = `Question ${i}: what happens when this coroutine is awaited inside a running event loop?` + (i % 5 === 0 ? `\n\n${CODE}` : '');
    const choices = ['It runs to completion before anything else', 'It suspends at each `await` and lets other tasks run', 'It starts a new thread', 'It raises `RuntimeError`'];
    const explanation = 'Awaiting suspends the coroutine until the awaited object completes; the loop runs other ready tasks meanwhile.';
    const kind = i % 20;
    if (kind < 10) questions.push({ ...base, type: 'single', prompt, choices, answer: 1, explanation });
    else if (kind < 13) questions.push({ ...base, type: 'multiple', prompt, choices, answers: [1, 3], explanation });
    else if (kind < 16) questions.push({ ...base, type: 'true_false', prompt: `Statement ${i}: asyncio runs coroutines on one thread.`, answer: true, explanation });
    else if (kind < 18) questions.push({ ...base, type: 'short', prompt: `Question ${i}: which function runs a coroutine from sync code?`, accept: ['asyncio.run'], explanation });
    else if (kind < 19) questions.push({ ...base, type: 'flashcard', prompt: `Card ${i}: what is the event loop?`, back: 'The scheduler that runs coroutines and callbacks.' });
    else questions.push({ ...base, type: 'exercise', prompt: `Exercise ${i}: fetch three URLs concurrently.`, think_about: ['What is awaited?'], minutes: 10 });
  }
  return { id: `bench-${n}`, title: `Benchmark ${n}`, questions };
}


const qs = generate(Number(process.argv[2])).questions;
if (0) qs.push({ id: `q${i}`, type: 'single', prompt: `Q ${i}`, choices: ['a', 'b', 'c'], answer: 1 });
const routes = {
  '/set.json': () => ['application/json', JSON.stringify({ id: 'b', title: 'B', questions: qs })],
  '/p.html': () => ['text/html', '<!doctype html><script type="module" src="/quiz-widget.js"></script><quiz-widget src="/set.json" storage-key="x"></quiz-widget>'],
};
const server = await serve('dist', { routes });
const browser = await launch();
const p = await browser.newPage();
p.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
p.on('pageerror', (e) => console.log('pageerror', e.message));
p.on('response', (r) => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()); });
p.on('crash', () => console.log('CRASH'));
await p.goto(server.url + '/p.html');
await p.waitForFunction(() => document.querySelector('quiz-widget')?.shadowRoot?.querySelector('.choices input'));
const l = [...await answerLatencies(p, 100), ...await answerLatencies(p, 100)].sort((a,b)=>a-b); console.log(process.argv[2], 'p50', l[l.length>>1].toFixed(2), 'p95', l[Math.floor(l.length*0.95)].toFixed(2));
/**
 * Answers up to `count` graded questions (choices and short answers) from the
 * current item onwards and returns the click-to-feedback latency of each.
 * Flashcards and exercises are stepped over; it stops at the end of the quiz.
 */
async function answerLatencies(p, count) {
  return p.evaluate(async (count) => {
    const root = document.querySelector('quiz-widget').shadowRoot;
    const until = (test) => new Promise((resolve) => {
      if (test()) return resolve();
      const observer = new MutationObserver(() => { if (test()) { observer.disconnect(); resolve(); } });
      observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const latencies = [];
    while (latencies.length < count) {
      const body = root.querySelector('.quiz-body');
      const check = body.querySelector('button[type=submit]');
      const choice = body.querySelector('.choices input:not([disabled])');
      const short = body.querySelector('.short input:not([disabled])');
      if (check && (choice || short)) {
        if (choice) choice.click();
        else {
          short.value = 'asyncio.run';
          short.dispatchEvent(new Event('input', { bubbles: true }));
        }
        await until(() => !check.disabled);
        const start = performance.now();
        check.click();
        await until(() => body.querySelector('.feedback'));
        latencies.push(performance.now() - start);
      }
      const next = [...root.querySelectorAll('.quiz-nav button')].find((b) => b.textContent.includes('Next'));
      if (!next || next.disabled) break;
      const before = root.querySelector('.quiz-nav select, .quiz-nav input').value;
      next.click();
      await until(() => root.querySelector('.quiz-nav select, .quiz-nav input').value !== before);
    }
    return latencies;
  }, count);
}


await browser.close(); await server.close();
