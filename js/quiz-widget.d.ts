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
}

/** `detail` of `quiz-complete`: the learner finished the last unfinished item. */
export interface QuizCompleteDetail {
  quizId: string;
  section: string | null;
  /** Points earned, partial credit included (see the README's "Points and partial credit"). */
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

/** The `<quiz-widget>` element; its API is its attributes and events. */
export interface QuizWidgetElement extends HTMLElement {}

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
  }
}
