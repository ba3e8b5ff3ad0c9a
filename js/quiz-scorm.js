// @ts-check
// quiz-scorm: the bridge between a <quiz-widget> and an LMS's SCORM API, for
// the launch page of a package made by `quiz scorm` (see docs/lms.md).
// Course pages never load it.
//
// It finds the API the standard way (up through the parents, then the
// opener's), keeps the learner's progress in `suspend_data` through the
// element's `storage` property, takes the LMS's mastery score as the pass
// mark, and reports score, completion, success and session time. Every API
// call is guarded: an LMS that answers with an error, or throws, never
// stops the quiz; the error is reported with the API's code and string (a
// `quiz-scorm-error` event on the element, the console, and a line under the
// quiz). Each checked answer is journaled in cmi.interactions (with the
// xAPI module's table of interaction types). Without an API the widget keeps progress in localStorage as usual.

import { interaction, plain } from './quiz-xapi.js';

/**
 * @import { QuestionFile, QuizAnswerDetail, QuizCompleteDetail, QuizScormErrorDetail, QuizStorage, QuizWidgetElement } from './quiz-widget.js'
 * @import { InteractionDefinition } from './quiz-xapi.js'
 */

/** @typedef {'1.2' | '2004'} Version */
/**
 * One function of an LMS's API. The object is the LMS's, found on a window:
 * a function may be missing, throw, or answer with something other than the
 * string the standard says, so every call is guarded (`Lms.call`) and its
 * answer read with `String`.
 * @typedef {(...args: string[]) => unknown} ApiFunction
 */
/**
 * The functions of an LMS's SCORM API object that are called here: SCORM
 * 1.2's `API` has the `LMS…` ones, SCORM 2004's `API_1484_11` the others.
 * @typedef {object} ScormApi
 * @property {ApiFunction} [LMSInitialize]
 * @property {ApiFunction} [LMSFinish]
 * @property {ApiFunction} [LMSGetValue]
 * @property {ApiFunction} [LMSSetValue]
 * @property {ApiFunction} [LMSCommit]
 * @property {ApiFunction} [LMSGetLastError]
 * @property {ApiFunction} [LMSGetErrorString]
 * @property {ApiFunction} [LMSGetDiagnostic]
 * @property {ApiFunction} [Initialize]
 * @property {ApiFunction} [Terminate]
 * @property {ApiFunction} [GetValue]
 * @property {ApiFunction} [SetValue]
 * @property {ApiFunction} [Commit]
 * @property {ApiFunction} [GetLastError]
 * @property {ApiFunction} [GetErrorString]
 * @property {ApiFunction} [GetDiagnostic]
 */
/** @typedef {Window & { API?: ScormApi, API_1484_11?: ScormApi }} LmsWindow A window that may hold an LMS's API. */
/** @typedef {'init' | 'finish' | 'get' | 'set' | 'commit' | 'lastError' | 'errorString' | 'diagnostic'} Call What a call does, whatever a version names it. */
/**
 * A version's names: its API object's, each call's, and those of the data
 * model elements both versions have.
 * @typedef {{ api: 'API' | 'API_1484_11', entry: string, exit: string, sessionTime: string, learner: string } & Record<Call, keyof ScormApi>} Dialect
 */
/** @typedef {(problem: QuizScormErrorDetail) => void} Report */
/** @typedef {Partial<Error> | null | undefined} Thrown Anything thrown, read for a `message` it may have. */
/** @typedef {Partial<Pick<QuestionFile, 'id' | 'language' | 'questions'>>} Quiz The launch page's question file, or `{}` when it has none that reads. */

/**
 * suspend_data's size in SCORM 1.2 (CMIString4096) and in SCORM 2004 4th edition.
 * @type {Record<Version, number>}
 */
const LIMITS = { '1.2': 4096, 2004: 64000 };
const FORMAT = 'qw1';

/**
 * The two versions' names for the same things.
 * @type {Record<Version, Dialect>}
 */
const DIALECTS = {
  '1.2': {
    api: 'API', init: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue',
    commit: 'LMSCommit', lastError: 'LMSGetLastError', errorString: 'LMSGetErrorString', diagnostic: 'LMSGetDiagnostic',
    entry: 'cmi.core.entry', exit: 'cmi.core.exit', sessionTime: 'cmi.core.session_time', learner: 'cmi.core.student_id',
  },
  2004: {
    api: 'API_1484_11', init: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue',
    commit: 'Commit', lastError: 'GetLastError', errorString: 'GetErrorString', diagnostic: 'GetDiagnostic',
    entry: 'cmi.entry', exit: 'cmi.exit', sessionTime: 'cmi.session_time', learner: 'cmi.learner_id',
  },
};

/**
 * The API object named `name` in `win` or one of its parents (at most 500 up), as SCORM's run-time guide says.
 * @param {LmsWindow} win
 * @param {Dialect['api']} name
 * @returns {ScormApi | null}
 */
function findIn(win, name) {
  for (let tries = 0; win && tries <= 500; tries += 1) {
    try {
      if (win[name]) return win[name];
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    } catch {
      return null; // a parent of another origin
    }
  }
  return null;
}

/**
 * The LMS's API: the package's version first, then the other.
 * @param {string} version The package's.
 * @param {LmsWindow} [win]
 * @returns {{ api: ScormApi, version: Version } | null}
 */
export function findApi(version, win = window) {
  /** @type {Version[]} */
  const order = version === '1.2' ? ['1.2', '2004'] : ['2004', '1.2'];
  for (const v of order) {
    const name = DIALECTS[v].api;
    /** @type {LmsWindow | null} */
    let opener = null;
    try { opener = win.opener; } catch { /* another origin */ }
    const api = findIn(win, name) || (opener && findIn(opener, name));
    if (api) return { api, version: v };
  }
  return null;
}

/**
 * One SCORM session: every call guarded, every error reported once with the
 * API's code and string. Calls after `finish` are not made.
 */
export class Lms {
  /**
   * @param {ScormApi} api
   * @param {Version} version
   * @param {Report} report
   */
  constructor(api, version, report) {
    this.api = api;
    this.version = version;
    this.names = DIALECTS[version];
    this.report = report;
    this.open = false;
  }

  /**
   * The function's answer, or `null` when it is missing or throws (reported).
   * @param {Call} method
   * @param {...string} args
   * @returns {unknown}
   */
  call(method, ...args) {
    const fn = this.api[this.names[method]];
    if (typeof fn !== 'function') {
      this.report({ call: this.names[method], code: '', message: 'The LMS API has no such function.' });
      return null;
    }
    /** @type {unknown} */
    let result;
    try {
      result = fn.apply(this.api, args);
    } catch (error) {
      this.report({ call: this.names[method], args, code: '', message: `threw ${/** @type {Thrown} */ (error)?.message ?? error}` });
      return null;
    }
    return result;
  }

  /**
   * Whether a call that answers "true"/"false" succeeded; reports it if not.
   * @param {Call} method
   * @param {...string} args
   */
  ok(method, ...args) {
    const result = this.call(method, ...args);
    if (String(result) === 'true') return true;
    if (result !== null) this.reportLast(method, args);
    return false;
  }

  /** @param {Call} method @param {string[]} args */
  reportLast(method, args) {
    const code = String(this.call('lastError') ?? '');
    const message = String(this.call('errorString', code) ?? '');
    const diagnostic = String(this.call('diagnostic', code) ?? '');
    this.report({ call: this.names[method], args, code, message, diagnostic });
  }

  initialize() {
    this.open = this.ok('init', '');
    return this.open;
  }

  /**
   * A value, or `''` when the LMS has none or answers with an error.
   * @param {string} element
   */
  get(element) {
    if (!this.open) return '';
    const value = this.call('get', element);
    const code = String(this.call('lastError') ?? '0');
    // 403 (2004) and 401 / 201 (1.2): no value yet or not implemented; not worth a report.
    if (code !== '0' && code !== '' && !['403', '401', '201'].includes(code)) this.reportLast('get', [element]);
    return value == null ? '' : String(value);
  }

  /** @param {string} element @param {string} value */
  set(element, value) {
    return this.open && this.ok('set', element, String(value));
  }

  commit() {
    return this.open && this.ok('commit', '');
  }

  finish() {
    if (!this.open) return;
    this.open = false;
    this.ok('finish', '');
  }
}

// ---------------------------------------------------------------------------
// suspend_data: the widget's records, compact.
//
// The widget keeps one JSON record per question (quiz-session's
// progress.rs); here each becomes one short string,
//   index.hash.time.kind.fields…[json tail]
// (the question's place in the file, its content hash in base64, the time
// from a base in base 36, the record's kind, its small fields, and the rest
// as JSON), so that SCORM 1.2's 4,096 characters hold about 120 answered
// choice questions. A record with anything this table does not know (a
// later record version) is kept whole as JSON (`index.!{…}`; no hash
// starts with `!`). When it does not
// fit, review logs go first, then schedules, then the oldest answers; what
// was left out is reported as a warning.

/**
 * A stored record as quiz-session's progress.rs writes it (version 2): `v`
 * the version, `h` the question's content hash (16 hex digits), `t` the
 * last change (ms since the epoch), `k` the kind, and the kind's fields
 * (KINDS below, and the schedule's). A record of a later version may hold
 * anything.
 * @typedef {{ v: number, h: string, t: number, k: string, [field: string]: unknown }} StoredRecord
 */
/** @typedef {'bool' | 'int' | 'word'} SmallType */
/** @typedef {boolean | number | string} SmallValue */
/**
 * How a small field is checked, written and read; `write` takes only what
 * `ok` accepted.
 * @typedef {{ ok(value: unknown): boolean, write(value: SmallValue): string, read(text: string): SmallValue }} Small
 */
/**
 * A record kind in suspend_data: its one-letter code, its small fields (in
 * the string, in this order) and the fields of its JSON tail.
 * @typedef {{ code: string, small: Record<string, SmallType>, tail: string[] }} Shape
 */
/**
 * A store's layout: the keys storage.rs writes for a quiz, and the index of
 * the question each record key is for.
 * @typedef {object} Layout
 * @property {string} settingsKey
 * @property {(key: string) => number | undefined} indexOfKey
 * @property {(index: number) => string | undefined} keyOfIndex
 */
/**
 * suspend_data as JSON: the format, the base time in base 36, the settings,
 * then one packed string per record.
 * @typedef {[typeof FORMAT, string, string | null, ...string[]]} SuspendData
 */

/** @type {Record<string, Shape>} */
const KINDS = {
  answer: { code: 'a', small: { c: 'bool', n: 'int' }, tail: ['r'] },
  card: { code: 'c', small: { g: 'word', n: 'int' }, tail: [] },
  exercise: { code: 'e', small: {}, tail: ['notes', 'done'] },
};
const SCHEDULE = ['f', 'log'];
const BY_CODE = Object.fromEntries(Object.entries(KINDS).map(([k, v]) => [v.code, { kind: k, ...v }]));

/** @param {string} hex */
const hexToB64 = (hex) => btoa(String.fromCharCode(.../** @type {RegExpMatchArray} */ (hex.match(/../g)).map((b) => parseInt(b, 16))))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
/** @param {string} b64 */
const b64ToHex = (b64) => Array.from(atob(b64.replace(/-/g, '+').replace(/_/g, '/')),
  (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');

/** @type {Record<SmallType, Small>} */
const SMALL = {
  bool: { ok: (v) => typeof v === 'boolean', write: (v) => (v ? '1' : '0'), read: (s) => s === '1' },
  int: { ok: (v) => Number.isSafeInteger(v) && /** @type {number} */ (v) >= 0, write: (/** @type {number} */ v) => v.toString(36), read: (s) => parseInt(s, 36) },
  word: { ok: (v) => typeof v === 'string' && /^[a-z-]+$/.test(v), write: (/** @type {string} */ v) => v, read: (s) => s },
};

/**
 * A record as a compact string; `level` 1 leaves out its review log, 2 its schedule.
 * @param {number} index
 * @param {StoredRecord} record
 * @param {number} base
 * @param {number} level
 */
function packRecord(index, record, base, level) {
  /** @type {Shape | undefined} */
  const shape = KINDS[record.k];
  const known = shape && new Set(['v', 'h', 't', 'k', ...Object.keys(shape.small), ...shape.tail, ...SCHEDULE]);
  const fits = shape && record.v === 2 && /^[0-9a-f]{16}$/.test(record.h) && Number.isSafeInteger(record.t)
    && Object.keys(record).every((key) => known.has(key))
    && Object.entries(shape.small).every(([key, type]) => SMALL[type].ok(record[key]));
  if (!fits) return `${index}.!${JSON.stringify(record)}`;
  // Each value passed its type's `ok` above.
  const small = Object.entries(shape.small).map(([key, type]) => SMALL[type].write(/** @type {SmallValue} */ (record[key])));
  const kept = level >= 2 ? [] : level === 1 ? ['f'] : SCHEDULE;
  const tail = [...shape.tail, ...kept].map((key) => record[key]);
  while (tail.length && tail[tail.length - 1] === undefined) tail.pop();
  const head = [index, hexToB64(record.h), (record.t - base).toString(36), shape.code, ...small].join('.');
  return tail.length ? `${head}.${JSON.stringify(tail)}` : head;
}

/**
 * @param {string} text
 * @param {number} base
 * @returns {[number, StoredRecord]}
 */
function unpackRecord(text, base) {
  const x = text.match(/^(\d+)\.!(.*)$/s);
  if (x) return [Number(x[1]), JSON.parse(x[2])];
  const parts = text.split('.');
  const [index, hash, time, code] = parts;
  /** @type {(Shape & { kind: string }) | undefined} */
  const shape = BY_CODE[code];
  if (!shape) throw new Error(`unknown record kind ${code}`);
  /** @type {StoredRecord} */
  const record = { v: 2, h: b64ToHex(hash), t: base + parseInt(time, 36), k: shape.kind };
  const smallKeys = Object.entries(shape.small);
  smallKeys.forEach(([key, type], i) => { record[key] = SMALL[type].read(parts[4 + i]); });
  const rest = parts.slice(4 + smallKeys.length).join('.');
  const tail = rest ? JSON.parse(rest) : [];
  [...shape.tail, ...SCHEDULE].forEach((key, i) => { if (i < tail.length && tail[i] !== undefined) record[key] = tail[i]; });
  return [Number(index), record];
}

/**
 * The store's entries as suspend_data of at most `limit` characters, and how
 * much had to be left out for it to fit.
 * @param {Iterable<[string, string]>} entries
 * @param {Layout} layout
 * @param {number} limit
 */
export function encode(entries, layout, limit) {
  /** @type {[number, StoredRecord][]} */
  const records = [];
  /** @type {string | null} */
  let settings = null;
  for (const [key, value] of entries) {
    if (key === layout.settingsKey) { settings = value; continue; }
    const index = layout.indexOfKey(key);
    /** @type {StoredRecord | null} */
    let record;
    try { record = JSON.parse(value); } catch { continue; }
    if (index !== undefined && record && typeof record === 'object') records.push([index, record]);
  }
  records.sort((a, b) => (b[1].t ?? 0) - (a[1].t ?? 0)); // newest first: the oldest go first
  const base = Math.min(...records.map(([, r]) => (Number.isSafeInteger(r.t) ? r.t : Infinity)), Date.now());
  /** @param {number} level @param {number} count */
  const write = (level, count) => JSON.stringify([FORMAT, base.toString(36), settings,
    ...records.slice(0, count).map(([i, r]) => packRecord(i, r, base, level))]);
  for (let level = 0; level <= 2; level += 1) {
    const text = write(level, records.length);
    if (text.length <= limit) return { text, level, omitted: 0 };
  }
  let count = records.length;
  while (count > 0 && write(2, count).length > limit) count -= 1;
  return { text: write(2, count), level: 2, omitted: records.length - count };
}

/**
 * The store's entries from suspend_data (empty when there is none, or it is not ours).
 * @param {string} text
 * @param {Layout} layout
 * @returns {[string, string][]}
 */
export function decode(text, layout) {
  if (!text) return [];
  /** @type {unknown} */
  let parsed;
  try { parsed = JSON.parse(text); } catch { return []; }
  if (!Array.isArray(parsed) || parsed[0] !== FORMAT) return [];
  const [, base36, settings, ...packed] = /** @type {SuspendData} */ (parsed);
  const base = parseInt(base36, 36);
  /** @type {[string, string][]} */
  const entries = settings == null ? [] : [[layout.settingsKey, settings]];
  for (const text of packed) {
    try {
      const [index, record] = unpackRecord(text, base);
      const key = layout.keyOfIndex(index);
      if (key) entries.push([key, JSON.stringify(record)]);
    } catch { /* one unreadable record does not cost the others */ }
  }
  return entries;
}

/**
 * Where the widget keeps a quiz's records, by question: the keys storage.rs writes.
 * @param {Quiz} quiz
 * @param {string | null} storageKey The element's `storage-key`.
 * @returns {Layout}
 */
export function layoutOf(quiz, storageKey) {
  const prefix = `quiz-widget:v2:${storageKey || quiz.id}:`;
  const ids = (quiz.questions || []).map((q) => q.id);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  return {
    settingsKey: `${prefix}settings`,
    indexOfKey: (key) => (key.startsWith(`${prefix}q:`) ? indexOf.get(key.slice(prefix.length + 2)) : undefined),
    keyOfIndex: (index) => (index < ids.length ? `${prefix}q:${ids[index]}` : undefined),
  };
}

/**
 * `localStorage`'s five members over a Map; every change is passed to `changed`.
 * @implements {QuizStorage}
 */
export class MemoryStorage {
  /**
   * @param {Iterable<[string, string]>} entries
   * @param {() => void} changed
   */
  constructor(entries, changed) {
    this.map = new Map(entries);
    this.changed = changed;
  }

  get length() { return this.map.size; }

  /** @param {number} i */
  key(i) { return Array.from(this.map.keys())[i] ?? null; }

  /** @param {string} key */
  getItem(key) { return this.map.get(key) ?? null; }

  /** @param {string} key @param {string} value */
  setItem(key, value) { this.map.set(String(key), String(value)); this.changed(); }

  /** @param {string} key */
  removeItem(key) { if (this.map.delete(key)) this.changed(); }
}

// ---------------------------------------------------------------------------
// Times and scores in each version's terms.

/** @param {number} n @param {number} [width] */
const pad = (n, width = 2) => String(n).padStart(width, '0');

/**
 * Session time as SCORM 1.2's HHHH:MM:SS.SS or SCORM 2004's ISO 8601 duration.
 * @param {number} ms
 * @param {Version} version
 */
export function sessionTime(ms, version) {
  const cs = Math.max(0, Math.round(ms / 10));
  const [h, m, s, c] = [Math.floor(cs / 360000), Math.floor(cs / 6000) % 60, Math.floor(cs / 100) % 60, cs % 100];
  return version === '1.2' ? `${pad(h, 4)}:${pad(m)}:${pad(s)}.${pad(c)}` : `PT${h}H${m}M${s}.${pad(c)}S`;
}

/**
 * The values a finished quiz reports (`detail` of `quiz-complete`).
 * @param {Pick<QuizCompleteDetail, 'score' | 'maxScore' | 'passed'>} detail
 * @param {Version} version
 * @returns {[string, string][]}
 */
export function resultValues(detail, version) {
  const scaled = detail.maxScore > 0 ? detail.score / detail.maxScore : 0;
  const round = (/** @type {number} */ x) => String(Math.round(x * 10000) / 10000);
  const status = detail.passed === null ? 'completed' : detail.passed ? 'passed' : 'failed';
  if (version === '1.2') {
    // 1.2's score is a number from 0 to 100 in most LMSs (and in the
    // conformance tests): the percentage.
    return [['cmi.core.score.raw', round(scaled * 100)], ['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'],
      ['cmi.core.lesson_status', status]];
  }
  return [['cmi.score.raw', round(detail.score)], ['cmi.score.min', '0'], ['cmi.score.max', round(detail.maxScore)],
    ['cmi.score.scaled', round(scaled)], ['cmi.progress_measure', '1'], ['cmi.completion_status', 'completed'],
    ['cmi.success_status', detail.passed === null ? 'unknown' : detail.passed ? 'passed' : 'failed']];
}

// ---------------------------------------------------------------------------
// Interactions: each checked answer journaled in cmi.interactions, which is
// what an LMS's reports show per question.

/** @param {string} id */
const letter = (id) => String.fromCharCode(97 + Number(id.slice(1))); // c3 -> d
/** @type {Record<InteractionDefinition['interactionType'], (text: string) => string>} */
const SCORM12 = {
  // SCORM 1.2 writes choices as single characters and has no `other` type.
  'true-false': (text) => (text === 'true' ? 't' : 'f'),
  choice: (text) => text.split('[,]').map(letter).join(','),
  sequencing: (text) => text.split('[,]').map(letter).join(','),
  matching: (text) => text.split('[,]').map((pair) => pair.split('[.]').map(letter).join('.')).join(','),
  'fill-in': (text) => text.replace(/^\{case_matters=(true|false)\}/, '').replaceAll('[,]', ','),
  numeric: (text) => text,
  other: (text) => text.replaceAll('[,]', ','),
};

/**
 * The values that journal one answer as interaction `n`.
 * @param {number} n
 * @param {Quiz} quiz
 * @param {QuizAnswerDetail} detail
 * @param {number} ms
 * @param {Version} version
 * @param {Date} [at]
 * @returns {[string, string][]}
 */
export function interactionValues(n, quiz, detail, ms, version, at = new Date()) {
  const question = (quiz.questions || []).find((q) => q.id === detail.questionId);
  if (!question || detail.response === null || detail.response === undefined) return [];
  // A graded answer's, so its response is a string (a self-graded kind's is null: above).
  const found = interaction(question, detail, quiz.language || 'en');
  const key = `cmi.interactions.${n}`;
  const weighting = String(detail.maxScore ?? 1);
  const [pattern] = found.correctResponsesPattern ?? [];
  if (version === '1.2') {
    const convert = SCORM12[found.interactionType];
    if (!convert) return [];
    const type = found.interactionType === 'other' ? 'performance' : found.interactionType;
    /** @type {[string, string][]} */
    const values = [[`${key}.id`, question.id.slice(0, 255)], [`${key}.type`, type],
      [`${key}.time`, at.toTimeString().slice(0, 8)], [`${key}.weighting`, weighting],
      [`${key}.student_response`, convert(/** @type {string} */ (found.response)).slice(0, 255)],
      [`${key}.result`, detail.correct ? 'correct' : 'wrong'], [`${key}.latency`, sessionTime(ms, '1.2')]];
    // A range has no 1.2 form: the pattern is left out rather than misstated.
    if (pattern !== undefined && !pattern.includes('[:]')) values.push([`${key}.correct_responses.0.pattern`, convert(pattern).slice(0, 255)]);
    return values;
  }
  // SCORM 2004's time: a zone only after hundredths of a second.
  /** @type {[string, string][]} */
  const values = [[`${key}.id`, `urn:quiz-widget:${quiz.id}:${encodeURIComponent(question.id)}`], [`${key}.type`, found.interactionType],
    [`${key}.timestamp`, `${at.toISOString().slice(0, 22)}Z`], [`${key}.weighting`, weighting],
    [`${key}.learner_response`, /** @type {string} */ (found.response)], [`${key}.result`, detail.correct ? 'correct' : 'incorrect'],
    [`${key}.latency`, sessionTime(ms, '2004')], [`${key}.description`, plain(question.prompt).slice(0, 250)]];
  if (pattern !== undefined) values.push([`${key}.correct_responses.0.pattern`, pattern]);
  return values;
}

/**
 * The pass mark in percent that the LMS asks for, if any.
 * @param {Lms} lms
 */
function masteryOf(lms) {
  if (lms.version === '1.2') {
    const score = parseFloat(lms.get('cmi.student_data.mastery_score'));
    return Number.isFinite(score) && score > 0 ? Math.min(100, Math.ceil(score)) : null;
  }
  const scaled = parseFloat(lms.get('cmi.scaled_passing_score'));
  return Number.isFinite(scaled) && scaled > 0 ? Math.min(100, Math.ceil(scaled * 100)) : null;
}

// ---------------------------------------------------------------------------
// The launch page.

/** @param {Element} element */
function statusLine(element) {
  const line = document.createElement('p');
  line.className = 'scorm-status';
  line.setAttribute('role', 'status');
  element.after(line);
  return line;
}

/**
 * Connects `element` (a <quiz-widget> not yet started, with its questions
 * inline) to the LMS; returns the session, or `null` without an API.
 * @param {QuizWidgetElement} element
 * @param {{ win?: LmsWindow, now?: () => number }} [options]
 */
export function connect(element, { win = window, now = () => Date.now() } = {}) {
  const declared = document.documentElement.dataset.scorm || '2004';
  const found = findApi(declared, win);
  if (!found) return null;
  const status = statusLine(element);
  /** @type {QuizScormErrorDetail[]} */
  const problems = [];
  /** @type {Report} */
  const report = (problem) => {
    problems.push(problem);
    console.warn('quiz-scorm:', problem.call, problem.code, problem.message, problem.diagnostic ?? '');
    element.dispatchEvent(new CustomEvent('quiz-scorm-error', { detail: problem, bubbles: true, composed: true }));
    status.textContent = `The course did not accept the quiz's progress (${problem.call}: ${problem.code} ${problem.message}).`
      + ' You can go on; your answers are kept while this page is open.';
  };
  const lms = new Lms(found.api, found.version, report);
  const started = now();
  if (!lms.initialize()) return { lms, problems };
  /** @type {Quiz} */
  let quiz = {};
  try { quiz = JSON.parse(element.querySelector('script[type="application/json"]')?.textContent ?? '{}'); } catch { /* the widget reports it */ }
  const layout = layoutOf(quiz, element.getAttribute('storage-key'));
  const mastery = masteryOf(lms);
  if (mastery !== null) element.setAttribute('pass-mark', String(mastery));
  const storage = suspendStorage(lms, element, layout);
  element.storage = storage;
  beginAttempt(lms);
  let lastAct = now();
  element.addEventListener('quiz-answer', (event) => {
    const ms = now() - lastAct;
    lastAct = now();
    const count = parseInt(lms.get('cmi.interactions._count'), 10);
    if (Number.isInteger(count)) {
      for (const [key, value] of interactionValues(count, quiz, event.detail, ms, found.version)) lms.set(key, value);
    }
    reportProgress(lms, storage, layout, quiz);
  });
  element.addEventListener('quiz-complete', (event) => {
    for (const [key, value] of resultValues(event.detail, found.version)) lms.set(key, value);
    lms.commit();
  });
  const finish = () => {
    if (!lms.open) return;
    storage.flush();
    lms.set(lms.names.sessionTime, sessionTime(now() - started, found.version));
    // The learner can come back to their answers: the attempt is suspended, not ended.
    lms.set(lms.names.exit, 'suspend');
    lms.commit();
    lms.finish();
  };
  win.addEventListener('pagehide', finish);
  win.addEventListener('beforeunload', finish);
  return { lms, problems, storage, finish };
}

/**
 * The element's storage: the learner's records as suspend_data read them,
 * written back (and committed) once per task in which they changed, within
 * the version's limit.
 * @param {Lms} lms
 * @param {Element} element
 * @param {Layout} layout
 */
function suspendStorage(lms, element, layout) {
  const limit = LIMITS[lms.version];
  let pending = false;
  // Given its `flush` below, before anything can change.
  const storage = /** @type {MemoryStorage & { flush: () => void }} */ (new MemoryStorage(decode(lms.get('cmi.suspend_data'), layout), () => {
    if (!pending) queueMicrotask(storage.flush);
    pending = true;
  }));
  storage.flush = () => {
    if (!pending) return;
    pending = false;
    const { text, omitted, level } = encode(storage.map, layout, limit);
    if (omitted > 0 || level > 0) {
      const left = omitted > 0 ? `${omitted} older answer(s)` : level === 1 ? 'review history' : 'review schedules';
      element.dispatchEvent(new CustomEvent('quiz-scorm-warning', { detail: { omitted, level, limit }, bubbles: true, composed: true }));
      console.warn(`quiz-scorm: suspend_data holds ${limit} characters; ${left} left out`);
    }
    if (lms.set('cmi.suspend_data', text)) lms.commit();
  };
  return storage;
}

/**
 * A first launch marks the attempt begun.
 * @param {Lms} lms
 */
function beginAttempt(lms) {
  if (lms.version === '1.2') {
    if (['not attempted', ''].includes(lms.get('cmi.core.lesson_status'))) lms.set('cmi.core.lesson_status', 'incomplete');
  } else if (['not attempted', 'unknown', ''].includes(lms.get('cmi.completion_status'))) {
    lms.set('cmi.completion_status', 'incomplete');
  }
  lms.commit();
}

/**
 * SCORM 2004's progress measure: the share of questions answered.
 * @param {Lms} lms
 * @param {MemoryStorage} storage
 * @param {Layout} layout
 * @param {Quiz} quiz
 */
function reportProgress(lms, storage, layout, quiz) {
  if (lms.version === '1.2') return;
  const total = (quiz.questions || []).length;
  if (!total) return;
  let answered = 0;
  for (const key of storage.map.keys()) if (layout.indexOfKey(key) !== undefined) answered += 1;
  const share = Math.round(Math.min(1, answered / total) * 10000) / 10000;
  if (lms.get('cmi.completion_status') !== 'completed') lms.set('cmi.progress_measure', String(share));
}

// The launch page made by `quiz scorm` marks its element `data-scorm-launch`.
const element = typeof document !== 'undefined' && /** @type {QuizWidgetElement | null} */ (document.querySelector('quiz-widget[data-scorm-launch]'));
if (element) {
  connect(element);
  import('./quiz-widget.js');
}
