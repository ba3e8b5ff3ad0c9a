// End-to-end: `quiz export --format gift` read by gift-pegjs, a parser of
// Moodle's GIFT grammar, question for question: the bundled bank, the
// example file, the teacher's file with every kind, and a hand-written GIFT
// bank imported and exported again. Every question written comes back with
// its name, its type and its answers; what GIFT lacks is left out and said.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { parse } from 'gift-pegjs';

const root = path.resolve(import.meta.dirname, '../..');
const quizBin = path.join(root, 'target/debug/quiz');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-gift-'));

before(() => {
  execFileSync('cargo', ['build', '-q', '--locked', '-p', 'quiz-cli'], { cwd: root, stdio: 'inherit' });
});

/** `quiz export --format gift` of `file`: the bank and what it said. */
function exportGift(file) {
  const run = spawnSync(quizBin, ['export', '--format', 'gift', file], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return { gift: run.stdout, said: run.stderr.trim().split('\n').filter(Boolean) };
}

const TYPES = { single: 'MC', multiple: 'MC', true_false: 'TF', short: 'Short', numeric: 'Numerical', matching: 'Matching', exercise: 'Essay', flashcard: 'Essay' };

/** What gift-pegjs should find for one of our questions, or null when it is left out. */
function expected(q) {
  if (q.type === 'cloze') {
    const blanks = q.text.match(/\{\{.*?\}\}/g) ?? [];
    if (blanks.length !== 1) return null;
    return { type: blanks[0].includes('[') ? 'MC' : 'Short', embedded: true };
  }
  return TYPES[q.type] ? { type: TYPES[q.type], embedded: false } : null;
}

function checkAnswers(q, g) {
  if (q.type === 'single') {
    assert.equal(g.choices.length, q.choices.length, q.id);
    assert.deepEqual(g.choices.map((c) => c.isCorrect), q.choices.map((_, i) => i === q.answer), q.id);
  } else if (q.type === 'multiple') {
    assert.deepEqual(g.choices.map((c) => c.weight > 0), q.choices.map((_, i) => q.answers.includes(i)), q.id);
    const total = g.choices.filter((c) => c.weight > 0).reduce((t, c) => t + c.weight, 0);
    assert.ok(Math.abs(total - 100) < 0.01, `${q.id}: the right answers weigh ${total} %`);
  } else if (q.type === 'true_false') {
    assert.equal(g.isTrue, q.answer, q.id);
  } else if (q.type === 'short') {
    assert.deepEqual(g.choices.filter((c) => c.weight === null).map((c) => c.text.text), q.accept, q.id);
  } else if (q.type === 'matching') {
    const pairs = g.matchPairs.filter((p) => p.subquestion.text !== '');
    assert.deepEqual(pairs.map((p) => [p.subquestion.text, p.subanswer]), q.pairs, q.id);
    assert.deepEqual(g.matchPairs.filter((p) => p.subquestion.text === '').map((p) => p.subanswer), q.distractors ?? [], q.id);
  }
  if (q.explanation && q.type !== 'flashcard') assert.equal(g.globalFeedback?.text, q.explanation, q.id);
}

function checkBank(file) {
  const quiz = JSON.parse(fs.readFileSync(file, 'utf8'));
  const { gift, said } = exportGift(file);
  const parsed = parse(gift).filter((g) => g.type !== 'Category');
  const written = quiz.questions.filter((q) => expected(q));
  assert.equal(parsed.length, written.length, `${file}: every question written is read`);
  for (const [i, q] of written.entries()) {
    const g = parsed[i];
    assert.equal(g.title, q.id);
    assert.equal(g.type, expected(q).type, q.id);
    assert.equal(g.hasEmbeddedAnswers, expected(q).embedded, q.id);
    checkAnswers(q, g);
    // Topic, difficulty and tags travel as Moodle's tags.
    const tags = [...(q.topic ? [`topic:${q.topic}`] : []), ...(q.difficulty ? [`difficulty:${q.difficulty}`] : []), ...(q.tags ?? [])];
    assert.deepEqual(g.tags ?? [], tags, q.id);
  }
  for (const q of quiz.questions.filter((q) => !expected(q))) {
    assert.ok(said.some((line) => line.endsWith(`question ${q.id}: left out`)), `${q.id} is said to be left out: ${said.join('\n')}`);
  }
  return parsed.length;
}

test('the bundled bank exports as GIFT that gift-pegjs reads question for question', () => {
  assert.equal(checkBank(path.join(root, 'questions.json')), 143);
});

test('the example file and the teacher file with every kind export as GIFT, what GIFT lacks said', () => {
  assert.ok(checkBank(path.join(root, 'examples/my-questions.json')) >= 5);
  assert.ok(checkBank(path.join(root, 'tests/e2e/fixtures/teacher-file.json')) >= 5);
});

test('a hand-written GIFT bank reads in gift-pegjs as in quiz import, and goes back out the same', () => {
  const source = path.join(root, 'tests/fixtures/gift/every-kind.gift');
  const theirs = parse(fs.readFileSync(source, 'utf8')).filter((g) => !['Category', 'Description'].includes(g.type));
  const imported = path.join(work, 'every-kind.json');
  fs.writeFileSync(imported, execFileSync(quizBin, ['import', source], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  const ours = JSON.parse(fs.readFileSync(imported, 'utf8')).questions;
  assert.equal(ours.length, theirs.length);
  assert.deepEqual(ours.map((q) => expected(q).type), theirs.map((g) => g.type));
  assert.equal(checkBank(imported), theirs.length);
});
