// The documents whose examples are run as written: README.md, CONTRIBUTING.md
// and every docs/*.md (tests/host/readme.rs reads the same ones), and a
// section of them found by its heading in whichever file it is in.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** The documents' paths from the repository root, README.md first. */
export const documents = [
  'README.md',
  'CONTRIBUTING.md',
  ...fs.readdirSync(path.join(root, 'docs')).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`),
];

/** Each document's text, by path. */
export const texts = Object.fromEntries(documents.map((file) => [file, fs.readFileSync(path.join(root, file), 'utf8')]));

/** The documents' fenced blocks of `language`, in order. */
export const blocks = (language) =>
  Object.values(texts).flatMap((text) => [...text.matchAll(new RegExp('^(`{3,4})' + language + '\\n([\\s\\S]*?)^\\1$', 'gm'))].map((m) => m[2]));

/**
 * The section under `heading` (a whole line such as '## Putting a quiz on a
 * course page'), up to the next heading of its level or above, from the one
 * document that has it; `file` is where it was found.
 */
export function section(heading) {
  const level = heading.match(/^#+/)[0].length;
  const found = documents.filter((file) => texts[file].split('\n').includes(heading));
  if (found.length !== 1) throw new Error(`${heading}: in ${found.length} documents (${found.join(', ')}), not one`);
  const [file] = found;
  const after = `\n${texts[file]}`.split(`\n${heading}\n`)[1];
  const end = after.search(new RegExp(`^#{1,${level}} `, 'm'));
  return { file, text: end < 0 ? after : after.slice(0, end) };
}
