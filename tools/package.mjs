// `make package`: what a teacher gets without building anything, under
// target/package/, from the release build in dist/ (make package builds it):
//
// - quiz-widget-<version>.tgz: the npm package exactly as `npm pack` makes it:
//   the course-page files, the bundled questions and their JSON Schema, a
//   custom-elements manifest (generated from the loader's JSDoc by the
//   custom-elements analyzer), TypeScript declarations (the element and its
//   events by hand in js/quiz-widget.d.ts, the question format from
//   `quiz types`), README and licenses. No dependencies.
// - quiz-widget-<version>.zip: everything in dist/ (course-page files, the
//   study page with its teacher panel, the examples, the schema) in one
//   folder that works from any folder of any host.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ON_DEMAND, WIDGET_FILES } from '../bench/sizes.mjs';

const ON_DEMAND_FILES = ON_DEMAND.flatMap((part) => part.files);
import { workspaceVersion } from './version.mjs';

const root = path.resolve(new URL('..', import.meta.url).pathname);
const dist = path.join(root, 'dist');
const out = path.join(root, 'target/package');
const npmDir = path.join(out, 'npm');
const version = workspaceVersion();
const bin = (name) => path.join(root, 'node_modules/.bin', name);

/** The schema version of the manifest: the analyzer writes 1.0.0, whose layout 2.x keeps. */
const MANIFEST_SCHEMA = '2.1.0';

const FILES = [...WIDGET_FILES, ...ON_DEMAND_FILES, 'questions.json', 'questions.schema.json', 'questions.d.ts', 'quiz-widget.d.ts',
  'custom-elements.json', 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE'];

function packageJson() {
  const entry = { types: './quiz-widget.d.ts', default: './quiz-widget.js' };
  return {
    name: 'quiz-widget',
    version,
    description: 'A drop-in <quiz-widget> element: quizzes with feedback, retries and saved progress, in Rust compiled to WebAssembly.',
    keywords: ['quiz', 'web-component', 'custom-element', 'webassembly', 'education', 'flashcards'],
    license: 'MIT OR Apache-2.0',
    type: 'module',
    exports: {
      '.': entry,
      './quiz-widget.js': entry,
      './quiz-widget.css': './quiz-widget.css',
      './questions.json': './questions.json',
      './questions.schema.json': './questions.schema.json',
      './custom-elements.json': './custom-elements.json',
      './package.json': './package.json',
    },
    types: './quiz-widget.d.ts',
    files: FILES,
    customElements: 'custom-elements.json',
    // What public CDNs serve for the bare package URL.
    jsdelivr: './quiz-widget.js',
    unpkg: './quiz-widget.js',
    // The loader defines the element when it is imported.
    sideEffects: ['./quiz-widget.js'],
  };
}

/** The manifest, from the loader's source (the shipped copy is minified). */
function manifest(work) {
  fs.copyFileSync(path.join(root, 'js/quiz-widget.js'), path.join(work, 'quiz-widget.js'));
  execFileSync(bin('cem'), ['analyze', '--globs', 'quiz-widget.js', '--outdir', '.', '--quiet'], { cwd: work, stdio: 'pipe' });
  const cem = JSON.parse(fs.readFileSync(path.join(work, 'custom-elements.json'), 'utf8'));
  cem.schemaVersion = MANIFEST_SCHEMA;
  return `${JSON.stringify(cem, null, 2)}\n`;
}

function npmPackage() {
  fs.mkdirSync(npmDir, { recursive: true });
  for (const file of [...WIDGET_FILES, ...ON_DEMAND_FILES, 'questions.json', 'questions.schema.json']) {
    fs.copyFileSync(path.join(dist, file), path.join(npmDir, file));
  }
  for (const file of ['README.md', 'LICENSE-MIT', 'LICENSE-APACHE']) fs.copyFileSync(path.join(root, file), path.join(npmDir, file));
  fs.copyFileSync(path.join(root, 'js/quiz-widget.d.ts'), path.join(npmDir, 'quiz-widget.d.ts'));
  const types = execFileSync('cargo', ['run', '-q', '-p', 'quiz-cli', '--', 'types'], { cwd: root, encoding: 'utf8' });
  fs.writeFileSync(path.join(npmDir, 'questions.d.ts'), types);
  const work = fs.mkdtempSync(path.join(out, 'cem-'));
  fs.writeFileSync(path.join(npmDir, 'custom-elements.json'), manifest(work));
  fs.rmSync(work, { recursive: true });
  fs.writeFileSync(path.join(npmDir, 'package.json'), `${JSON.stringify(packageJson(), null, 2)}\n`);
  const packed = execFileSync('npm', ['pack', '--pack-destination', out, '--loglevel=error'], { cwd: npmDir, encoding: 'utf8' });
  return path.join(out, packed.trim().split('\n').pop());
}

/** The zip, with Python's zipfile (on every machine here; nothing to install). */
function zip() {
  const name = `quiz-widget-${version}`;
  const file = path.join(out, `${name}.zip`);
  const script = `import os, sys, zipfile
src, dst, top = sys.argv[1:4]
with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as z:
    for folder, dirs, files in sorted(os.walk(src)):
        dirs.sort()
        for f in sorted(files):
            full = os.path.join(folder, f)
            z.write(full, os.path.join(top, os.path.relpath(full, src)))`;
  execFileSync('python3', ['-c', script, dist, file, name]);
  for (const extra of ['README.md', 'LICENSE-MIT', 'LICENSE-APACHE']) {
    execFileSync('python3', ['-c', `import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], 'a') as z: z.write(sys.argv[2], sys.argv[3])`,
      file, path.join(root, extra), `${name}/${extra}`]);
  }
  return file;
}

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
if (!fs.existsSync(path.join(dist, 'quiz-widget-embed_bg.wasm'))) throw new Error('dist/ has no release build: run make build');
const tgz = npmPackage();
const archive = zip();
for (const file of [tgz, archive]) console.log(`package: ${path.relative(root, file)} (${fs.statSync(file).size} B)`);
