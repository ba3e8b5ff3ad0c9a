// @ts-check
// quiz-widget: the drop-in element for course pages.
//
//   <script type="module" src="https://example.org/quiz/quiz-widget.js"></script>
//   <quiz-widget src="my-questions.json"></quiz-widget>
//
// Everything loads relative to this file; each element renders in an open
// shadow root, themed by custom properties (see docs/element.md). The wasm is
// requested at once, beside its glue (a static import would wait for it).
const wasmResponse = fetch(new URL('quiz-widget-embed_bg.wasm', import.meta.url));
// @ts-expect-error: written by the build (wasm-bindgen's glue), beside this file.
const glue = import('./quiz-widget-embed.js');
const wasm = glue.then(async (module) => ({ module, exports: await module.default({ module_or_path: wasmResponse }) }));
const stylesheet = new URL('quiz-widget.css', import.meta.url).href;
const bundled = new URL('questions.json', import.meta.url).href;
// Markdown sources: read by quiz-markdown.js and the importer's wasm,
// fetched on the first Markdown source only, never for JSON questions.
/** @param {string | undefined} src */
const isMarkdown = (src) => /\.(md|markdown)([?#]|$)/i.test(src || '');
/** @type {Promise<typeof import('./quiz-markdown.js')> | undefined} */
let markdownModule;
const markdown = () => (markdownModule ??= import('./quiz-markdown.js'));
// xAPI statements: for an element with `xapi`, or a page launched by cmi5.
/** @type {Promise<typeof import('./quiz-xapi.js')> | undefined} */
let xapiModule;
const xapi = () => (xapiModule ??= import('./quiz-xapi.js'));
// A wasm module fetched and started once, when first needed (tried again
// after a failed fetch).
/** @param {string} file */
const onDemand = (file) => {
  /** @type {Promise<any> | undefined} */
  let started;
  return () => (started ??= import(file).then(async (m) => (await m.default(), m)).catch((error) => { started = undefined; throw error; }));
};
// The full report of a question file the widget rejects (its module keeps
// only the yes or no): the validator with its messages, fetched only then.
const reportModule = onDemand('./quiz-report.js');
/** @param {string} text */
const report = (text) => reportModule().then((m) => m.report(text));
// The study face's export, import and CSV, fetched when one is first used;
// a file the module makes comes as [name, type, text] and is saved.
const transferModule = onDemand('./quiz-transfer.js');
/** @param {string} name @param {...unknown} args */
const transfer = (name, ...args) => transferModule().then((m) => {
  const made = m[name](...args);
  if (!Array.isArray(made)) return made;
  const [download, type, text] = made;
  const href = URL.createObjectURL(new Blob([text], { type }));
  Object.assign(document.createElement('a'), { href, download }).click();
  URL.revokeObjectURL(href);
});
// Failing, the wasm is reported by each widget (a pre-rendered one keeps its
// question): never as an error of the page.
wasm.catch(() => {});

/**
 * The root of a pre-rendered `<template shadowrootmode>` that the browser
 * left inert (HTML inserted by script, or a site's own page swaps).
 * @param {HTMLElement} host
 */
function adoptTemplate(host) {
  const template = host.querySelector(':scope > template[shadowrootmode]');
  if (!(template instanceof HTMLTemplateElement)) return undefined;
  // Open, as the snippets make it: the loader reads it back.
  const root = host.attachShadow({ mode: 'open' });
  root.append(template.content);
  template.remove();
  return root;
}

const cmi5Launched = () => /[?&]endpoint=/.test(location.search) && /[?&]fetch=/.test(location.search);
const ATTRIBUTES = ['src', 'section', 'mode', 'lang', 'storage-key', 'shuffle', 'solution', 'controls', 'heading-level', 'draw', 'exam', 'pass-mark', 'xapi', 'xapi-actor', 'xapi-activity'];

/**
 * A quiz from a question file, in its own shadow root. Questions come from
 * `src`, else from an inline child `<script type="application/json">` or
 * `<script type="text/markdown">`, else from the `questions.json` beside
 * this module. A Markdown source (`src` ending in `.md`, or the inline
 * script) is read in the conventions `quiz import` reads, by a module
 * fetched only then. Progress is kept per learner
 * in `localStorage`.
 *
 * @summary An embeddable quiz with feedback, retries and saved progress.
 * @tag quiz-widget
 * @attr {string} src - URL of a question file.
 * @attr {string} section - Show only this section (its id); the section picker is hidden.
 * @attr {"practice" | "review" | "due" | "flashcards"} mode - `practice` (default), `review` (mistakes only) or `due` (what spaced repetition brings back today; `flashcards` is the same, its former name).
 * @attr {string} lang - Interface language (`en`, `de`); default: the quiz's `language`.
 * @attr {string} storage-key - Namespace of stored progress; default: the quiz's `id`.
 * @attr {boolean} shuffle - Shuffle questions and choices, seeded per learner and remembered.
 * @attr {string} solution - When a wrong answer's solution shows: `on-request` (default), `immediately` or `after-N` (N from 1 to 9).
 * @attr {"check" | "full"} controls - `check` (default): the focused face; `full`: the study face with its tools.
 * @attr {string} heading-level - Level of the quiz title's heading, `1` to `6` (default `2`).
 * @attr {string} draw - Show each learner only this many questions of the list (the `section`'s, or those outside any section), drawn for them and kept across visits.
 * @attr {boolean} exam - Make the quiz an exam on this page: answers saved without feedback until submitted (the file's `attempts` and `time_limit` apply).
 * @attr {string} pass-mark - The share of the points that passes on this page, in percent (`1` to `100`); default: the quiz's `pass_mark`.
 * @attr {boolean} xapi - Build an xAPI statement for every graded act and for completion, in `quiz-xapi` events (a module fetched only then; also on a page launched by cmi5, which gets them sent to its LRS).
 * @attr {string} xapi-actor - The xAPI actor of those statements, as JSON (`{"mbox": "mailto:…"}`); default: an anonymous account of the page's origin. A cmi5 launch names its own.
 * @attr {string} xapi-activity - The activity IRI of the quiz in those statements; its questions are `IRI#id`. Default: the page's URL with `#` and the quiz's id; a cmi5 launch names its own.
 * @prop {Storage} storage - A storage to keep progress in, in place of `localStorage`: any object with `length`, `key`, `getItem`, `setItem` and `removeItem` (the SCORM bridge keeps progress in the LMS this way). Set it before the element is connected.
 * @fires {CustomEvent<QuizAnswerDetail>} quiz-answer - For every graded act: a checked answer, a graded flashcard, an exercise's self-assessment. Bubbles and is composed.
 * @fires {CustomEvent<QuizCompleteDetail>} quiz-complete - Once, when the learner finishes the last unfinished item of the list. Bubbles and is composed.
 * @fires {CustomEvent<object>} quiz-xapi - With `xapi`: an xAPI statement (answered; passed or failed; completed) in `detail`. Bubbles and is composed.
 * @fires {CustomEvent<{message: string}>} quiz-xapi-error - With `xapi`: a statement could not be built or sent (cmi5). Bubbles and is composed.
 * @cssprop --qw-accent - Buttons, links and the progress bar.
 * @cssprop --qw-accent-text - Text on the accent colour.
 * @cssprop --qw-bg - The widget's background.
 * @cssprop --qw-surface - Cards and choices.
 * @cssprop --qw-text - Text.
 * @cssprop --qw-muted - Secondary text.
 * @cssprop --qw-border - Borders.
 * @cssprop --qw-right - Marks and text of a right answer.
 * @cssprop --qw-right-bg - Background of a right answer.
 * @cssprop --qw-wrong - Marks and text of a wrong answer.
 * @cssprop --qw-wrong-bg - Background of a wrong answer.
 * @cssprop --qw-radius - Corner radius.
 * @cssprop --qw-code-bg - Background of code.
 * @cssprop --qw-focus - The focus ring.
 * @cssprop --qw-code-font - The font of code (default: the system's monospace).
 * @cssprop --qw-color-scheme - `light dark` (default: the reader's setting), `light` or `dark` (a page's own theme).
 */
class QuizWidgetElement extends HTMLElement {
  static get observedAttributes() { return ATTRIBUTES; }

  async connectedCallback() {
    // Fetch the questions while the wasm loads; the widget takes this over.
    const src = this.getAttribute('src')?.trim();
    const inline = this.querySelector('script[type="application/json"]');
    const fromMarkdown = isMarkdown(src) || (!src && !inline && this.querySelector('script[type="text/markdown"]'));
    const url = src || (inline ? null : bundled);
    let prefetched;
    if (fromMarkdown) {
      this.converted = markdown().then((m) => m.fromMarkdown(this, src));
    } else if (url && this.handle === undefined) {
      const response = fetch(url);
      // The body is read as it arrives: asked for later, Chromium takes
      // 15-20 ms more to hand it over, however long ago it came.
      /** @type {Promise<string | undefined> | undefined} */
      let text = response.then((r) => (r.ok ? r.text() : undefined));
      // The widget reports failures itself.
      response.catch(() => {});
      text.catch(() => {});
      // Handed over once, so that the element does not keep the text alive.
      const takeText = () => { const taken = text; text = undefined; return taken; };
      prefetched = { url, response, takeText };
    }
    // A root the page already has is kept (attaching one would empty it);
    // a pre-rendered one stays on screen until the wasm has its own.
    if (!this.mountPoint) {
      const root = this.shadowRoot ?? adoptTemplate(this) ?? this.attachShadow({ mode: 'open' });
      this.mountPoint = document.createElement('div');
      this.mountPoint.className = 'quiz-widget-host';
      const first = root.querySelector('.quiz-widget-host[data-prerendered]');
      // The stylesheet, unless a pre-rendered screen of this release brought
      // it inline and the page's CSP let it apply.
      if (first?.getAttribute('data-prerendered') !== version || !root.querySelector('style')?.sheet) root.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: stylesheet }));
      if (first) {
        // The wasm renders hidden, and quiz-handover.js (fetched by such
        // pages only) swaps the screens once it has; should that module
        // fail, the live screen shows as it comes.
        const live = this.mountPoint;
        live.style.display = 'none';
        this.firstSeed = Number(first.getAttribute('data-seed')) || undefined;
        // @ts-ignore: resolved beside this file by the browser, as the glue is.
        this.handover = import('./quiz-handover.js').then((m) => (m.handOver(root, first, live), m), () => { first.remove(); live.removeAttribute('style'); });
      }
      root.append(this.mountPoint);
    }
    // A cmi5 launch's mastery score is the pass mark: known before the widget starts.
    if (this.hasAttribute('xapi') || cmi5Launched()) await xapi().then((m) => m.attach(this, bundled), () => {});
    let module;
    try {
      ({ module } = await wasm);
    } catch (error) {
      const reason = /** @type {Error} */ (error).message;
      // A pre-rendered question stays, with a word on why it cannot be answered.
      if (this.handover) return this.handover.then((m) => m?.unanswerable(/** @type {ShadowRoot} */ (this.shadowRoot), reason));
      this.mountPoint.textContent = `This quiz could not be loaded: ${reason}`;
      this.mountPoint.setAttribute('role', 'alert');
      return;
    }
    if (fromMarkdown && !(await this.converted)) return;
    if (this.isConnected && this.handle === undefined) {
      this.glue = module;
      this.handle = module.mount_widget(this, this.mountPoint, bundled, prefetched, report, transfer);
    }
  }

  /** @param {string} name */
  async attributeChangedCallback(name) {
    if (this.handle === undefined) return;
    const src = this.getAttribute('src')?.trim();
    if (name === 'src' && isMarkdown(src) && !(await (await markdown()).fromMarkdown(this, src))) return;
    this.glue.update_widget(this.handle, this);
  }
}

/** This release's version (the workspace's, written in by tools/post-build.mjs). */
export const version = 'QUIZ_WIDGET_VERSION';

/** Bytes of wasm linear memory in use by all widgets (diagnostics, benchmarks). */
export async function wasmMemoryBytes() {
  return (await wasm).exports.memory.buffer.byteLength;
}

if (!customElements.get('quiz-widget')) customElements.define('quiz-widget', QuizWidgetElement);
