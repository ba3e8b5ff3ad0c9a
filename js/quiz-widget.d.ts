// Types of the `<quiz-widget>` element and its events. The question format's
// own types are in questions.d.ts, generated from the validator's field tables.
import type { Question, QuestionFile } from './questions.js';

export type * from './questions.js';

/** `detail` of `quiz-answer`: one graded act. */
export interface QuizAnswerDetail {
  quizId: string;
  questionId: string;
  kind: Question['type'];
  /** As graded; for a flashcard, unless graded Again; for an exercise, when confident. */
  correct: boolean;
  /** Checks of the answer in this round, or a flashcard's reviews. */
  attempts: number;
  /** A flashcard's grade or an exercise's self-assessment; `null` for a checked answer. */
  rating: 'again' | 'hard' | 'good' | 'easy' | 'confident' | 'needs-review' | null;
  topic: string | null;
  /**
   * The learner's answer, as stored: a choice index (`single`), indices
   * (`multiple`), a boolean (`true_false`), the text (`short`, `numeric`),
   * `{ order }` (`ordering`, item indices), `{ match }` (`matching`: for each
   * left item the index of the right item picked, in the order of `pairs`
   * then `distractors`, or `null`), `{ blanks }` (`cloze`), `{ compiles,
   * output, line? }` (`tracing`); `null` for flashcards and exercises.
   */
  response: unknown;
  /** Points earned by this answer, partial credit included; `null` for flashcards and exercises. */
  score: number | null;
  /** The question's points; `null` for flashcards and exercises. */
  maxScore: number | null;
}

/** `detail` of `quiz-complete`: the learner finished the last unfinished item. */
export interface QuizCompleteDetail {
  quizId: string;
  section: string | null;
  /** Points earned, partial credit included (see docs/format.md, "Points and partial credit"). */
  score: number;
  /** The points of the graded items. */
  maxScore: number;
  /** Whether `score` reaches the quiz's `pass_mark`; `null` without one. */
  passed: boolean | null;
  /** Right answers. */
  correct: number;
  /** Graded items. */
  graded: number;
  /** All items of the list. */
  total: number;
  /** Each graded item of the list with its result. */
  results: { questionId: string; correct: boolean; score: number; maxScore: number }[];
}

/** What the widget needs of a storage: `localStorage`'s five members. */
export interface QuizStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** `detail` of `quiz-xapi`: an xAPI 1.0.3 statement (see docs/lms.md, "xAPI and cmi5"). */
export interface QuizXapiStatement {
  id: string;
  actor: Record<string, unknown>;
  verb: { id: string; display: Record<string, string> };
  object: { objectType: 'Activity'; id: string; definition?: Record<string, unknown> };
  result?: { success?: boolean; completion?: boolean; response?: string; duration?: string;
    score?: { raw: number; min: number; max: number; scaled: number } };
  context?: Record<string, unknown>;
  timestamp: string;
}

/** `detail` of `quiz-scorm-error` (the SCORM bridge of `quiz scorm` packages). */
export interface QuizScormErrorDetail {
  /** The API function, such as `LMSSetValue` or `Commit`. */
  call: string;
  args?: unknown[];
  /** The API's error code, `''` when it threw or lacks the function. */
  code: string;
  message: string;
  diagnostic?: string;
}

/** The `<quiz-widget>` element; its API is its attributes and events. */
export interface QuizWidgetElement extends HTMLElement {
  /** Progress goes here in place of `localStorage`; set before the element is connected. */
  storage?: QuizStorage;
}

/** The version of this release. */
export declare const version: string;

/** Bytes of wasm linear memory in use by all widgets on the page. */
export declare function wasmMemoryBytes(): Promise<number>;

/** A question file as inline JSON or as fetched: the same type. */
export type { QuestionFile };

declare global {
  interface HTMLElementTagNameMap {
    'quiz-widget': QuizWidgetElement;
  }
  interface GlobalEventHandlersEventMap {
    'quiz-answer': CustomEvent<QuizAnswerDetail>;
    'quiz-complete': CustomEvent<QuizCompleteDetail>;
    'quiz-xapi': CustomEvent<QuizXapiStatement>;
    'quiz-xapi-error': CustomEvent<{ message: string }>;
    'quiz-scorm-error': CustomEvent<QuizScormErrorDetail>;
    /** suspend_data could not hold everything: `level` 1 left out review logs, 2 schedules; `omitted` the oldest answers left out. */
    'quiz-scorm-warning': CustomEvent<{ omitted: number; level: number; limit: number }>;
  }
}
