// @ts-check
// The handover of a pre-rendered first screen (`quiz embed`, the mdBook
// preprocessor, the LMS launch pages) to the wasm's own. The loader fetches
// this module only for an element that has such a screen, while the wasm
// loads, so pages without one never download it (see ARCHITECTURE.md, "The
// first screen").

/** Form controls, disclosures and focusable elements, in document order. */
const CONTROLS = 'input, select, textarea, details, button, a[href], [tabindex]';

/** What each pre-rendered screen listens with until its handover, to stop where the wasm cannot run. */
const holds = new WeakMap();

/**
 * Keeps the pre-rendered screen `first` answerable until the wasm has
 * rendered its own (hidden, in `live`), then swaps the two in one task, so
 * that no frame shows neither, and carries over what the learner did
 * meanwhile: choices, text, open disclosures, the first other button
 * pressed (Next, Show hint), a Check, and focus, once the live screen has
 * rendered what was carried. A returning learner's own screen differs: the
 * pre-rendered one waits for it, untouchable, rather than take answers to a
 * question they are not on.
 * @param {ShadowRoot} root
 * @param {Element} first
 * @param {HTMLElement} live
 */
export function handOver(root, first, live) {
  if (returning(root, first)) {
    first.setAttribute('inert', '');
    first.setAttribute('aria-busy', 'true');
  }
  let checked = false;
  let pressed = -1;
  const held = new AbortController();
  holds.set(first, held);
  // A Check pressed early is remembered (its form goes nowhere: `dialog`).
  root.addEventListener('submit', (event) => {
    if (!first.contains(/** @type {Node} */ (event.target))) return;
    event.preventDefault();
    checked = true;
  }, { capture: true, signal: held.signal });
  root.addEventListener('click', (event) => {
    const button = /** @type {Element} */ (event.target).closest?.('button[type="button"]');
    if (button && first.contains(button) && pressed < 0) pressed = [...first.querySelectorAll(CONTROLS)].indexOf(button);
  }, { signal: held.signal });
  // Check waits for an answer; the live screen decides again.
  const answered = () => {
    for (const button of first.querySelectorAll('button[type="submit"]')) button.removeAttribute('disabled');
  };
  root.addEventListener('input', answered, { signal: held.signal });
  // An answer given before this module arrived counts as well.
  for (const field of /** @type {NodeListOf<HTMLInputElement>} */ (first.querySelectorAll('form input, form select, form textarea'))) {
    if (/^(radio|checkbox)$/.test(field.type) ? field.checked : field.value) answered();
  }
  // A choice's letter or number picks it, as in the live widget.
  root.addEventListener('keydown', (/** @type {Event} */ keydown) => {
    const event = /** @type {KeyboardEvent} */ (keydown);
    const target = /** @type {Element} */ (event.target);
    if (!first.contains(target) || target.matches('input[type="text"], textarea, select') || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    const at = /^[a-z]$/.test(key) ? key.charCodeAt(0) - 97 : /^[1-9]$/.test(key) ? Number(key) - 1 : -1;
    const choice = /** @type {HTMLInputElement | undefined} */ ([...first.querySelectorAll('.choice input')][at]);
    if (!choice) return;
    event.preventDefault();
    choice.click();
  }, { signal: held.signal });
  const swap = () => {
    held.abort();
    const [before, after] = [[...first.querySelectorAll(CONTROLS)], [...live.querySelectorAll(CONTROLS)]];
    // Whitespace aside: a site's build may reformat the snippet.
    const text = (/** @type {Element} */ screen) => screen.querySelector('.quiz-body')?.textContent?.replace(/\s+/g, '');
    const same = before.length === after.length && text(first) === text(live);
    const focused = before.indexOf(/** @type {Element} */ (root.activeElement));
    first.remove();
    live.removeAttribute('style');
    if (!same) return;
    before.forEach((was, i) => carry(was, after[i]));
    // Once the widget has rendered what was carried over: focus, then the
    // button and the Check, as the learner pressed them.
    setTimeout(() => {
      /** @type {HTMLElement | undefined} */ (after[focused])?.focus();
      if (pressed >= 0) /** @type {HTMLElement | undefined} */ (after[pressed])?.click();
      const check = /** @type {HTMLButtonElement | null} */ (live.querySelector('form button[type="submit"]'));
      if (checked && check && !check.disabled) check.click();
      // An answer the live widget asks more of (a tracing question's line):
      // its first empty field takes focus, rather than a disabled Check.
      else if (checked || (check && root.activeElement === check && check.disabled)) {
        const empty = [...live.querySelectorAll('form select, form input[type="text"], form textarea')]
          .find((field) => !(/** @type {HTMLInputElement} */ (field)).disabled && !(/** @type {HTMLInputElement} */ (field)).value);
        /** @type {HTMLElement | undefined} */ (empty)?.focus();
      }
    });
  };
  const ready = () => live.querySelector('section.quiz-widget, .load-error');
  if (ready()) return swap();
  const watch = new MutationObserver(() => {
    if (!ready()) return;
    watch.disconnect();
    swap();
  });
  watch.observe(live, { childList: true, subtree: true });
}

/**
 * Whether the learner has progress stored for this quiz (its storage key is
 * the screen's `data-key`), in the element's own storage or `localStorage`.
 * @param {ShadowRoot} root
 * @param {Element} first
 */
function returning(root, first) {
  const key = first.getAttribute('data-key');
  try {
    /** @type {Storage} */
    const storage = /** @type {any} */ (root.host).storage ?? localStorage;
    for (let i = 0; i < storage.length; i++) {
      if (/^quiz-widget:v[12]:/.test(storage.key(i) ?? '') && storage.key(i)?.split(':')[2] === key) return true;
    }
  } catch {
    // No storage here: a new learner, as far as anyone can tell.
  }
  return false;
}

/**
 * Gives the live control `now` the state of the pre-rendered `was`: a
 * choice by a click (so that the kind's own handler runs), text and
 * selections by `input` and `change` events, a disclosure by `open`.
 * @param {Element} was
 * @param {Element | undefined} now
 */
function carry(was, now) {
  if (was instanceof HTMLInputElement && now instanceof HTMLInputElement && (was.type === 'radio' || was.type === 'checkbox')) {
    if (was.checked !== now.checked) now.click();
  } else if ((was instanceof HTMLInputElement || was instanceof HTMLTextAreaElement || was instanceof HTMLSelectElement)
    && (now instanceof HTMLInputElement || now instanceof HTMLTextAreaElement || now instanceof HTMLSelectElement) && was.value !== now.value) {
    now.value = was.value;
    now.dispatchEvent(new Event('input', { bubbles: true }));
    now.dispatchEvent(new Event('change', { bubbles: true }));
  } else if (was instanceof HTMLDetailsElement && now instanceof HTMLDetailsElement) {
    now.open = was.open;
  }
}

/**
 * Where the wasm cannot run: the pre-rendered question in `root` stays to
 * be read, with a note that it cannot be answered here; its buttons are
 * disabled. The browser's own reason goes to the console.
 * @param {ShadowRoot} root
 * @param {string} reason
 */
export function unanswerable(root, reason) {
  const first = root.querySelector('[data-prerendered]');
  if (!first) return;
  console.warn(`quiz-widget: the quiz cannot run here: ${reason}`);
  holds.get(first)?.abort();
  for (const button of first.querySelectorAll('button')) button.disabled = true;
  const note = document.createElement('p');
  note.className = 'notice';
  note.setAttribute('role', 'note');
  note.textContent = 'This quiz cannot be answered here: this browser or page does not run the program it needs. Its questions are shown to read.';
  (first.querySelector('.quiz-widget') ?? first).prepend(note);
}
