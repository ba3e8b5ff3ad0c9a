//! Every string the interface shows, as data: one table per language.
//!
//! The language comes from the element's `lang`, else the quiz's `language`,
//! else English. Question text is the teacher's and is never translated.
//!
//! English is built in ([`EN`]). Every other language is a file,
//! `lang/quiz-lang-<tag>.json`, beside the widget's own files, fetched the
//! first time a widget of the page needs it: a page in English never
//! downloads another language, and a language is added without code (its
//! file and its tag in [`LANGUAGES`]). A file holds every key of [`KEYS`]
//! as a string, and `kind_names` by question type; texts that show numbers
//! are templates with `{0}`, `{1}`, … in the order of their methods'
//! arguments. A key a file lacks falls back to English.

use std::cell::RefCell;

use quiz_format::json::{self, Value};
use quiz_format::KindName;
use yew::Callback;

/// The interface languages beside English, each with its file.
pub const LANGUAGES: &[&str] = &["de"];

macro_rules! texts {
    (
        strings { $($(#[doc = $doc:literal])* $key:ident: $english:literal,)* }
        templates { $($(#[doc = $tdoc:literal])* $template:ident: $tenglish:literal,)* }
        kind_names [$($type:literal: $kind:literal),* $(,)?]
    ) => {
        /// A key of the interface strings.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy)]
        enum Key {
            $($key,)*
            $($(#[doc = $tdoc])* $template,)*
        }

        /// Every key of a language file, in the order its strings are read.
        pub const KEYS: &[&str] = &[$(stringify!($key),)* $(stringify!($template)),*];

        impl Texts {
            $($(#[doc = $doc])* pub fn $key(&self) -> &'static str {
                self.get(Key::$key)
            })*
        }

        /// The `type` of each of English's kind names, in their order
        /// (`tests/host/languages.rs` holds it to `KindName::ALL`).
        pub const EN_KIND_TYPES: [&str; KindName::ALL.len()] = [$($type),*];

        /// English, built in.
        pub static EN: Texts = Texts {
            list: [$($english,)* $($tenglish),*],
            kind_names: [$($kind),*],
        };
    };
}

/// One language's interface strings: plain strings and templates, one
/// method each (the templates' methods take what they show).
pub struct Texts {
    list: [&'static str; KEYS.len()],
    /// Each kind's name, in the order of `KindName::ALL`.
    pub kind_names: [&'static str; KindName::ALL.len()],
}

impl Texts {
    /// The string or template of `key` (one of [`KEYS`]).
    pub fn by_key(&self, key: &str) -> Option<&'static str> {
        let at = KEYS.iter().position(|k| *k == key)?;
        self.list.get(at).copied()
    }

    fn get(&self, key: Key) -> &'static str {
        quiz_stdx::or_never(self.list.get(key as usize).copied(), "", "every key has a string")
    }
}

texts! {
    strings {
        /// The BCP 47 tag of this language, for the widget's `lang` attribute.
        tag: "en",
        all_sections: "All sections",
        section: "Section",
        mode: "Mode",
        practice: "Practise",
        review_mistakes: "Review mistakes",
        /// An ordering question: how to answer, its buttons, the announcement
        /// of a move ("moved to position 2 of 4") and its marks.
        put_in_order: "Put the items in order with ↑ and ↓.",
        /// After [`Texts::put_in_order`], hidden on touch screens.
        order_keys: " On a focused item, Alt+↑ and Alt+↓ move it too.",
        move_up: "Move up",
        move_down: "Move down",
        in_place: "in place",
        right_order: "The right order:",
        /// A matching question: how to answer, and each select's empty option.
        match_each: "Choose the match for each item.",
        choose: "Choose…",
        /// An exam: the save button, its note, the header's count and time,
        /// and the summary's submission and attempts.
        save_answer: "Save answer",
        answer_saved: "Answer saved. You can change it until you submit your answers.",
        submit_answers: "Submit answers",
        no_attempts_left: "No attempts left.",
        /// A cloze text: how to answer, and each blank's name.
        fill_blanks: "Fill in the blanks.",
        /// `tracing`: the first question, its two answers, and what follows each.
        does_compile: "Does this program compile?",
        yes: "Yes",
        no: "No",
        what_prints: "What does it print when it runs?",
        error_line: "Which line has the first error?",
        prints: "It compiles, and prints:",
        fails: "It does not compile.",
        /// The mode that lists what is due for review.
        due_mode: "Due for review",
        difficulty: "Difficulty",
        any_difficulty: "Any difficulty",
        basic: "Basic",
        intermediate: "Intermediate",
        advanced: "Advanced",
        expert: "Expert",
        topic: "Topic",
        any_topic: "Any topic",
        /// Before [`Texts::comes_back`]: when the next review is, none being due today.
        next_in: "next",
        previous: "Previous",
        next: "Next",
        jump_to: "Go to item",
        check: "Check",
        try_again: "Try again",
        show_hint: "Show hint",
        hint: "Hint",
        correct: "Correct!",
        incorrect: "Not quite.",
        correct_answer: "Correct answer",
        your_answer: "Your answer",
        /// A right choice the learner picked (multiple answers).
        right_pick: "Correct, and you picked it",
        /// A right choice the learner did not pick (multiple answers).
        missed: "Missed: this one is correct too",
        /// A wrong choice the learner picked (multiple answers).
        wrong_pick: "Not correct, but you picked it",
        /// Before the progress of a retry of wrong answers.
        retrying: "Retrying wrong answers",
        /// After a wrong try whose solution is not shown yet.
        try_or_show: "Try again, or show the answer.",
        /// After a wrong try when the solution is offered only after more tries.
        try_once_more: "Have another try.",
        true_: "True",
        false_: "False",
        type_answer: "Your answer",
        accepted_answers: "Accepted answers",
        pick_all: "Select all that apply.",
        pick_one: "Select one answer.",
        show_answer: "Show answer",
        hide_answer: "Hide answer",
        how_well: "How well did you know it?",
        again: "Again",
        hard: "Hard",
        good: "Good",
        easy: "Easy",
        /// Before [`Texts::comes_back`], after a card is graded.
        next_review: "Next review:",
        scenario: "Real-life scenario",
        think_about: "Think about",
        challenges: "Challenge yourself",
        review_if_stuck: "If you can't solve this, review",
        skills: "Skills",
        your_notes: "Your notes and solution",
        mark_done: "Mark as done:",
        confident: "Confident",
        needs_review: "Needs review",
        summary: "Summary",
        /// Between a number's whole and its fraction.
        decimal_mark: ".",
        passed: "Passed",
        not_passed: "Not passed yet",
        by_topic: "Score by topic",
        no_topic: "Other",
        retry_wrong: "Retry wrong answers",
        /// Leaves a retry of wrong answers for the whole list.
        leave_retry: "Back to all questions",
        start_over: "Start over",
        reset_progress: "Reset progress",
        confirm_reset: "Forget all answers of this quiz? This cannot be undone.",
        cancel: "Cancel",
        shuffle: "Shuffle",
        nothing_here: "No items match these filters.",
        nothing_to_review: "No mistakes to review. Well done!",
        nothing_due: "Nothing is due for review today.",
        loading: "Loading questions…",
        load_failed: "The questions could not be loaded",
        storage_unavailable: "Progress will not be kept after this page closes: this browser does not allow storage here.",
        storage_full: "Storage is full: progress is kept in memory for now and saved again on the next answer.",
        keyboard_help: "Keys: 1–9 pick, Enter checks and goes on, Space flips a card, ← → move.",
        export_progress: "Export progress",
        import_progress: "Import progress",
        export_results: "Results as CSV",
        import_failed: "The progress file was not imported",
        export_failed: "The file could not be made",
    }
    templates {
        moved_to: "moved to position {0} of {1}",
        belongs_at: "belongs at {0}",
        saved_of: "{0} / {1} answers saved",
        minutes_left_under_one: "under a minute left",
        minutes_left: "{0} min left",
        time_limit: "{0} min from the first saved answer",
        submit_note: "{0} of {1} answers saved. Once submitted, they cannot be changed; then you see your score and every answer's feedback.",
        new_attempt: "New attempt",
        new_attempt_last: "New attempt (the last)",
        new_attempt_left: "New attempt ({0} left)",
        blank_of: "Blank {0} of {1}",
        line_n: "Line {0}",
        fails_at: "It does not compile: the first error is on line {0}.",
        answered: "{0} / {1} answered · {2} correct",
        completed: "{0} / {1} completed",
        /// Items due for review today, `0` included.
        due_today_none: "No reviews due today",
        due_today_one: "1 review due today",
        due_today: "{0} reviews due today",
        item_of: "{0} of {1}",
        /// "Next hint (2 of 3)": the button once a hint of several shows.
        next_hint: "Next hint ({0} of {1})",
        attempts_one: "1 attempt",
        attempts: "{0} attempts",
        /// When a card graded now would come back, from the minutes until then.
        in_minutes: "in {0} min",
        in_hours: "in {0} h",
        in_one_day: "in 1 day",
        in_days: "in {0} days",
        minutes: "{0} min",
        done_as: "Done: {0}",
        score: "{0} of {1} correct",
        /// The score of a retry of wrong answers, beside the whole list's.
        retry_score: "This retry: {0} of {1} correct",
        /// Points earned of the points there are, each already written out.
        points: "{0} of {1} points",
        /// After the verdict: the pass mark, in percent.
        pass_mark_is: "(pass mark {0}%)",
        not_answered_one: "1 question not answered yet",
        not_answered: "{0} questions not answered yet",
        progress_dropped_one: "1 saved answer was dropped because its question changed.",
        progress_dropped: "{0} saved answers were dropped because their questions changed.",
        imported: "Imported: {0} added, {1} updated, {2} already up to date, {3} skipped (question changed or gone).",
    }
    kind_names [
        "single": "Single choice",
        "multiple": "Multiple choice",
        "true_false": "True or false",
        "short": "Short answer",
        "flashcard": "Flashcard",
        "exercise": "Exercise",
        "numeric": "Number",
        "ordering": "Ordering",
        "matching": "Matching",
        "cloze": "Fill in the blanks",
        "tracing": "Program tracing",
    ]
}

/// `template` with `{0}`, `{1}`, … replaced by `args`; a placeholder without
/// its argument stays as it is written.
pub fn fill(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 8);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let arg = after
            .split_once('}')
            .and_then(|(n, tail)| Some((args.get(n.parse::<usize>().ok()?)?, tail)));
        match arg {
            Some((arg, tail)) => {
                out.push_str(&arg.to_string());
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Texts {
    pub fn moved_to(&self, n: usize, count: usize) -> String {
        fill(self.get(Key::moved_to), &[&n, &count])
    }

    pub fn belongs_at(&self, n: usize) -> String {
        fill(self.get(Key::belongs_at), &[&n])
    }

    pub fn saved_of(&self, n: usize, total: usize) -> String {
        fill(self.get(Key::saved_of), &[&n, &total])
    }

    pub fn minutes_left(&self, minutes: i64) -> String {
        match minutes {
            ..=1 => self.get(Key::minutes_left_under_one).to_owned(),
            m => fill(self.get(Key::minutes_left), &[&m]),
        }
    }

    pub fn time_limit(&self, minutes: u16) -> String {
        fill(self.get(Key::time_limit), &[&minutes])
    }

    pub fn submit_note(&self, saved: usize, total: usize) -> String {
        fill(self.get(Key::submit_note), &[&saved, &total])
    }

    /// The button of a new attempt, with the attempts left if limited.
    pub fn new_attempt(&self, left: Option<u32>) -> String {
        match left {
            Some(1) => self.get(Key::new_attempt_last).to_owned(),
            Some(n) => fill(self.get(Key::new_attempt_left), &[&n]),
            None => self.get(Key::new_attempt).to_owned(),
        }
    }

    pub fn blank_of(&self, n: usize, count: usize) -> String {
        fill(self.get(Key::blank_of), &[&n, &count])
    }

    pub fn line_n(&self, n: usize) -> String {
        fill(self.get(Key::line_n), &[&n])
    }

    pub fn fails_at(&self, n: usize) -> String {
        fill(self.get(Key::fails_at), &[&n])
    }

    pub fn answered(&self, done: usize, total: usize, correct: usize) -> String {
        fill(self.get(Key::answered), &[&done, &total, &correct])
    }

    pub fn completed(&self, done: usize, total: usize) -> String {
        fill(self.get(Key::completed), &[&done, &total])
    }

    pub fn due_today(&self, n: usize) -> String {
        match n {
            0 => self.get(Key::due_today_none).to_owned(),
            1 => self.get(Key::due_today_one).to_owned(),
            n => fill(self.get(Key::due_today), &[&n]),
        }
    }

    pub fn item_of(&self, n: usize, total: usize) -> String {
        fill(self.get(Key::item_of), &[&n, &total])
    }

    pub fn next_hint(&self, n: usize, of: usize) -> String {
        fill(self.get(Key::next_hint), &[&n, &of])
    }

    pub fn attempts(&self, n: u32) -> String {
        match n {
            1 => self.get(Key::attempts_one).to_owned(),
            n => fill(self.get(Key::attempts), &[&n]),
        }
    }

    /// When a card graded now would come back, from the minutes until then.
    pub fn comes_back(&self, minutes: i64) -> String {
        match minutes {
            m if m < 60 => fill(self.get(Key::in_minutes), &[&m]),
            m if m < 1440 => fill(self.get(Key::in_hours), &[&(m / 60)]),
            m if m < 2880 => self.get(Key::in_one_day).to_owned(),
            m => fill(self.get(Key::in_days), &[&(m / 1440)]),
        }
    }

    pub fn minutes(&self, m: u32) -> String {
        fill(self.get(Key::minutes), &[&m])
    }

    pub fn done_as(&self, how: &str) -> String {
        fill(self.get(Key::done_as), &[&how])
    }

    pub fn score(&self, correct: usize, total: usize) -> String {
        fill(self.get(Key::score), &[&correct, &total])
    }

    pub fn retry_score(&self, correct: usize, total: usize) -> String {
        fill(self.get(Key::retry_score), &[&correct, &total])
    }

    /// Points earned of the points there are, each already written out.
    pub fn points(&self, earned: &str, of: &str) -> String {
        fill(self.get(Key::points), &[&earned, &of])
    }

    pub fn pass_mark_is(&self, mark: u8) -> String {
        fill(self.get(Key::pass_mark_is), &[&mark])
    }

    pub fn not_answered(&self, n: usize) -> String {
        match n {
            1 => self.get(Key::not_answered_one).to_owned(),
            n => fill(self.get(Key::not_answered), &[&n]),
        }
    }

    pub fn progress_dropped(&self, n: usize) -> String {
        match n {
            1 => self.get(Key::progress_dropped_one).to_owned(),
            n => fill(self.get(Key::progress_dropped), &[&n]),
        }
    }

    pub fn imported(&self, added: usize, updated: usize, unchanged: usize, skipped: usize) -> String {
        fill(self.get(Key::imported), &[&added, &updated, &unchanged, &skipped])
    }
}

/// Tables are statics or made once per page, so two are the same table
/// exactly when they are the same one.
impl PartialEq for Texts {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// The language of a BCP 47 tag such as `de-AT`: its primary subtag, if a
/// file of it ships; `None` for English and for languages without one.
pub fn language_of(tag: &str) -> Option<&'static str> {
    let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
    LANGUAGES.iter().copied().find(|l| *l == primary)
}

/// A language's table: loading (with the widgets to tell), or read.
enum Entry {
    Loading(Vec<Callback<()>>),
    Ready(&'static Texts),
}

thread_local! {
    /// The languages this page has asked for.
    static TABLES: RefCell<Vec<(&'static str, Entry)>> = const { RefCell::new(Vec::new()) };
    /// Where the widget's files are: the URL of a file beside them.
    static FILES_AT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Says where the widget's files are, language files included (the loader's
/// folder: the URL of a file in it). Without it they are found beside the page.
pub fn files_at(url: &str) {
    FILES_AT.with(|at| *at.borrow_mut() = Some(url.to_owned()));
}

/// The interface strings for `tag`: English at once, another language once
/// its file is read. `None` while it loads; `ready` is called when it has
/// (or has failed: English then, with a warning in the console).
pub fn texts(tag: &str, ready: &Callback<()>) -> Option<&'static Texts> {
    let Some(language) = language_of(tag) else {
        return Some(&EN);
    };
    let start = TABLES.with(|tables| {
        let mut tables = tables.borrow_mut();
        match tables.iter_mut().find(|(l, _)| *l == language) {
            Some((_, Entry::Ready(texts))) => Err(Some(*texts)),
            Some((_, Entry::Loading(waiting))) => {
                waiting.push(ready.clone());
                Err(None)
            }
            None => {
                tables.push((language, Entry::Loading(vec![ready.clone()])));
                Ok(())
            }
        }
    });
    if let Err(known) = start {
        return known;
    }
    wasm_bindgen_futures::spawn_local(load(language));
    None
}

async fn load(language: &'static str) {
    let file = format!("quiz-lang-{language}.json");
    let url = FILES_AT
        .with(|at| at.borrow().clone())
        .and_then(|base| web_sys::Url::new_with_base(&file, &base).ok())
        .map_or(file, |url| url.href());
    let texts = match crate::fetch::fetch_text(&url, None).await {
        Ok(text) => read(&text).ok_or_else(|| "it is not a language file".to_owned()),
        Err(reason) => Err(reason),
    };
    let texts = texts.unwrap_or_else(|reason| {
        web_sys::console::warn_1(&format!("quiz-widget: {url}: {reason}; the interface stays in English").into());
        &EN
    });
    let waiting = TABLES.with(|tables| {
        let mut tables = tables.borrow_mut();
        let entry = tables.iter_mut().find(|(l, _)| *l == language);
        if let Some(Entry::Loading(waiting)) = entry.map(|(_, e)| std::mem::replace(e, Entry::Ready(texts))) {
            waiting
        } else {
            Vec::new()
        }
    });
    waiting.iter().for_each(|ready| ready.emit(()));
}

/// A language file's table: its strings in the order of [`KEYS`], then
/// the kinds' names in the order of `KindName::ALL` (what the build makes
/// of `lang/quiz-lang-<tag>.json`). Read once per page, so its strings live
/// as long as the page.
pub fn read(text: &str) -> Option<&'static Texts> {
    let root = json::parse(text).ok()?;
    let Value::Array(items) = &root.value else { return None };
    let mut strings = items.iter().map(|n| n.as_str().map(|s| &*Box::leak(Box::from(s))));
    let list: Vec<&'static str> = strings.by_ref().take(KEYS.len()).collect::<Option<_>>()?;
    let kinds: Vec<&'static str> = strings.collect::<Option<_>>()?;
    Some(Box::leak(Box::new(Texts {
        list: list.try_into().ok()?,
        kind_names: kinds.try_into().ok()?,
    })))
}

pub use quiz_format::model::direction;

/// The language files as written (keyed), for the pre-renderer, which
/// renders natively: the browser fetches the built files instead.
#[cfg(not(target_arch = "wasm32"))]
const SOURCES: [(&str, &str); LANGUAGES.len()] = [("de", include_str!("../lang/quiz-lang-de.json"))];

/// The interface strings for `tag`, natively: English, or the language's
/// file read by its keys (a key it lacks in English, as in the browser).
#[cfg(not(target_arch = "wasm32"))]
pub fn native(tag: &str) -> Result<&'static Texts, String> {
    let Some(language) = language_of(tag) else {
        return Ok(&EN);
    };
    let Some((_, source)) = SOURCES.iter().find(|(l, _)| *l == language) else {
        return Err(format!("no language file for {language}"));
    };
    let root = json::parse(source).map_err(|e| format!("quiz-lang-{language}.json: {e:?}"))?;
    let leak = |s: &str| -> &'static str { Box::leak(Box::from(s)) };
    let string = |key: &str| root.get(key).and_then(|n| n.as_str()).map(leak);
    let list: Vec<&'static str> = KEYS
        .iter()
        .map(|key| string(key).or_else(|| EN.by_key(key)).unwrap_or_default())
        .collect();
    let names = root.get("kind_names");
    let kind_names: Vec<&'static str> = KindName::ALL
        .iter()
        .zip(EN.kind_names)
        .map(|(kind, english)| {
            let named = names.and_then(|n| n.get(kind.as_str())).and_then(|n| n.as_str());
            named.map_or(english, leak)
        })
        .collect();
    Ok(Box::leak(Box::new(Texts {
        list: list.try_into().map_err(|_| "a key count")?,
        kind_names: kind_names.try_into().map_err(|_| "a kind count")?,
    })))
}
