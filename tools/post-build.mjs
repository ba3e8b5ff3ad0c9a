// Trunk post_build hook, for release builds: shrinks what a course page
// downloads besides the wasm's code.
//
// - The embed module's wasm and its wasm-bindgen glue refer to each other by
//   long hashed names; tools/wasm-names.mjs gives them short ones in both, and
//   drops the wasm's custom sections (toolchain metadata).
// - The element's loader and the embed glue are minified with terser. Trunk
//   minifies the CSS and HTML itself (`minify` in Trunk.toml) but cannot parse
//   wasm-bindgen's glue.
//
// The study page's own module is left as it is: index.html carries integrity
// hashes of its files, computed before this hook runs.
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';
import { shortenNames, stripCustomSections } from './wasm-names.mjs';
import { workspaceVersion } from './version.mjs';

const LOADER = 'quiz-widget.js';

const EMBED_GLUE = 'quiz-widget-embed.js';
const EMBED_WASM = 'quiz-widget-embed_bg.wasm';
// Fetched for Markdown sources only.
const MARKDOWN_FILES = ['quiz-markdown.js', 'quiz-import.js'];
// Fetched for a question file the widget rejects only.
const REPORT_GLUE = 'quiz-report.js';
// Fetched when a learner first uses the study face's export, import or CSV.
const TRANSFER_GLUE = 'quiz-transfer.js';
// Fetched by a page with a pre-rendered first screen only.
const HANDOVER = 'quiz-handover.js';
// Loaded by SCORM packages' launch pages only.
const SCORM_BRIDGE = 'quiz-scorm.js';
// Loaded for an element with `xapi` or a cmi5 launch only.
const XAPI = 'quiz-xapi.js';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a trunk hook');
const at = (file) => path.join(staging, file);

// The loader's `version` export, in every build: the workspace's version.
const loader = fs.readFileSync(at(LOADER), 'utf8');
if (!loader.includes("'QUIZ_WIDGET_VERSION'")) throw new Error(`${LOADER} has no version placeholder`);
fs.writeFileSync(at(LOADER), loader.replace("'QUIZ_WIDGET_VERSION'", JSON.stringify(workspaceVersion())));

if (process.env.TRUNK_PROFILE === 'release') {
  // Interface language files as the wasm reads them: the strings in the
  // order of their keys (which tests/host/languages.rs holds to src/i18n.rs's
  // KEYS), then the kinds' names; the keys themselves stay in the source.
  for (const file of fs.readdirSync(staging).filter((f) => /^quiz-lang-[a-z]+\.json$/.test(f))) {
    const { kind_names: kinds, ...strings } = JSON.parse(fs.readFileSync(at(file), 'utf8'));
    fs.writeFileSync(at(file), JSON.stringify([...Object.values(strings), ...Object.values(kinds)]));
  }
  for (const file of [LOADER, HANDOVER, EMBED_GLUE, ...MARKDOWN_FILES, REPORT_GLUE, TRANSFER_GLUE, SCORM_BRIDGE, XAPI]) {
    const source = fs.readFileSync(at(file), 'utf8');
    const { code } = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    fs.writeFileSync(at(file), code);
  }

  // After minifying: the glue's wrappers for closure exports bear the exports'
  // own names until terser renames them, and a name used twice is not renamed.
  const renamed = shortenNames(fs.readFileSync(at(EMBED_WASM)), fs.readFileSync(at(EMBED_GLUE), 'utf8'));
  const { glue, shortened } = renamed;
  const wasm = stripCustomSections(renamed.wasm);
  if (!WebAssembly.validate(wasm)) throw new Error(`${EMBED_WASM} does not validate after shortening its names`);
  fs.writeFileSync(at(EMBED_WASM), wasm);
  fs.writeFileSync(at(EMBED_GLUE), glue);
  console.log(`post-build: ${shortened} import and export names shortened in ${EMBED_WASM} and ${EMBED_GLUE}`);
}
