// mdbook-quiz-widget's glue, imported by every chapter with a quiz through
// mdBook's `path_to_root` (a module runs once per page): it loads the widget
// and gives each quiz a plain-text form for printing. That form is made here,
// in the browser, so that the questions' keys do not enter the search index.
// The book's styles for quizzes (book.css: the widget in the book's themes,
// the print forms) come inline with the chapter, before its first quiz, so
// that a pre-rendered quiz is styled from the first frame.
import './quiz-widget.js';

const el = (tag, text, className) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
};
const list = (items, mark) => {
  const ul = el('ul');
  for (const item of items) {
    const li = el('li', `${mark} `);
    li.append(...markdown(item, 'span').childNodes);
    ul.append(li);
  }
  return ul;
};
const sorted = (items) => [...items].sort((a, b) => a.localeCompare(b));

// Question text, readable on paper: fenced code as a block, inline code as
// code, emphasis markers dropped; the rest as written.
function markdown(text, tag = 'div') {
  const node = el(tag, undefined, 'prompt');
  for (const [i, part] of text.split(/^```[^\n]*\n([\s\S]*?)^```[^\n]*$/m).entries()) {
    if (i % 2 === 1) { node.append(el('pre', part.replace(/\n$/, ''))); continue; }
    for (const [j, piece] of part.trim().split(/`([^`]+)`/).entries()) {
      node.append(j % 2 === 1 ? el('code', piece) : piece.replace(/\*\*|__/g, ''));
    }
  }
  return node;
}
const blank = () => el('span', '', 'blank');

// What a question asks, without its key: lists that would give the answer
// away by their order (ordering items, matching partners) are sorted.
function printed(q) {
  const li = el('li');
  li.append(markdown(q.prompt));
  switch (q.type) {
    case 'single': li.append(list(q.choices, '○')); break;
    case 'multiple': li.append(list(q.choices, '☐')); break;
    case 'true_false': li.append(list(['True', 'False'], '○')); break;
    case 'ordering': li.append(list(sorted(q.items), '▢')); break;
    case 'matching': {
      li.append(list(q.pairs.map((p) => p[0]), '•'));
      li.append(list(sorted([...q.pairs.map((p) => p[1]), ...(q.distractors || [])]), '→'));
      break;
    }
    case 'cloze': {
      const p = el('p', undefined, 'prompt');
      for (const [i, part] of q.text.split(/\{\{(.*?)\}\}/s).entries()) {
        if (i % 2 === 0) p.append(part);
        else if (part.includes('[')) p.append(`(${sorted(part.split('|').map((o) => o.replace(/[[\]]/g, '').trim())).join(' / ')})`);
        else p.append(blank());
      }
      li.append(p);
      break;
    }
    case 'tracing': {
      const lines = q.program.replace(/\s+$/, '').split('\n');
      li.append(el('pre', lines.map((line, i) => `${String(i + 1).padStart(3)}  ${line}`).join('\n')));
      li.append(list(['Compiles, and prints:', 'Does not compile; the first error is on line:'], '○'));
      break;
    }
    case 'short': case 'numeric': {
      const p = el('p');
      p.append(blank(), q.unit ? ` ${q.unit}` : '');
      li.append(p);
      break;
    }
    default: break;
  }
  return li;
}

for (const widget of document.querySelectorAll('quiz-widget.in-book')) {
  const source = widget.querySelector('script[type="application/json"]');
  if (!source || widget.nextElementSibling?.classList.contains('quiz-print')) continue;
  try {
    const quiz = JSON.parse(source.textContent);
    const box = el('div', undefined, 'quiz-print');
    box.append(el('p', quiz.title, 'title'));
    const ol = el('ol', undefined, 'questions');
    for (const q of quiz.questions) ol.append(printed(q));
    box.append(ol);
    widget.after(box);
  } catch (error) {
    console.error('mdbook-quiz-widget: a quiz has no printable form', error);
  }
}
