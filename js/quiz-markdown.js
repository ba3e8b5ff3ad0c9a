// @ts-check
// quiz-widget's reader of Markdown sources, loaded by quiz-widget.js only
// for `<quiz-widget src="….md">` or an inline `<script type="text/markdown">`.
// It reads the bank with the importer's wasm (crates/quiz-import-web: the
// conventions `quiz import` reads) and hands the widget the question file as
// an inline JSON child marked with the source it came from; or it shows the
// importer's problems in the widget's place.
// @ts-expect-error: written by the build (wasm-bindgen's glue), beside this file.
import init, { import_markdown as importMarkdown } from './quiz-import.js';

const ready = init();

// The quiz id of a Markdown source: its file name, or for inline Markdown the
// storage key or the page's path, so that each keeps its own progress.
/** @param {Element} element @param {string | undefined} src */
const quizId = (element, src) => (element.getAttribute('storage-key')
  || (src ? /** @type {string} */ (new URL(src, document.baseURI).pathname.split('/').pop()).replace(/\.[^.]*$/, '') : `${location.pathname}-quiz`))
  .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'quiz';

/**
 * Reads the element's Markdown source; resolves to false, with its problems shown, when it cannot.
 * @param {HTMLElement & { mountPoint?: HTMLElement }} element
 * @param {string | undefined} src
 */
export async function fromMarkdown(element, src) {
  /** @type {string[]} */
  let problems;
  try {
    const text = src ? await fetch(src).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      : /** @type {HTMLScriptElement} */ (element.querySelector('script[type="text/markdown"]')).textContent;
    await ready;
    const imported = JSON.parse(importMarkdown(text, quizId(element, src)));
    if (imported.quiz) {
      element.querySelector('script[data-imported-from]')?.remove();
      const json = document.createElement('script');
      json.type = 'application/json';
      json.dataset.importedFrom = src || 'inline';
      json.textContent = imported.quiz;
      element.append(json);
      return true;
    }
    ({ problems } = imported);
  } catch (error) {
    problems = [`${src || 'The inline Markdown'} could not be read: ${/** @type {Error} */ (error).message}`];
  }
  await showProblems(element, src || 'inline Markdown', problems);
  return false;
}

/** @param {string} tag @param {string} [text] @param {string} [className] */
const el = (tag, text, className) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
};

/**
 * The importer's problems in the widget's place, as the widget lists a file's.
 * @param {HTMLElement & { mountPoint?: HTMLElement }} element
 * @param {string} source
 * @param {string[]} problems
 */
async function showProblems(element, source, problems) {
  while (!element.mountPoint) await new Promise((r) => setTimeout(r));
  const box = el('div', undefined, 'quiz-widget load-error');
  box.setAttribute('role', 'alert');
  const lead = el('p');
  lead.append(el('code', source), `: ${problems.length} problem(s)`);
  const list = el('ul', undefined, 'diagnostics');
  for (const problem of problems) {
    const [, where, message] = /^(line \d+): (.*)$/s.exec(problem) || [null, '', problem];
    const item = el('li');
    if (where) item.append(el('span', where, 'where'), ' ');
    item.append(message);
    list.append(item);
  }
  box.append(el('h2', 'The questions could not be loaded'), lead, list);
  element.mountPoint.replaceChildren(box);
}
