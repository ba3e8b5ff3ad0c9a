// End-to-end: xAPI statements and cmi5. Every statement the widget builds
// (each kind, right and wrong, and completion) passes Learning Locker's
// xapi-validation; a cmi5 launch against a small LRS made here (it checks
// the headers, validates and records what it receives) gets the cmi5
// statements in order, with the context cmi5 asks for; its launch page's
// first screen is pre-rendered (it reads with JavaScript off, an answer
// checked before the wasm arrives reaches the LRS once it does, and nothing
// shifts).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import validation from 'xapi-validation';
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { unzipSync, strFromU8 } from 'fflate';
import { inlineQuizPage, serve } from './serve.mjs';
import { servedPages, holdWasm, watchShifts, handedOver, shiftsThroughHandover } from './browser.mjs';
import { answerStatement, completionStatements, KINDS as INTERACTIONS } from '../../js/quiz-xapi.js';

const validate = validation.default;
const root = path.resolve(import.meta.dirname, '../..');
const problems = (statement) => validate(statement).map((w) => `${w.path?.join('.')}: ${w.message ?? JSON.stringify(w)}`);

const QUIZ = {
  id: 'xapi-e2e', title: 'Awaiting', language: 'en', pass_mark: 50,
  questions: [
    { id: 'one', type: 'single', prompt: 'What does `await` do?', choices: ['Blocks the thread', 'Yields to the loop'], answer: 1, explanation: 'e' },
    { id: 'many', type: 'multiple', prompt: 'Which are awaitable?', choices: ['a coroutine', 'a Task', 'an int'], answers: [0, 1], points: 2, explanation: 'e' },
    { id: 'word', type: 'short', prompt: 'Which function runs a coroutine from sync code?', accept: ['asyncio.run'], explanation: 'e' },
    { id: 'card', type: 'flashcard', prompt: 'What schedules coroutines?', back: 'The event loop.' },
  ],
};

// Every kind, with a right and a wrong response in the shapes quiz-answer has (quiz-widget.d.ts).
const KINDS = [
  [{ id: 's', type: 'single', prompt: 'p', choices: ['a', 'b'], answer: 1 }, 1, 0],
  [{ id: 'm', type: 'multiple', prompt: 'p', choices: ['a', 'b', 'c'], answers: [0, 2] }, [0, 2], [1]],
  [{ id: 't', type: 'true_false', prompt: 'p', answer: false }, false, true],
  [{ id: 'w', type: 'short', prompt: 'p', accept: ['gather', 'asyncio.gather'] }, 'gather', 'wait'],
  [{ id: 'n', type: 'numeric', prompt: 'p', answer: 4, tolerance: 0.5 }, '4,2', '7'],
  [{ id: 'r', type: 'numeric', prompt: 'p', range: [1, 2] }, '1.5', '3'],
  [{ id: 'o', type: 'ordering', prompt: 'p', items: ['x', 'y', 'z'] }, { order: [0, 1, 2] }, { order: [2, 0, 1] }],
  [{ id: 'p', type: 'matching', prompt: 'p', pairs: [['a', '1'], ['b', '2']], distractors: ['3'] }, { match: [0, 1] }, { match: [2, null] }],
  [{ id: 'c', type: 'cloze', prompt: 'p', text: 'Use {{await|yield from}} and {{[gather]|run}}.' }, { blanks: ['await', 'gather'] }, { blanks: ['', 'run'] }],
  [{ id: 'tr', type: 'tracing', prompt: 'p', program: 'fn main() {}', compiles: true, output: 'hi' }, { compiles: true, output: 'hi' }, { compiles: false, output: '', line: 2 }],
  [{ id: 'te', type: 'tracing', prompt: 'p', program: 'fn main() {}', compiles: false, error_line: 3 }, { compiles: false, output: '', line: 3 }, { compiles: true, output: 'x' }],
  [{ id: 'tn', type: 'tracing', prompt: 'p', program: 'fn main() {}', compiles: false }, { compiles: false, output: '', line: null }, { compiles: true, output: 'x' }],
];

test('the xAPI module has an interaction for every kind the JSON Schema and the TypeScript types have, and these tests answer each graded one', () => {
  const schema = fs.readFileSync(path.join(root, 'questions.schema.json'), 'utf8');
  const inSchema = [...schema.matchAll(/"type": \{\s*"const": "(\w+)"/g)].map((m) => m[1]).sort();
  execFileSync('cargo', ['build', '-q', '--locked', '-p', 'quiz-cli'], { cwd: root, stdio: 'inherit' });
  const types = execFileSync(path.join(root, 'target/debug/quiz'), ['types'], { encoding: 'utf8' });
  const inTypes = [...types.matchAll(/^\s+type: "(\w+)";$/gm)].map((m) => m[1]).sort();
  assert.equal(inSchema.length, 11, schema.slice(0, 200));
  assert.deepEqual(inTypes, inSchema);
  assert.deepEqual(Object.keys(INTERACTIONS).sort(), inSchema);
  const answered = new Set(KINDS.map(([q]) => q.type));
  const selfGraded = ['exercise', 'flashcard'];
  assert.deepEqual(inSchema.filter((k) => !answered.has(k)), selfGraded);
});

test('every kind\'s statement, right and wrong, and the completion statements pass xapi-validation', () => {
  const actor = { objectType: 'Agent', account: { homePage: 'https://school.example', name: 'learner-7' } };
  const quiz = { id: 'kinds', title: 'Kinds', language: 'en-GB', questions: KINDS.map(([q]) => q) };
  const quizActivity = 'https://school.example/course/quiz#kinds';
  assert.ok(problems({ actor, verb: { id: 'answered' }, object: { id: 'not an IRI' } }).length >= 2, 'the validator finds what is wrong');
  for (const [question, right, wrong] of KINDS) {
    for (const [response, correct] of [[right, true], [wrong, false]]) {
      const detail = { questionId: question.id, kind: question.type, correct, attempts: 1, rating: null, response, score: correct ? 1 : 0, maxScore: 1 };
      const s = answerStatement({ quiz, question, detail, actor, quizActivity, ms: 4321 });
      assert.deepEqual(problems(s), [], `${question.type} ${correct ? 'right' : 'wrong'}: ${JSON.stringify(s)}`);
      assert.equal(s.verb.id, 'http://adlnet.gov/expapi/verbs/answered');
      assert.equal(s.result.success, correct);
      assert.equal(s.result.duration, 'PT4.32S');
      assert.equal(typeof s.result.response, 'string');
      assert.ok(s.object.definition.interactionType, question.type);
    }
  }
  const pattern = (type) => answerStatement({ quiz, question: KINDS.find(([q]) => q.id === type)[0], detail: { correct: true, response: null, score: 1, maxScore: 1 }, actor, quizActivity, ms: 1 }).object.definition;
  assert.deepEqual(pattern('m').correctResponsesPattern, ['c0[,]c2']);
  assert.deepEqual(pattern('n').correctResponsesPattern, ['3.5[:]4.5']);
  assert.deepEqual(pattern('r').correctResponsesPattern, ['1[:]2']);
  assert.deepEqual(pattern('p').correctResponsesPattern, ['l0[.]r0[,]l1[.]r1']);
  assert.deepEqual(pattern('c').correctResponsesPattern, ['{case_matters=false}await[,]gather']);
  assert.deepEqual(pattern('te').correctResponsesPattern, ['does not compile[,]line 3']);
  assert.deepEqual(pattern('tn').correctResponsesPattern, ['does not compile']);
  for (const type of ['flashcard', 'exercise']) {
    const question = { id: type, type, prompt: 'p', back: 'b' };
    const s = answerStatement({ quiz, question, detail: { correct: true, response: null, rating: 'good', score: null, maxScore: null }, actor, quizActivity, ms: 10 });
    assert.deepEqual(problems(s), []);
    assert.equal(s.result.response, 'good');
  }
  for (const passed of [true, false, null]) {
    const detail = { score: 1.5, maxScore: 3, passed };
    const statements = completionStatements({ quiz, detail, actor, quizActivity, ms: 60_000 });
    for (const s of statements) assert.deepEqual(problems(s), [], JSON.stringify(s));
    const verbs = statements.map((s) => s.verb.display['en-US']);
    assert.deepEqual(verbs, passed === null ? ['completed'] : [passed ? 'passed' : 'failed', 'completed']);
  }
});

// The LRS and the LMS's fetch URL of a cmi5 launch.
const lrs = { statements: [], problems: [], fetches: 0 };
const TOKEN = Buffer.from('au:secret').toString('base64');
const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const launchData = {
  contextTemplate: { contextActivities: { grouping: [{ id: 'https://lms.example/course/7/au/1' }] }, extensions: { [SESSION]: 'session-1' } },
  launchMode: 'Normal', masteryScore: 0.6, moveOn: 'CompletedAndPassed',
};
const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'Authorization, Content-Type, X-Experience-API-Version',
  'access-control-allow-methods': 'GET, POST, PUT, OPTIONS' };
const lrsServer = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const reply = (status, body) => res.writeHead(status, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(body));
  if (req.method === 'OPTIONS') { res.writeHead(204, cors).end(); return; }
  if (url.pathname === '/fetch' && req.method === 'POST') {
    lrs.fetches += 1;
    reply(200, lrs.fetches === 1 ? { 'auth-token': TOKEN } : { 'error-code': '1', 'error-text': 'the token was already fetched' });
    return;
  }
  const authorized = req.headers.authorization === `Basic ${TOKEN}` && req.headers['x-experience-api-version'] === '1.0.3';
  if (!authorized) { lrs.problems.push(`${req.method} ${url.pathname} without the token or the version header`); reply(401, {}); return; }
  if (url.pathname === '/xapi/activities/state' && req.method === 'GET') {
    const ok = url.searchParams.get('stateId') === 'LMS.LaunchData' && url.searchParams.get('registration') === REGISTRATION;
    reply(ok ? 200 : 404, ok ? launchData : {});
    return;
  }
  if (url.pathname === '/xapi/statements' && req.method === 'POST') {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      const statement = JSON.parse(body);
      const found = problems(statement);
      if (found.length) lrs.problems.push(`${statement.verb?.id}: ${found.join('; ')}`);
      lrs.statements.push(statement);
      reply(200, [statement.id]);
    });
    return;
  }
  reply(404, {});
});
await new Promise((resolve) => lrsServer.listen(0, '127.0.0.1', resolve));
const lrsUrl = `http://127.0.0.1:${lrsServer.address().port}`;
const REGISTRATION = 'd3b07384-d113-4ec6-a8c2-3c1a0b2f7e11';
const ACTOR = { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'learner-42' }, name: 'Ada' };
const ACTIVITY = 'https://lms.example/course/7/quiz';

/** Resolves once the LRS has `count` statements, or after 5 s. */
const arrived = async (count) => {
  for (let i = 0; i < 100 && lrs.statements.length < count; i += 1) await new Promise((r) => setTimeout(r, 50));
};

// The course as `quiz cmi5` makes it, unpacked and served as an LMS serves an AU.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-cmi5-'));
fs.writeFileSync(path.join(work, 'quiz.json'), JSON.stringify(QUIZ));
execFileSync('cargo', ['build', '-q', '--locked', '-p', 'quiz-cli'], { cwd: root, stdio: 'inherit' });
execFileSync(path.join(root, 'target/debug/quiz'), ['cmi5', path.join(work, 'quiz.json'), '--mastery', '60', '--id', 'https://lms.example/course/7', '-o', path.join(work, 'course.zip')], { stdio: 'pipe' });
const course = unzipSync(fs.readFileSync(path.join(work, 'course.zip')));
for (const [name, bytes] of Object.entries(course)) fs.writeFileSync(path.join(work, name), bytes);
const courseServer = await serve(work);
after(async () => {
  lrsServer.close();
  await courseServer.close();
});
/** The AU's URL as the LMS launches it, the cmi5 way. */
const launchUrl = () => `${courseServer.url}/index.html?${new URLSearchParams({ endpoint: `${lrsUrl}/xapi/`, fetch: `${lrsUrl}/fetch`, actor: JSON.stringify(ACTOR), registration: REGISTRATION, activityId: ACTIVITY })}`;

const env = servedPages(path.join(root, 'dist'), { routes: {
  '/xapi.html': () => ['text/html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/quiz-widget.js"></script></head><body>
<quiz-widget xapi xapi-actor='{"mbox":"mailto:ada@example.org"}'><script type="application/json">${JSON.stringify(QUIZ)}</script></quiz-widget></body></html>`],
  '/plain.html': inlineQuizPage(JSON.stringify(QUIZ)),
} });

async function answerAll(w, { wrongFirst = false } = {}) {
  const check = async (feedback) => {
    await w.getByRole('button', { name: 'Check' }).click();
    await w.getByRole('status').filter({ hasText: feedback }).waitFor();
    await w.locator('.quiz-body').getByRole('button', { name: /^Next/ }).click();
  };
  await w.getByRole('radio', { name: wrongFirst ? 'Blocks the thread' : 'Yields to the loop' }).check();
  await check(wrongFirst ? 'Not quite' : 'Correct!');
  await w.getByRole('checkbox', { name: 'a coroutine' }).check();
  await w.getByRole('checkbox', { name: 'a Task' }).check();
  await check('Correct!');
  await w.getByRole('textbox').fill('asyncio.run');
  await check('Correct!');
  await w.getByRole('button', { name: 'Show answer' }).click();
  await w.getByRole('button', { name: /^Good/ }).click();
  await w.getByRole('heading', { name: 'Summary' }).waitFor();
}

test('with the xapi attribute, each graded act and the completion come as quiz-xapi events, every one valid', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    window.statements = [];
    document.addEventListener('quiz-xapi', (e) => window.statements.push(e.detail));
  });
  const p = await context.newPage();
  const fetched = [];
  p.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await p.goto(`${env.server.url}/xapi.html`);
  const w = p.locator('quiz-widget');
  await answerAll(w, { wrongFirst: true });
  await p.waitForFunction(() => window.statements.length >= 6);
  const statements = await p.evaluate(() => window.statements);
  assert.deepEqual(statements.map((s) => s.verb.display['en-US']), ['answered', 'answered', 'answered', 'answered', 'passed', 'completed']);
  for (const s of statements) {
    assert.deepEqual(problems(s), [], JSON.stringify(s));
    assert.deepEqual(s.actor, { mbox: 'mailto:ada@example.org' });
  }
  const [one, many, word, card, passed] = statements;
  assert.equal(one.object.id, `${env.server.url}/xapi.html#xapi-e2e/one`);
  assert.deepEqual([one.result.success, one.result.response, one.result.score], [false, 'c0', { raw: 0, min: 0, max: 1, scaled: 0 }]);
  assert.deepEqual(one.object.definition.correctResponsesPattern, ['c1']);
  assert.deepEqual(one.object.definition.name, { en: 'What does await do?' });
  assert.deepEqual([many.result.response, many.result.score.raw, many.result.score.max], ['c0[,]c1', 2, 2]);
  assert.deepEqual([word.object.definition.interactionType, word.result.response], ['fill-in', 'asyncio.run']);
  assert.deepEqual([card.result.response, card.result.success], ['good', true]);
  assert.deepEqual([passed.result.success, passed.result.score.raw, passed.result.score.max], [true, 3, 4]);
  assert.ok(fetched.includes('/quiz-xapi.js'));
  assert.ok(!fetched.includes('/quiz-scorm.js'));
  await context.close();
});

test('a page without xapi and without a cmi5 launch does not fetch the xAPI module', async () => {
  const context = await env.browser.newContext();
  const p = await context.newPage();
  const fetched = [];
  p.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await p.goto(`${env.server.url}/plain.html`);
  await p.locator('quiz-widget').getByRole('radio', { name: 'Yields to the loop' }).check();
  await p.locator('quiz-widget').getByRole('button', { name: 'Check' }).click();
  await p.locator('quiz-widget').getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  assert.deepEqual(fetched.filter((f) => /quiz-(xapi|scorm|markdown|import|report|lang)/.test(f)), []);
  await context.close();
});

test('cmi5: the LRS gets initialized, the answers, passed, completed and terminated, in order and as cmi5 asks', async () => {
  const context = await env.browser.newContext();
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(launchUrl());
  // The question is there at once, pre-rendered: answered here once the widget has taken over.
  await handedOver(p);
  const w = p.locator('quiz-widget');
  await answerAll(w, { wrongFirst: true });
  await arrived(7);
  // The learner leaves: the AU ends its session.
  await p.goto('about:blank');
  await arrived(8);
  await context.close();
  assert.deepEqual(errors, []);
  assert.deepEqual(lrs.problems, []);
  assert.equal(lrs.fetches, 1, 'the auth token is fetched once');
  const verbs = lrs.statements.map((s) => s.verb.id.replace('http://adlnet.gov/expapi/verbs/', ''));
  assert.deepEqual(verbs, ['initialized', 'answered', 'answered', 'answered', 'answered', 'passed', 'completed', 'terminated']);
  const category = (s) => (s.context.contextActivities.category ?? []).map((c) => c.id.replace('https://w3id.org/xapi/cmi5/context/categories/', ''));
  for (const s of lrs.statements) {
    assert.deepEqual(s.actor, ACTOR);
    assert.equal(s.context.registration, REGISTRATION);
    assert.deepEqual(s.context.contextActivities.grouping, launchData.contextTemplate.contextActivities.grouping);
    assert.equal(s.context.extensions[SESSION], 'session-1');
  }
  const defined = lrs.statements.filter((s) => s.verb.id.endsWith('answered') === false);
  for (const s of defined) assert.equal(s.object.id, ACTIVITY);
  assert.deepEqual(defined.map(category), [['cmi5'], ['cmi5', 'moveon'], ['cmi5', 'moveon'], ['cmi5']]);
  for (const s of lrs.statements.filter((x) => x.verb.id.endsWith('answered'))) {
    assert.deepEqual(category(s), [], 'an allowed statement has no cmi5 category');
    assert.ok(s.object.id.startsWith(`${ACTIVITY}#`));
    assert.deepEqual(s.context.contextActivities.parent, [{ objectType: 'Activity', id: ACTIVITY }]);
  }
  const passed = lrs.statements.find((s) => s.verb.id.endsWith('passed'));
  assert.deepEqual([passed.result.success, passed.result.score.scaled], [true, 0.75]);
  assert.equal(passed.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore'], 0.6);
  assert.match(passed.result.duration, /^PT[\d.]+S$/);
  const completed = lrs.statements.find((s) => s.verb.id.endsWith('completed'));
  assert.equal(completed.result.completion, true);
  assert.match(lrs.statements.at(-1).result.duration, /^PT[\d.]+S$/);
});

// The launch page's first screen is pre-rendered (a declarative shadow root):
// the learner reads the first question before the widget has loaded, and
// without scripts. Each launch below is a registration of its own at the LRS.
const newLaunch = () => Object.assign(lrs, { statements: [], problems: [], fetches: 0 });

test('cmi5: the launch page shows its first question with JavaScript off', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 700 } });
  const p = await context.newPage();
  await p.goto(`${courseServer.url}/index.html`);
  const w = p.locator('quiz-widget');
  await w.getByText('What does await do?').waitFor();
  assert.ok(await w.getByRole('radio', { name: 'Yields to the loop' }).isVisible());
  assert.ok(await w.getByRole('heading', { level: 1, name: 'Awaiting' }).isVisible());
  assert.ok(await p.evaluate(() => !!document.querySelector('quiz-widget').shadowRoot?.querySelector('[data-prerendered] input[type=radio]')),
    'the question is in the shadow root the browser made from the page');
  await context.close();
});

test('cmi5: an answer checked before the wasm arrives is graded once it does, and the LRS gets it once', async () => {
  newLaunch();
  const context = await env.browser.newContext();
  const release = await holdWasm(context);
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(launchUrl());
  const w = p.locator('quiz-widget');
  await w.getByRole('radio', { name: 'Yields to the loop' }).check();
  await w.getByRole('button', { name: 'Check' }).click();
  assert.ok(await p.evaluate(() => !!document.querySelector('quiz-widget').shadowRoot.querySelector('[data-prerendered]')), 'checked on the pre-rendered screen');
  release();
  await handedOver(p);
  await w.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
  assert.ok(await w.getByRole('radio', { name: 'Yields to the loop' }).isChecked());
  await arrived(2);
  await p.waitForTimeout(200);
  await context.close();
  assert.deepEqual(errors, []);
  assert.deepEqual(lrs.problems, []);
  const sent = lrs.statements.map((s) => [s.verb.id.replace('http://adlnet.gov/expapi/verbs/', ''), s.result?.success]);
  assert.deepEqual(sent.slice(0, 2), [['initialized', undefined], ['answered', true]]);
  assert.equal(sent.filter(([verb]) => verb === 'answered').length, 1, 'graded once');
});

for (const [width, height] of [[1280, 900], [375, 700]]) {
  test(`cmi5: a new learner's launch shifts nothing through load and handover (${width} px)`, async () => {
    newLaunch();
    const context = await env.browser.newContext({ viewport: { width, height }, isMobile: width < 500 });
    await watchShifts(context);
    const release = await holdWasm(context);
    const p = await context.newPage();
    const errors = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(launchUrl());
    await p.locator('quiz-widget').getByRole('heading', { name: 'Awaiting' }).waitFor();
    assert.deepEqual(await shiftsThroughHandover(p, release), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('cmi5: the course structure names the course, its AU, how it moves on and its mastery score', async () => {
  assert.deepEqual(Object.keys(course).sort(), ['cmi5.xml', 'index.html', 'quiz-handover.js', 'quiz-lang-de.json', 'quiz-transfer.js', 'quiz-transfer_bg.wasm', 'quiz-widget-embed.js', 'quiz-widget-embed_bg.wasm', 'quiz-widget.css', 'quiz-widget.js', 'quiz-xapi.js']);
  const context = await env.browser.newContext();
  const p = await context.newPage();
  const found = await p.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const one = (name) => doc.getElementsByTagNameNS('https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd', name)[0];
    const au = one('au');
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      course: one('course').getAttribute('id'),
      au: [au.getAttribute('id'), au.getAttribute('moveOn'), au.getAttribute('masteryScore'), au.getAttribute('launchMethod')],
      title: au.getElementsByTagNameNS('*', 'langstring')[0].getAttribute('lang') + ': ' + au.getElementsByTagNameNS('*', 'langstring')[0].textContent,
      url: one('url').textContent,
    };
  }, strFromU8(course['cmi5.xml']));
  await context.close();
  assert.deepEqual(found, {
    errors: 0, course: 'https://lms.example/course/7', au: [ACTIVITY, 'CompletedAndPassed', '0.6', 'AnyWindow'], title: 'en: Awaiting', url: 'index.html',
  });
});
