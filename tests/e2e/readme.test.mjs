// The documents' commands, run as written: every `quiz …` line in README.md,
// CONTRIBUTING.md and docs/*.md that names real files runs in a teacher's
// folder (with the example question file as the README's
// `my-questions.json`) and makes what it says; every command the usage lists
// answers `--help`; a `console` block's output is what the command prints
// today; every `make` target named exists. (The question files, banks and
// book configuration in the same documents are read by tests/host/readme.rs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { blocks } from './docs.mjs';

const root = path.resolve(import.meta.dirname, '../..');
/** A shell line without its comment. */
const command = (line) => line.replace(/\s+#.*$/, '').trim();

execFileSync('cargo', ['build', '-q', '--locked', '-p', 'quiz-cli'], { cwd: root, stdio: 'inherit' });
// Where cargo put it: CARGO_TARGET_DIR when set, as cargo reads it.
const quizBin = path.join(path.resolve(root, process.env.CARGO_TARGET_DIR ?? 'target'), 'debug/quiz');
const lines = blocks('sh').flatMap((b) => b.split('\n')).map(command).filter(Boolean);

test("every `quiz` line of the documents that names real files runs as written in a teacher's folder", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-readme-'));
  fs.copyFileSync(path.join(root, 'examples/my-questions.json'), path.join(folder, 'my-questions.json'));
  // Placeholders (FILE, PACKAGE.zip, …) are the usage's, not commands to run.
  const runnable = lines.filter((l) => l.startsWith('quiz ') && !/\b[A-Z]{2,}\b/.test(l) && !l.includes('content/'));
  assert.ok(runnable.length >= 2, runnable.join('\n'));
  for (const line of runnable) {
    const args = line.split(/\s+/).slice(1);
    const run = spawnSync(quizBin, args, { cwd: folder, encoding: 'utf8' });
    assert.equal(run.status, 0, `${line}\n${run.stderr}`);
    const out = args[args.indexOf('--out') + 1];
    if (args.includes('--out')) assert.ok(fs.statSync(path.join(folder, out)).size > 1000, `${line} made ${out}`);
  }
  fs.rmSync(folder, { recursive: true, force: true });
});

test('every command the usage lists answers --help', () => {
  const commands = new Set(lines.filter((l) => l.startsWith('quiz ')).map((l) => l.split(/\s+/)[1]).filter((c) => !c.startsWith('-')));
  assert.ok(commands.size >= 8, [...commands].join(' '));
  for (const name of commands) {
    const run = spawnSync(quizBin, [name, '--help'], { encoding: 'utf8' });
    assert.equal(run.status, 0, `quiz ${name} --help: ${run.stderr}`);
    assert.match(run.stdout, new RegExp(`quiz ${name}`));
  }
});

test("each `console` block's output is what its command prints", () => {
  const consoles = blocks('console');
  assert.ok(consoles.length >= 1);
  for (const block of consoles) {
    const [first, ...expected] = block.trimEnd().split('\n');
    // As a terminal shows it: standard error and output in the order written.
    const run = spawnSync('sh', ['-c', `${first.replace(/^\$ /, '')} 2>&1`], { cwd: root, encoding: 'utf8' });
    assert.equal(run.stdout.trimEnd(), expected.join('\n'), first);
  }
});

test('every `make` target the documents name exists', () => {
  const targets = lines.filter((l) => l.startsWith('make ')).map((l) => l.split(/\s+/)[1]);
  assert.ok(targets.length >= 4, targets.join(' '));
  for (const target of targets) {
    const run = spawnSync('make', ['-n', target], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, `make -n ${target}: ${run.stderr}`);
  }
});
