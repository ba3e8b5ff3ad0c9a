// End-to-end: `quiz scorm` packages, launched as an LMS launches them: a
// host page provides the SCORM 1.2 or 2004 API through scorm-again (the npm
// runtime LMSs and players use) and opens the package's launch page in an
// iframe. Answering sets the expected cmi values; a second launch with the
// stored cmi data restores the progress; an API that answers with errors
// leaves the quiz working. The launch page's first screen is pre-rendered:
// it reads with JavaScript off, an answer checked before the wasm arrives
// reaches the LMS once it does, and nothing shifts. The manifests are read
// with the browser's XML parser for what an LMS needs. The suspend_data
// encoding is checked on the widget's own records and for SCORM 1.2's 4,096
// characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { unzipSync, strFromU8 } from 'fflate';
import { servedPages, holdWasm, watchShifts, handedOver } from './browser.mjs';
import { encode, decode, layoutOf } from '../../js/quiz-scorm.js';

const root = path.resolve(import.meta.dirname, '../..');
// The classic-script builds (they define Scorm12API and Scorm2004API), which the package's exports do not list.
const runtime = path.join(root, 'node_modules/scorm-again/dist');

const QUIZ = {
  id: 'scorm-e2e', title: 'Tasks & <Futures>', language: 'en',
  questions: [
    { id: 'many', type: 'multiple', prompt: 'Which are awaitable?', choices: ['a coroutine', 'a Task', 'an int'], answers: [0, 1], points: 2, explanation: 'e' },
    { id: 'tf', type: 'true_false', prompt: '`await` works in any function.', answer: false, explanation: 'e' },
    { id: 'word', type: 'short', prompt: 'Which function runs coroutines concurrently and collects their results?', accept: ['asyncio.gather', 'gather'], explanation: 'e' },
    { id: 'card', type: 'flashcard', prompt: 'What does `asyncio.run` create?', back: 'An event loop.' },
  ],
};

// Each version's package, made once by the real command and unpacked.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-scorm-'));
fs.writeFileSync(path.join(work, 'quiz.json'), JSON.stringify(QUIZ));
execFileSync('cargo', ['build', '-q', '--locked', '-p', 'quiz-cli'], { cwd: root, stdio: 'inherit' });
const quizBin = path.join(root, 'target/debug/quiz');
const packages = {};
for (const version of ['1.2', '2004']) {
  const zip = path.join(work, `quiz-${version}.zip`);
  execFileSync(quizBin, ['scorm', path.join(work, 'quiz.json'), '--scorm', version, '--mastery', '60', '-o', zip], { stdio: 'pipe' });
  const files = unzipSync(fs.readFileSync(zip));
  packages[version] = files;
  for (const [name, bytes] of Object.entries(files)) {
    fs.mkdirSync(path.join(work, version, path.dirname(name)), { recursive: true });
    fs.writeFileSync(path.join(work, version, name), bytes);
  }
}

// The LMS: scorm-again's API on the host page, every call logged; `failing`
// is an API that answers every write with an error and throws on commit.
const host = () => ['text/html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="/runtime/scorm12.min.js"></script><script src="/runtime/scorm2004.min.js"></script></head><body>
<script>
window.calls = [];
window.launch = (version, stored, failing) => {
  let api;
  if (failing) {
    const down = () => { throw new Error('the LMS is down'); };
    api = { Initialize: () => 'true', Terminate: () => 'true', GetValue: () => '', SetValue: () => 'false',
      Commit: down, GetLastError: () => '351', GetErrorString: () => 'General Set Failure', GetDiagnostic: () => 'read-only course' };
    for (const name of Object.keys(api)) api['LMS' + name.replace('Terminate', 'Finish')] = api[name];
  } else {
    const settings = { autocommit: false, lmsCommitUrl: false, logLevel: 5 };
    api = version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
    if (stored) api.loadFromJSON(stored);
  }
  for (const name of Object.keys(api).concat(Object.getOwnPropertyNames(Object.getPrototypeOf(api)))) {
    const fn = api[name];
    if (typeof fn === 'function' && /^(LMS[A-Z]|Initialize|Terminate|GetValue|SetValue|Commit)/.test(name)) {
      api[name] = (...args) => { window.calls.push([name, ...args]); return fn.apply(api, args); };
    }
  }
  window.api = api;
  delete window.API; delete window.API_1484_11;
  window[version === '1.2' ? 'API' : 'API_1484_11'] = api;
  const frame = document.createElement('iframe');
  frame.src = '/' + version + '/index.html';
  frame.style.cssText = 'width: 100%; height: 700px; border: 0';
  document.body.append(frame);
};
</script></body></html>`];

const env = servedPages(work, { routes: {
  '/host.html': host,
  '/runtime/scorm12.min.js': () => ['text/javascript', fs.readFileSync(path.join(runtime, 'scorm12.min.js'))],
  '/runtime/scorm2004.min.js': () => ['text/javascript', fs.readFileSync(path.join(runtime, 'scorm2004.min.js'))],
} });

/**
 * The host page with the LMS's API, the package launched in its iframe.
 * `hold`: the widget's wasm is held back until `release()`; `viewport`: the
 * host page's.
 */
async function launchPackage(version, stored = null, failing = false, { hold = false, viewport = { width: 900, height: 900 } } = {}) {
  const context = await env.browser.newContext({ viewport });
  // In every frame, before its scripts: what the bridge and the widget tell the launch page.
  await context.addInitScript(() => {
    window.problems = [];
    window.answers = [];
    document.addEventListener('quiz-scorm-error', (e) => window.problems.push(e.detail));
    document.addEventListener('quiz-complete', (e) => { window.completed = e.detail; });
    document.addEventListener('quiz-answer', (e) => window.answers.push(e.detail));
  });
  await watchShifts(context);
  const release = hold ? await holdWasm(context) : () => {};
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(`${env.server.url}/host.html`);
  await p.evaluate(([v, s, f]) => window.launch(v, s, f), [version, stored, failing]);
  const w = p.frameLocator('iframe').locator('quiz-widget');
  await w.getByRole('heading', { name: 'Tasks & <Futures>' }).waitFor();
  const frame = () => p.frames().find((f) => f.url().endsWith('/index.html'));
  // The heading is there at once, pre-rendered: the widget itself once it has taken over.
  if (!hold) await handedOver(frame());
  return { context, p, w, errors, release, frame };
}

async function checkAndGoOn(w, feedback) {
  await w.getByRole('button', { name: 'Check' }).click();
  await w.getByRole('status').filter({ hasText: feedback }).waitFor();
  await w.locator('.quiz-body').getByRole('button', { name: /^Next/ }).click();
}

/** A cmi value as the LMS holds it; a write-only one (exit, session_time) as last set. */
const get = (p, element) => p.evaluate((e) => {
  const set = window.calls.filter(([name, key]) => /SetValue$/.test(name) && key === `cmi.${e}`).at(-1);
  if (/exit|session_time/.test(e)) return set?.[2];
  return e.split('.').reduce((at, key) => at?.[key], window.api.cmi);
}, element);

for (const version of ['1.2', '2004']) {
  const names = version === '1.2'
    ? { status: 'core.lesson_status', raw: 'core.score.raw', max: 'core.score.max', min: 'core.score.min', time: 'core.session_time', exit: 'core.exit', finish: 'LMSFinish' }
    : { status: 'success_status', raw: 'score.raw', max: 'score.max', min: 'score.min', time: 'session_time', exit: 'exit', finish: 'Terminate' };

  test(`SCORM ${version}: answering reports score and status, and a relaunch restores the answers`, async () => {
    const first = await launchPackage(version);
    const { w, p } = first;
    await w.getByRole('checkbox', { name: 'a coroutine' }).check();
    await w.getByRole('checkbox', { name: 'a Task' }).check();
    await checkAndGoOn(w, 'Correct!');
    await w.getByRole('radio', { name: 'True' }).check();
    await checkAndGoOn(w, 'Not quite');
    // Two answers in: the attempt is under way and the answers are in suspend_data.
    const status = version === '1.2' ? 'core.lesson_status' : 'completion_status';
    assert.equal(await get(p, status), 'incomplete');
    const suspended = await get(p, 'suspend_data');
    assert.match(suspended, /^\["qw1"/);
    assert.ok(suspended.length < 400, `${suspended.length} characters for two answers: ${suspended}`);
    if (version === '2004') assert.equal(await get(p, 'progress_measure'), '0.5');

    // Each answer journaled as an interaction, as the LMS's reports show them.
    const journal = await p.evaluate(() => Object.fromEntries(window.calls
      .filter(([name, key]) => /SetValue$/.test(name) && key.startsWith('cmi.interactions.'))
      .map(([, key, value]) => [key.replace('cmi.interactions.', ''), value])));
    const expected = version === '1.2'
      ? { '0.id': 'many', '0.type': 'choice', '0.student_response': 'a,b', '0.result': 'correct', '0.weighting': '2', '0.correct_responses.0.pattern': 'a,b',
        '1.id': 'tf', '1.type': 'true-false', '1.student_response': 't', '1.result': 'wrong', '1.weighting': '1', '1.correct_responses.0.pattern': 'f' }
      : { '0.id': 'urn:quiz-widget:scorm-e2e:many', '0.type': 'choice', '0.learner_response': 'c0[,]c1', '0.result': 'correct', '0.weighting': '2',
        '0.correct_responses.0.pattern': 'c0[,]c1', '0.description': 'Which are awaitable?',
        '1.id': 'urn:quiz-widget:scorm-e2e:tf', '1.type': 'true-false', '1.learner_response': 'true', '1.result': 'incorrect', '1.weighting': '1',
        '1.correct_responses.0.pattern': 'false', '1.description': 'await works in any function.' };
    for (const [key, value] of Object.entries(expected)) assert.equal(journal[key], value, key);
    assert.match(journal[version === '1.2' ? '0.time' : '0.timestamp'], version === '1.2' ? /^\d\d:\d\d:\d\d$/ : /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d\dZ$/);
    assert.ok(journal['0.latency']);
    assert.deepEqual(await first.frame().evaluate(() => window.problems), [], 'the LMS accepted every value');

    // The learner leaves; the LMS keeps what was committed.
    await p.evaluate(() => document.querySelector('iframe').remove());
    await p.waitForFunction((f) => window.calls.some(([name]) => name === f), names.finish);
    assert.equal(await get(p, names.exit), 'suspend');
    assert.match(await get(p, names.time), version === '1.2' ? /^\d{4}:\d\d:\d\d(\.\d\d)?$/ : /^PT\d+H\d+M\d+(\.\d\d)?S$/);
    const stored = version === '1.2'
      ? { suspend_data: suspended, core: { lesson_status: 'incomplete', entry: 'resume' } }
      : { suspend_data: suspended, completion_status: 'incomplete', entry: 'resume' };
    assert.deepEqual(first.errors, []);
    await first.context.close();

    // A relaunch, on another device: the LMS's data is all there is.
    const second = await launchPackage(version, stored);
    assert.match(await second.w.locator('.progress-text').textContent(), /^2 \/ 4 answered · 1 correct/);
    await second.w.getByRole('textbox').fill('gather');
    await checkAndGoOn(second.w, 'Correct!');
    await second.w.getByRole('button', { name: 'Show answer' }).click();
    await second.w.getByRole('button', { name: /^Good/ }).click();
    await second.w.getByRole('heading', { name: 'Summary' }).waitFor();
    const completed = await second.frame().evaluate(() => window.completed);
    assert.equal(completed.maxScore, 4);
    assert.equal(completed.score, 3);
    assert.equal(completed.passed, true, 'pass mark 60 %, from the LMS');
    const percent = String(Math.round((completed.score / completed.maxScore) * 10000) / 100);
    if (version === '1.2') {
      assert.equal(await get(second.p, 'core.lesson_status'), 'passed');
      assert.equal(await get(second.p, 'core.score.raw'), percent);
      assert.equal(await get(second.p, 'core.score.min'), '0');
      assert.equal(await get(second.p, 'core.score.max'), '100');
    } else {
      assert.equal(await get(second.p, 'completion_status'), 'completed');
      assert.equal(await get(second.p, 'success_status'), 'passed');
      assert.equal(await get(second.p, 'score.raw'), '3');
      assert.equal(await get(second.p, 'score.max'), '4');
      assert.equal(await get(second.p, 'score.min'), '0');
      assert.equal(await get(second.p, 'score.scaled'), '0.75');
    }
    assert.deepEqual(await second.frame().evaluate(() => window.problems), [], 'the LMS accepted every value');
    const commits = await second.p.evaluate(() => window.calls.filter(([n]) => /Commit/.test(n)).length);
    assert.ok(commits >= 3, `committed after each answer and at completion (${commits})`);
    assert.deepEqual(second.errors, []);
    await second.context.close();
  });

  test(`SCORM ${version}: an API that answers with errors leaves the quiz working and says so`, async () => {
    const launched = await launchPackage(version, null, true);
    const { w } = launched;
    await w.getByRole('checkbox', { name: 'a coroutine' }).check();
    await checkAndGoOn(w, 'Not quite');
    await w.getByRole('radio', { name: 'False' }).check();
    await checkAndGoOn(w, 'Correct!');
    const problems = await launched.frame().evaluate(() => window.problems);
    assert.ok(problems.length > 0);
    assert.ok(problems.some((q) => q.code === '351' && q.message === 'General Set Failure' && q.diagnostic === 'read-only course'), JSON.stringify(problems));
    assert.ok(problems.some((q) => /Commit/.test(q.call) && /the LMS is down/.test(q.message)), JSON.stringify(problems));
    const line = launched.p.frameLocator('iframe').locator('.scorm-status');
    assert.match(await line.textContent(), /did not accept the quiz's progress .*You can go on/);
    assert.deepEqual(launched.errors, [], 'nothing thrown into the page');
    await launched.context.close();
  });

  test(`SCORM ${version}: the manifest names what an LMS needs`, async () => {
    const files = packages[version];
    assert.ok(files['imsmanifest.xml'] && files['index.html']);
    const context = await env.browser.newContext();
    const p = await context.newPage();
    const found = await p.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const all = (name) => Array.from(doc.getElementsByTagNameNS('*', name));
      const one = (name) => all(name)[0];
      const resource = one('resource');
      return {
        parseError: all('parsererror').length,
        namespace: doc.documentElement.namespaceURI,
        identifier: doc.documentElement.getAttribute('identifier'),
        schema: one('schema')?.textContent,
        schemaversion: one('schemaversion')?.textContent,
        defaultOrg: one('organizations').getAttribute('default'),
        orgId: one('organization').getAttribute('identifier'),
        titles: all('title').map((t) => t.textContent),
        identifierref: one('item').getAttribute('identifierref'),
        resourceId: resource.getAttribute('identifier'),
        scormType: resource.getAttributeNS('http://www.adlnet.org/xsd/adlcp_rootv1p2', 'scormtype')
          || resource.getAttributeNS('http://www.adlnet.org/xsd/adlcp_v1p3', 'scormType'),
        href: resource.getAttribute('href'),
        files: all('file').map((f) => f.getAttribute('href')),
        mastery: one('masteryscore')?.textContent ?? null,
        measure: one('minNormalizedMeasure')?.textContent ?? null,
        satisfiedByMeasure: one('primaryObjective')?.getAttribute('satisfiedByMeasure') ?? null,
      };
    }, strFromU8(files['imsmanifest.xml']));
    await context.close();
    assert.equal(found.parseError, 0);
    assert.equal(found.identifier, 'quiz-widget-scorm-e2e');
    assert.equal(found.schema, 'ADL SCORM');
    assert.equal(found.namespace, version === '1.2' ? 'http://www.imsproject.org/xsd/imscp_rootv1p1p2' : 'http://www.imsglobal.org/xsd/imscp_v1p1');
    assert.equal(found.schemaversion, version === '1.2' ? '1.2' : '2004 4th Edition');
    assert.equal(found.defaultOrg, found.orgId);
    assert.deepEqual(found.titles, ['Tasks & <Futures>', 'Tasks & <Futures>']);
    assert.equal(found.identifierref, found.resourceId);
    assert.equal(found.scormType, 'sco');
    assert.equal(found.href, 'index.html');
    const inZip = Object.keys(files).filter((f) => f !== 'imsmanifest.xml').sort();
    assert.deepEqual([...found.files].sort(), inZip, 'every file of the SCO listed, and no other');
    assert.deepEqual(inZip, ['index.html', 'quiz-handover.js', 'quiz-lang-de.json', 'quiz-scorm.js', 'quiz-transfer.js', 'quiz-transfer_bg.wasm', 'quiz-widget-embed.js', 'quiz-widget-embed_bg.wasm', 'quiz-widget.css', 'quiz-widget.js', 'quiz-xapi.js']);
    if (version === '1.2') assert.equal(found.mastery, '60');
    else assert.deepEqual([found.measure, found.satisfiedByMeasure], ['0.6', 'true']);
  });
}

// The launch page's first screen is pre-rendered (a declarative shadow root):
// the learner reads the first question before the widget has loaded, and
// without scripts.
test('the launch page shows its first question with JavaScript off', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 700 } });
  const p = await context.newPage();
  await p.goto(`${env.server.url}/1.2/index.html`);
  const w = p.locator('quiz-widget');
  await w.getByText('Which are awaitable?').waitFor();
  assert.ok(await w.getByRole('checkbox', { name: 'a coroutine' }).isVisible());
  assert.ok(await w.getByRole('heading', { level: 1, name: 'Tasks & <Futures>' }).isVisible());
  assert.ok(await p.evaluate(() => !!document.querySelector('quiz-widget[data-scorm-launch]').shadowRoot?.querySelector('[data-prerendered] input[type=checkbox]')),
    'the question is in the shadow root the browser made from the page');
  await context.close();
});

for (const version of ['1.2', '2004']) {
  test(`SCORM ${version}: an answer checked before the wasm arrives is graded once it does, and the LMS has it`, async () => {
    const launched = await launchPackage(version, null, false, { hold: true });
    const { w, p } = launched;
    await w.getByRole('checkbox', { name: 'a coroutine' }).check();
    await w.getByRole('checkbox', { name: 'a Task' }).check();
    await w.getByRole('button', { name: 'Check' }).click();
    assert.ok(await launched.frame().evaluate(() => !!document.querySelector('quiz-widget').shadowRoot.querySelector('[data-prerendered]')),
      'checked on the pre-rendered screen');
    launched.release();
    await handedOver(launched.frame());
    await w.getByRole('status').filter({ hasText: 'Correct!' }).waitFor();
    assert.ok(await w.getByRole('checkbox', { name: 'a Task' }).isChecked());
    assert.deepEqual(await launched.frame().evaluate(() => window.answers.map((a) => [a.questionId, a.correct])), [['many', true]], 'graded once');
    // The bridge's storage and journal took it: the widget mounted with them.
    await p.waitForFunction(() => window.calls.some(([name, key]) => /SetValue$/.test(name) && key === 'cmi.suspend_data'));
    const result = await p.evaluate(() => window.calls.filter(([name, key]) => /SetValue$/.test(name) && key === 'cmi.interactions.0.result').map(([, , v]) => v));
    assert.deepEqual(result, ['correct']);
    assert.deepEqual(await launched.frame().evaluate(() => window.problems), []);
    assert.deepEqual(launched.errors, []);
    await launched.context.close();
  });
}

for (const [width, height] of [[900, 900], [375, 700]]) {
  test(`SCORM: a new learner's launch shifts nothing through load and handover (${width} px)`, async () => {
    const launched = await launchPackage('2004', null, false, { hold: true, viewport: { width, height } });
    await launched.p.waitForTimeout(200);
    launched.release();
    await handedOver(launched.frame());
    await launched.p.waitForTimeout(300);
    assert.deepEqual(await launched.frame().evaluate(() => window.shifts), []);
    assert.deepEqual(launched.errors, []);
    await launched.context.close();
  });
}

test('suspend_data: the widget\'s records of every shape come back as they were', async () => {
  const layout = layoutOf({ id: 'scorm-e2e', questions: ['many', 'tf', 'word', 'card', 'later'].map((id) => ({ id })) }, null);
  const record = (k, fields) => JSON.stringify({ v: 2, h: '0123456789abcdef', t: 1764700000000, k, ...fields });
  const entries = [
    ['quiz-widget:v2:scorm-e2e:settings', '{"mode":"practice","seed":12}'],
    ['quiz-widget:v2:scorm-e2e:q:many', record('answer', { r: [0, 1], c: true, n: 1, f: [0, 1, 1764700600000, 1764700000000, 2300000, 5100000], log: [3, 1764700000000] })],
    ['quiz-widget:v2:scorm-e2e:q:tf', record('answer', { r: false, c: false, n: 2 })],
    ['quiz-widget:v2:scorm-e2e:q:word', record('answer', { r: 'a.b "quoted"; [x]', c: true, n: 1 })],
    ['quiz-widget:v2:scorm-e2e:q:card', record('card', { g: 'good', n: 3, f: [1, 0, 1765000000000, 1764700000000, 8000000, 4000000], log: [3, 1764600000000, 3, 1764700000000] })],
    // A later record version, whatever it holds, is kept whole.
    ['quiz-widget:v2:scorm-e2e:q:later', JSON.stringify({ v: 3, h: 'fedcba9876543210', t: 1764800000000, k: 'answer', r: 'x', c: true, n: 1, new: [1] })],
    ['quiz-widget:v2:scorm-e2e:q:removed-since', record('answer', { r: 1, c: true, n: 1 })],
  ];
  const { text, level, omitted } = encode(new Map(entries), layout, 4096);
  assert.deepEqual([level, omitted], [0, 0]);
  const back = new Map(decode(text, layout));
  const expected = new Map(entries.filter(([key]) => !key.endsWith('removed-since')));
  assert.deepEqual([...back.keys()].sort(), [...expected.keys()].sort(), 'a record of a question not in the quiz is not kept');
  for (const [key, value] of expected) assert.deepEqual(JSON.parse(back.get(key)), JSON.parse(value), key);
  assert.deepEqual(decode('not ours', layout), []);
  assert.deepEqual(decode('["qw1","0",null,"0.???.1.a.1.1"]', layout), [], 'an unreadable record costs only itself');
});

test('suspend_data: SCORM 1.2\'s 4,096 characters hold 100 answered questions with their schedules left out, and beyond that the newest', () => {
  const questions = Array.from({ length: 200 }, (_, i) => ({ id: `asyncio-question-${i}` }));
  const layout = layoutOf({ id: 'big', questions }, null);
  const start = 1764700000000;
  const answered = (count) => new Map(questions.slice(0, count).map((q, i) => {
    const t = start + i * 3_600_000 + 123;
    const hash = (BigInt(i + 1) * 0x9e3779b97f4a7c15n % (1n << 64n)).toString(16).padStart(16, '0');
    const record = { v: 2, h: hash, t, k: 'answer', r: i % 4, c: i % 3 !== 0, n: 1 + (i % 2), f: [0, 1, t + 600000, t, 2300000, 5100000], log: [i % 3 ? 3 : 1, t] };
    return [`quiz-widget:v2:big:q:${q.id}`, JSON.stringify(record)];
  }));
  const hundred = encode(answered(100), layout, 4096);
  assert.equal(hundred.omitted, 0);
  assert.ok(hundred.text.length <= 4096);
  const restored = new Map(decode(hundred.text, layout));
  assert.equal(restored.size, 100);
  const one = JSON.parse(restored.get('quiz-widget:v2:big:q:asyncio-question-7'));
  const original = JSON.parse(answered(100).get('quiz-widget:v2:big:q:asyncio-question-7'));
  delete original.f; delete original.log;
  assert.deepEqual(one, original, 'the answer, its hash and its time exactly; the schedule left out');
  // SCORM 2004's 64,000 characters keep the schedules too.
  assert.equal(encode(answered(100), layout, 64000).level, 0);
  // Beyond what fits: the oldest answers are left out, the newest kept.
  const many = encode(answered(200), layout, 4096);
  assert.ok(many.omitted > 0 && many.text.length <= 4096);
  const kept = new Map(decode(many.text, layout));
  assert.ok(kept.has('quiz-widget:v2:big:q:asyncio-question-199') && !kept.has('quiz-widget:v2:big:q:asyncio-question-0'));
  assert.equal(kept.size, 200 - many.omitted);
});
