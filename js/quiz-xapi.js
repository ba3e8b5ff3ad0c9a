// quiz-xapi: xAPI statements for a <quiz-widget>, and cmi5.
//
// Loaded by quiz-widget.js only for an element with the `xapi` attribute or
// on a page launched the cmi5 way (endpoint, fetch, actor, registration and
// activityId in its URL); other pages never fetch it.
//
// For every graded act (`quiz-answer`) and for completion (`quiz-complete`)
// it builds an xAPI 1.0.3 statement, with the ADL verbs answered,
// completed, passed and failed, the question as a cmi.interaction (its type
// and correct responses pattern by kind) and a result (score, success,
// response, duration), and hands it to the page in a `quiz-xapi` event on
// the element. Launched by cmi5, it also sends every statement to the LRS,
// after the cmi5-defined "initialized" and before "terminated", with the
// context the LMS's launch data asks for, and takes the launch data's
// mastery score as the pass mark.

const XAPI_VERSION = '1.0.3';
const ADL = 'http://adlnet.gov/expapi/verbs/';
const verb = (name) => ({ id: ADL + name, display: { 'en-US': name } });
const INTERACTION = 'http://adlnet.gov/expapi/activities/cmi.interaction';
const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVE_ON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';

// Markdown's markup, in one pass so that nothing inside code is taken for
// markup: a ``` fenced block (its code is group 2), a code span (group 4),
// heading `#`s and quote `>`s at a line's start, a link or image (its text,
// group 5), paired emphasis at word boundaries (its text, group 7:
// `snake_case`, `2*3*4`, a lone `*` and an escaped `\*` are text). An
// autolink keeps its brackets and an escape its backslash: characters
// kept, for the module's size ceiling.
const MARKUP = /^(`{3,}).*?\n(.*?)^\1|(`+)(.*?[^`])\3(?!`)|^ *(?:#+ |>[> ]*)|!?\[(.*?)\]\(.*?\)|(?<![\w*\\])([*_]{1,3})(?=\S)(.*?\S)\6(?![\w*])/gms;
const unmark = (text) => text.replace(MARKUP, (_, f, fence, t, span, link, e, emphasis) =>
  fence ?? span ?? unmark(link ?? emphasis ?? ''));

/**
 * Markdown to plain text, for names and descriptions: the markup goes
 * (heading `#`s and quote `>`s at a line's start, paired emphasis, code
 * spans and fences, link and image syntax), every other
 * character stays: "5 > 3", `snake_case` and "C#" arrive as written.
 */
export const plain = (markdown) => unmark(String(markdown ?? '')).replace(/\s+/g, ' ').trim();

const ids = (prefix, list) => list.map((_, i) => `${prefix}${i}`);
const components = (prefix, list, lang) => list.map((text, i) => ({ id: `${prefix}${i}`, description: { [lang]: plain(text) } }));
const caseless = (kind) => (kind.case_sensitive ? '{case_matters=true}' : '{case_matters=false}');

/** The blanks of a cloze text: the right answer of each (the first accepted, or the bracketed option). */
function clozeAnswers(text) {
  return Array.from(String(text).matchAll(/\{\{(.*?)\}\}/g), ([, inner]) => {
    const options = inner.split('|');
    const picked = options.find((o) => /^\[.*\]$/.test(o));
    return (picked ? picked.slice(1, -1) : options[0]).trim();
  });
}

function numericPattern(q) {
  if (Array.isArray(q.range)) return `${q.range[0]}[:]${q.range[1]}`;
  const tolerance = q.tolerance ?? (q.tolerance_percent ? Math.abs(q.answer * q.tolerance_percent) / 100 : 0);
  return tolerance ? `${q.answer - tolerance}[:]${q.answer + tolerance}` : String(q.answer);
}

/**
 * Each kind as an interaction (every kind of the format: xapi.test.mjs holds
 * this list to the JSON Schema's and the TypeScript types'): its type, its correct responses pattern, its
 * components, and the learner's response (as `quiz-answer` has it) in the
 * same terms.
 */
export const KINDS = {
  single: (q, lang) => ({
    definition: { interactionType: 'choice', correctResponsesPattern: [`c${q.answer}`], choices: components('c', q.choices, lang) },
    response: (r) => `c${r}`,
  }),
  multiple: (q, lang) => ({
    definition: { interactionType: 'choice', correctResponsesPattern: [q.answers.map((i) => `c${i}`).join('[,]')], choices: components('c', q.choices, lang) },
    response: (r) => r.map((i) => `c${i}`).join('[,]'),
  }),
  true_false: (q) => ({
    definition: { interactionType: 'true-false', correctResponsesPattern: [String(q.answer)] },
    response: (r) => String(r),
  }),
  short: (q) => ({
    definition: { interactionType: 'fill-in', correctResponsesPattern: q.accept.map((a) => caseless(q) + a) },
    response: (r) => r,
  }),
  numeric: (q) => ({
    definition: { interactionType: 'numeric', correctResponsesPattern: [numericPattern(q)] },
    response: (r) => String(r).trim().replace(',', '.'),
  }),
  ordering: (q, lang) => ({
    definition: { interactionType: 'sequencing', correctResponsesPattern: [ids('i', q.items).join('[,]')], choices: components('i', q.items, lang) },
    response: (r) => r.order.map((i) => `i${i}`).join('[,]'),
  }),
  matching: (q, lang) => ({
    definition: {
      interactionType: 'matching',
      correctResponsesPattern: [q.pairs.map((_, i) => `l${i}[.]r${i}`).join('[,]')],
      source: components('l', q.pairs.map((p) => p[0]), lang),
      target: components('r', q.pairs.map((p) => p[1]).concat(q.distractors ?? []), lang),
    },
    response: (r) => r.match.map((pick, i) => (pick === null ? null : `l${i}[.]r${pick}`)).filter(Boolean).join('[,]'),
  }),
  cloze: (q) => ({
    definition: { interactionType: 'fill-in', correctResponsesPattern: [caseless(q) + clozeAnswers(q.text).join('[,]')] },
    response: (r) => r.blanks.join('[,]'),
  }),
  tracing: (q) => ({
    definition: {
      interactionType: 'other',
      // Without `error_line` the learner is asked only whether it compiles.
      correctResponsesPattern: [q.compiles ? `compiles[,]${q.output ?? ''}` : q.error_line ? `does not compile[,]line ${q.error_line}` : 'does not compile'],
    },
    response: (r) => (r.compiles ? `compiles[,]${r.output}` : q.error_line ? `does not compile[,]line ${r.line ?? ''}` : 'does not compile'),
  }),
  // Self-graded: the learner's own rating is the response.
  flashcard: () => ({ definition: { interactionType: 'other' }, response: null }),
  exercise: () => ({ definition: { interactionType: 'other' }, response: null }),
};

/**
 * A question and a `quiz-answer` detail as an interaction: its type, the
 * correct responses pattern (absent for a self-graded kind) and the
 * learner's response, in xAPI's (and SCORM 2004's) terms. The SCORM bridge
 * reports answers with it too.
 */
export function interaction(question, detail, lang) {
  const kind = (KINDS[question.type] ?? KINDS.exercise)(question, lang);
  const response = kind.response && detail.response !== null && detail.response !== undefined
    ? kind.response(detail.response) : detail.rating ?? undefined;
  return { ...kind.definition, response };
}

/** An ISO 8601 duration of `ms`. */
export const duration = (ms) => `PT${Math.max(0, Math.round(ms / 10)) / 100}S`;

const score = (points, max) => (max > 0
  ? { raw: points, min: 0, max, scaled: Math.round((points / max) * 10000) / 10000 }
  : undefined);

/** The IRI of question `id` under the quiz's activity. */
export const questionActivity = (quizActivity, id) => `${quizActivity}${quizActivity.includes('#') ? '/' : '#'}${encodeURIComponent(id)}`;

/** The statement for one `quiz-answer` (its `detail`) on `question`. */
export function answerStatement({ quiz, question, detail, actor, quizActivity, ms, context = {} }) {
  const lang = quiz.language || 'en';
  const { response, ...kind } = interaction(question, detail, lang);
  const definition = { type: INTERACTION, name: { [lang]: plain(question.prompt) || question.id }, ...kind };
  const result = { success: detail.correct, response, score: score(detail.score ?? 0, detail.maxScore ?? 0), duration: duration(ms) };
  return statement(actor, verb('answered'), { objectType: 'Activity', id: questionActivity(quizActivity, question.id), definition }, result, {
    ...context,
    contextActivities: { ...context.contextActivities, parent: [{ objectType: 'Activity', id: quizActivity }] },
  }, lang);
}

/** The statements for a `quiz-complete` (its `detail`): passed or failed when there is a pass mark, then completed. */
export function completionStatements({ quiz, detail, actor, quizActivity, ms, context = {}, categories = [], extensions }) {
  const lang = quiz.language || 'en';
  const object = { objectType: 'Activity', id: quizActivity, definition: { name: { [lang]: plain(quiz.title) || quiz.id }, type: 'http://adlnet.gov/expapi/activities/assessment' } };
  const withCategories = { ...context, contextActivities: { ...context.contextActivities, category: categories.map((id) => ({ id })) } };
  if (!categories.length) delete withCategories.contextActivities.category;
  const judged = { ...withCategories, extensions: extensions ? { ...context.extensions, ...extensions } : context.extensions };
  if (!judged.extensions) delete judged.extensions;
  const out = [];
  if (detail.passed !== null) {
    out.push(statement(actor, verb(detail.passed ? 'passed' : 'failed'), object,
      { success: detail.passed, score: score(detail.score, detail.maxScore), duration: duration(ms) }, judged, lang));
  }
  out.push(statement(actor, verb('completed'), object, { completion: true, duration: duration(ms) }, withCategories, lang));
  return out;
}

function statement(actor, verbValue, object, result, context, lang) {
  const clean = (value) => JSON.parse(JSON.stringify(value)); // drops what is undefined
  const s = { id: uuid(), actor, verb: verbValue, object, timestamp: new Date().toISOString(), context: { language: lang, ...context } };
  if (result) s.result = result;
  return clean(s);
}

function uuid() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ---------------------------------------------------------------------------
// cmi5: the launch, the LRS, and the AU's session (one per page).

/** The cmi5 launch parameters of `url`, or `null` when it was not launched the cmi5 way. */
export function cmi5Launch(url = globalThis.location?.href) {
  if (!url) return null;
  const params = new URL(url).searchParams;
  const names = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'];
  if (!names.every((n) => params.get(n))) return null;
  try {
    return { ...Object.fromEntries(names.map((n) => [n, params.get(n)])), actor: JSON.parse(params.get('actor')) };
  } catch {
    return null;
  }
}

class Cmi5 {
  constructor(launch, report) {
    this.launch = launch;
    this.report = report;
    this.queue = Promise.resolve();
    this.started = Date.now();
    this.widgets = new Map(); // element -> its completion, once it has one
    this.judged = false;
    this.terminated = false;
  }

  url(path) { return this.launch.endpoint.replace(/\/?$/, '/') + path; }

  headers() {
    return { Authorization: `Basic ${this.token}`, 'X-Experience-API-Version': XAPI_VERSION, 'Content-Type': 'application/json' };
  }

  async start() {
    const fetched = await fetch(this.launch.fetch, { method: 'POST' });
    const body = await fetched.json();
    this.token = body['auth-token'];
    if (!this.token) throw new Error(`the fetch URL gave no auth-token (${body['error-text'] ?? fetched.status})`);
    const query = new URLSearchParams({ stateId: 'LMS.LaunchData', activityId: this.launch.activityId, agent: JSON.stringify(this.launch.actor), registration: this.launch.registration });
    const state = await fetch(this.url(`activities/state?${query}`), { headers: this.headers() });
    if (!state.ok) throw new Error(`the LMS's launch data could not be read (${state.status})`);
    this.data = await state.json();
    this.context = { ...(this.data.contextTemplate ?? {}), registration: this.launch.registration };
    this.send(this.defined('initialized'));
  }

  /** A cmi5-defined statement about the AU. */
  defined(name, result, moveOn = false, extensions) {
    const context = { ...this.context, contextActivities: { ...this.context.contextActivities, category: [{ id: CMI5 }, ...(moveOn ? [{ id: MOVE_ON }] : [])] } };
    if (extensions) context.extensions = { ...context.extensions, ...extensions };
    return statement(this.launch.actor, verb(name), { objectType: 'Activity', id: this.launch.activityId }, result, context);
  }

  /** Statements go to the LRS one after another, in order. */
  send(statementValue, keepalive = false) {
    const post = () => fetch(this.url('statements'), { method: 'POST', headers: this.headers(), body: JSON.stringify(statementValue), keepalive })
      .then((r) => { if (!r.ok) throw new Error(`the LRS refused a statement (${r.status})`); })
      .catch((error) => this.report(error));
    this.queue = this.queue.then(post);
    return this.queue;
  }

  get normal() { return (this.data?.launchMode ?? 'Normal') === 'Normal'; }

  /** The AU passes or fails, and completes, once every quiz on the page is complete. */
  complete(element, detail) {
    this.widgets.set(element, detail);
    if (this.judged || !this.normal || [...this.widgets.values()].some((d) => d === null)) return;
    this.judged = true;
    const all = [...this.widgets.values()];
    const points = all.reduce((a, d) => a + d.score, 0);
    const max = all.reduce((a, d) => a + d.maxScore, 0);
    const mastery = this.data.masteryScore;
    const scaled = max > 0 ? Math.round((points / max) * 10000) / 10000 : 1;
    const ms = Date.now() - this.started;
    if (typeof mastery === 'number' || all.some((d) => d.passed !== null)) {
      const passed = typeof mastery === 'number' ? scaled >= mastery : all.every((d) => d.passed !== false);
      const extensions = typeof mastery === 'number' ? { [MASTERY]: mastery } : undefined;
      this.send(this.defined(passed ? 'passed' : 'failed', { success: passed, score: { scaled, raw: points, min: 0, max }, duration: duration(ms) }, true, extensions));
    }
    this.send(this.defined('completed', { completion: true, duration: duration(ms) }, true));
  }

  terminate() {
    if (this.terminated || !this.token) return;
    this.terminated = true;
    this.send(this.defined('terminated', { duration: duration(Date.now() - this.started) }), true);
  }
}

let cmi5Session;

function cmi5Session$(report) {
  if (cmi5Session !== undefined) return cmi5Session;
  const launch = cmi5Launch();
  if (!launch) {
    cmi5Session = null;
    return null;
  }
  const session = new Cmi5(launch, report);
  cmi5Session = session.start().then(() => {
    addEventListener('pagehide', () => session.terminate());
    return session;
  }, (error) => { report(error); return null; });
  return cmi5Session;
}

// ---------------------------------------------------------------------------
// The element.

/** The element's question file, as the widget has it. */
async function quizOf(element, bundled) {
  const src = element.getAttribute('src')?.trim();
  const inline = element.querySelector('script[type="application/json"]');
  if (inline && (!src || inline.dataset.importedFrom === src)) return JSON.parse(inline.textContent);
  const response = await fetch(new URL(src || bundled, document.baseURI));
  return response.json();
}

function attributeJson(element, name) {
  try { return JSON.parse(element.getAttribute(name) ?? 'null'); } catch { return null; }
}

/**
 * Makes `element` tell the page (and a cmi5 LMS) what the learner does, in
 * xAPI. Resolves once a cmi5 launch has its launch data (its mastery score
 * is then the element's pass mark); the widget mounts after that.
 */
export async function attach(element, bundled = new URL('questions.json', import.meta.url).href) {
  if (element.xapiAttached) return;
  element.xapiAttached = true;
  const report = (error) => {
    console.warn('quiz-xapi:', error?.message ?? error);
    element.dispatchEvent(new CustomEvent('quiz-xapi-error', { detail: { message: String(error?.message ?? error) }, bubbles: true, composed: true }));
  };
  const cmi5 = await cmi5Session$(report);
  if (cmi5) {
    cmi5.widgets.set(element, null);
    const mastery = cmi5.data.masteryScore;
    if (typeof mastery === 'number' && mastery > 0) element.setAttribute('pass-mark', String(Math.min(100, Math.ceil(mastery * 100))));
  }
  let quiz;
  let last = Date.now();
  const base = () => ({
    actor: cmi5?.launch.actor ?? attributeJson(element, 'xapi-actor') ?? { objectType: 'Agent', account: { homePage: location.origin, name: 'anonymous' } },
    quizActivity: element.getAttribute('xapi-activity') || cmi5?.launch.activityId || `${location.origin}${location.pathname}#${quiz.id}`,
    context: cmi5?.context ?? {},
  });
  const emit = (statementValue) => {
    element.dispatchEvent(new CustomEvent('quiz-xapi', { detail: statementValue, bubbles: true, composed: true }));
    cmi5?.send(statementValue);
  };
  const took = () => { const now = Date.now(); const ms = now - last; last = now; return ms; };
  element.addEventListener('quiz-answer', async (event) => {
    const ms = took();
    try {
      quiz ??= await quizOf(element, bundled);
      const question = quiz.questions.find((q) => q.id === event.detail.questionId);
      if (question) emit(answerStatement({ quiz, question, detail: event.detail, ms, ...base() }));
    } catch (error) { report(error); }
  });
  const started = Date.now();
  element.addEventListener('quiz-complete', async (event) => {
    try {
      quiz ??= await quizOf(element, bundled);
      for (const s of completionStatements({ quiz, detail: event.detail, ms: Date.now() - started, ...base() })) {
        element.dispatchEvent(new CustomEvent('quiz-xapi', { detail: s, bubbles: true, composed: true }));
      }
      cmi5?.complete(element, event.detail);
    } catch (error) { report(error); }
  });
}
