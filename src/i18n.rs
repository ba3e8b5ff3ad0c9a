//! Every string the interface shows, in one table per language.
//!
//! The language comes from the element's `lang`, else the quiz's `language`,
//! else English. Question text is the teacher's and is never translated.

/// A supported interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    De,
}

impl Lang {
    /// Picks a language from a BCP 47 tag such as `de-AT`; unknown tags give English.
    pub fn from_tag(tag: &str) -> Lang {
        match tag.split(['-', '_']).next().map(str::to_ascii_lowercase).as_deref() {
            Some("de") => Lang::De,
            _ => Lang::En,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &EN,
            Lang::De => &DE,
        }
    }
}

pub use quiz_format::model::direction;

/// The interface strings. Functions take the numbers they show.
pub struct Texts {
    /// The BCP 47 tag of this language, for the widget's `lang` attribute.
    pub tag: &'static str,
    pub all_sections: &'static str,
    pub section: &'static str,
    pub mode: &'static str,
    pub practice: &'static str,
    pub review_mistakes: &'static str,
    /// An ordering question: how to answer, its buttons, the announcement
    /// of a move ("moved to position 2 of 4") and its marks.
    pub put_in_order: &'static str,
    /// After [`Texts::put_in_order`], hidden on touch screens.
    pub order_keys: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub moved_to: fn(usize, usize) -> String,
    pub in_place: &'static str,
    pub belongs_at: fn(usize) -> String,
    pub right_order: &'static str,
    /// A matching question: how to answer, and each select's empty option.
    pub match_each: &'static str,
    pub choose: &'static str,
    /// An exam: the save button, its note, the header's count and time,
    /// and the summary's submission and attempts.
    pub save_answer: &'static str,
    pub answer_saved: &'static str,
    pub saved_of: fn(usize, usize) -> String,
    pub minutes_left: fn(i64) -> String,
    pub submit_answers: &'static str,
    pub submit_note: fn(usize, usize) -> String,
    pub new_attempt: fn(Option<u32>) -> String,
    pub no_attempts_left: &'static str,
    /// A cloze text: how to answer, and each blank's name.
    pub fill_blanks: &'static str,
    pub blank_of: fn(usize, usize) -> String,
    /// `tracing`: the first question, its two answers, and what follows each.
    pub does_compile: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub what_prints: &'static str,
    pub error_line: &'static str,
    pub line_n: fn(usize) -> String,
    pub prints: &'static str,
    pub fails_at: fn(usize) -> String,
    /// The mode that lists what is due for review.
    pub due_mode: &'static str,
    pub difficulty: &'static str,
    pub any_difficulty: &'static str,
    pub basic: &'static str,
    pub intermediate: &'static str,
    pub advanced: &'static str,
    pub expert: &'static str,
    pub topic: &'static str,
    pub any_topic: &'static str,
    pub answered: fn(usize, usize, usize) -> String,
    pub completed: fn(usize, usize) -> String,
    /// Items due for review today, `0` included.
    pub due_today: fn(usize) -> String,
    /// Before [`Texts::comes_back`]: when the next review is, none being due today.
    pub next_in: &'static str,
    pub item_of: fn(usize, usize) -> String,
    pub previous: &'static str,
    pub next: &'static str,
    pub jump_to: &'static str,
    pub check: &'static str,
    pub try_again: &'static str,
    pub show_hint: &'static str,
    pub hint: &'static str,
    /// "Next hint (2 of 3)": the button once a hint of several shows.
    pub next_hint: fn(usize, usize) -> String,
    pub correct: &'static str,
    pub incorrect: &'static str,
    pub correct_answer: &'static str,
    pub your_answer: &'static str,
    /// A right choice the learner picked (multiple answers).
    pub right_pick: &'static str,
    /// A right choice the learner did not pick (multiple answers).
    pub missed: &'static str,
    /// A wrong choice the learner picked (multiple answers).
    pub wrong_pick: &'static str,
    /// Before the progress of a retry of wrong answers.
    pub retrying: &'static str,
    /// After a wrong try whose solution is not shown yet.
    pub try_or_show: &'static str,
    /// After a wrong try when the solution is offered only after more tries.
    pub try_once_more: &'static str,
    pub attempts: fn(u32) -> String,
    pub true_: &'static str,
    pub false_: &'static str,
    pub type_answer: &'static str,
    pub accepted_answers: &'static str,
    pub pick_all: &'static str,
    pub pick_one: &'static str,
    pub show_answer: &'static str,
    pub hide_answer: &'static str,
    pub how_well: &'static str,
    pub again: &'static str,
    pub hard: &'static str,
    pub good: &'static str,
    pub easy: &'static str,
    /// Before [`Texts::comes_back`], after a card is graded.
    pub next_review: &'static str,
    /// When a card graded now would come back, from the minutes until then.
    pub comes_back: fn(i64) -> String,
    pub scenario: &'static str,
    pub think_about: &'static str,
    pub challenges: &'static str,
    pub review_if_stuck: &'static str,
    pub minutes: fn(u32) -> String,
    pub skills: &'static str,
    pub your_notes: &'static str,
    pub mark_done: &'static str,
    pub confident: &'static str,
    pub needs_review: &'static str,
    pub done_as: fn(&str) -> String,
    pub summary: &'static str,
    pub score: fn(usize, usize) -> String,
    /// Points earned of the points there are, each already written out.
    pub points: fn(&str, &str) -> String,
    /// Between a number's whole and its fraction.
    pub decimal_mark: char,
    pub passed: &'static str,
    pub not_passed: &'static str,
    /// After the verdict: the pass mark, in percent.
    pub pass_mark_is: fn(u8) -> String,
    pub not_answered: fn(usize) -> String,
    pub by_topic: &'static str,
    pub no_topic: &'static str,
    pub retry_wrong: &'static str,
    pub start_over: &'static str,
    pub reset_progress: &'static str,
    pub confirm_reset: &'static str,
    pub cancel: &'static str,
    pub shuffle: &'static str,
    pub nothing_here: &'static str,
    pub nothing_to_review: &'static str,
    pub nothing_due: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub storage_unavailable: &'static str,
    pub storage_full: &'static str,
    pub progress_dropped: fn(usize) -> String,
    pub keyboard_help: &'static str,
    pub export_progress: &'static str,
    pub import_progress: &'static str,
    pub export_results: &'static str,
    pub imported: fn(usize, usize, usize, usize) -> String,
    pub import_failed: &'static str,
    /// Each kind's name, in the order of `KindName::ALL`.
    pub kind_names: [&'static str; quiz_format::KindName::ALL.len()],
}

fn en_answered(done: usize, total: usize, correct: usize) -> String {
    format!("{done} / {total} answered · {correct} correct")
}

/// Tables are statics, so two are the same table exactly when they are the same static.
impl PartialEq for Texts {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

pub static EN: Texts = Texts {
    tag: "en",
    all_sections: "All sections",
    section: "Section",
    mode: "Mode",
    practice: "Practise",
    review_mistakes: "Review mistakes",
    due_mode: "Due for review",
    put_in_order: "Put the items in order with ↑ and ↓.",
    order_keys: " On a focused item, Alt+↑ and Alt+↓ move it too.",
    move_up: "Move up",
    move_down: "Move down",
    moved_to: |n, count| format!("moved to position {n} of {count}"),
    in_place: "in place",
    belongs_at: |n| format!("belongs at {n}"),
    right_order: "The right order:",
    match_each: "Choose the match for each item.",
    choose: "Choose…",
    fill_blanks: "Fill in the blanks.",
    save_answer: "Save answer",
    answer_saved: "Answer saved. You can change it until you submit your answers.",
    saved_of: |n, total| format!("{n} / {total} answers saved"),
    minutes_left: |m| match m {
        0 | 1 => "under a minute left".to_owned(),
        m => format!("{m} min left"),
    },
    submit_answers: "Submit answers",
    submit_note: |saved, total| {
        format!("{saved} of {total} answers saved. Once submitted, they cannot be changed; then you see your score and every answer's feedback.")
    },
    new_attempt: |left| match left {
        Some(1) => "New attempt (the last)".to_owned(),
        Some(n) => format!("New attempt ({n} left)"),
        None => "New attempt".to_owned(),
    },
    no_attempts_left: "No attempts left.",
    blank_of: |n, count| format!("Blank {n} of {count}"),
    does_compile: "Does this program compile?",
    yes: "Yes",
    no: "No",
    what_prints: "What does it print when it runs?",
    error_line: "Which line has the first error?",
    line_n: |n| format!("Line {n}"),
    prints: "It compiles, and prints:",
    fails_at: |n| format!("It does not compile: the first error is on line {n}."),
    difficulty: "Difficulty",
    any_difficulty: "Any difficulty",
    basic: "Basic",
    intermediate: "Intermediate",
    advanced: "Advanced",
    expert: "Expert",
    topic: "Topic",
    any_topic: "Any topic",
    answered: en_answered,
    completed: |done, total| format!("{done} / {total} completed"),
    due_today: |n| match n {
        0 => "No reviews due today".to_owned(),
        1 => "1 review due today".to_owned(),
        n => format!("{n} reviews due today"),
    },
    next_in: "next",
    item_of: |n, total| format!("{n} of {total}"),
    previous: "Previous",
    next: "Next",
    jump_to: "Go to item",
    check: "Check",
    try_again: "Try again",
    show_hint: "Show hint",
    hint: "Hint",
    next_hint: |n, of| format!("Next hint ({n} of {of})"),
    correct: "Correct!",
    incorrect: "Not quite.",
    correct_answer: "Correct answer",
    your_answer: "Your answer",
    right_pick: "Correct, and you picked it",
    missed: "Missed: this one is correct too",
    wrong_pick: "Not correct, but you picked it",
    try_or_show: "Try again, or show the answer.",
    retrying: "Retrying wrong answers",
    try_once_more: "Have another try.",
    attempts: |n| {
        if n == 1 {
            "1 attempt".to_owned()
        } else {
            format!("{n} attempts")
        }
    },
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
    next_review: "Next review:",
    comes_back: |minutes| match minutes {
        m if m < 60 => format!("in {m} min"),
        m if m < 1440 => format!("in {} h", m / 60),
        m if m < 2880 => "in 1 day".to_owned(),
        m => format!("in {} days", m / 1440),
    },
    scenario: "Real-life scenario",
    think_about: "Think about",
    challenges: "Challenge yourself",
    review_if_stuck: "If you can't solve this, review",
    minutes: |m| format!("{m} min"),
    skills: "Skills",
    your_notes: "Your notes and solution",
    mark_done: "Mark as done:",
    confident: "Confident",
    needs_review: "Needs review",
    done_as: |how| format!("Done: {how}"),
    summary: "Summary",
    score: |c, t| format!("{c} of {t} correct"),
    points: |s, m| format!("{s} of {m} points"),
    decimal_mark: '.',
    passed: "Passed",
    not_passed: "Not passed yet",
    pass_mark_is: |m| format!("(pass mark {m}%)"),
    not_answered: |n| match n {
        1 => "1 question not answered yet".to_owned(),
        n => format!("{n} questions not answered yet"),
    },
    by_topic: "Score by topic",
    no_topic: "Other",
    retry_wrong: "Retry wrong answers",
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
    progress_dropped: |n| {
        if n == 1 {
            "1 saved answer was dropped because its question changed.".to_owned()
        } else {
            format!("{n} saved answers were dropped because their questions changed.")
        }
    },
    keyboard_help: "Keys: 1–9 pick, Enter checks and goes on, Space flips a card, ← → move.",
    export_progress: "Export progress",
    import_progress: "Import progress",
    export_results: "Results as CSV",
    imported: |added, updated, unchanged, skipped| {
        format!("Imported: {added} added, {updated} updated, {unchanged} already up to date, {skipped} skipped (question changed or gone).")
    },
    import_failed: "The progress file was not imported",
    kind_names: [
        "Single choice",
        "Multiple choice",
        "True or false",
        "Short answer",
        "Flashcard",
        "Exercise",
        "Number",
        "Ordering",
        "Matching",
        "Fill in the blanks",
        "Program tracing",
    ],
};

pub static DE: Texts = Texts {
    tag: "de",
    all_sections: "Alle Abschnitte",
    section: "Abschnitt",
    mode: "Modus",
    practice: "Üben",
    review_mistakes: "Fehler wiederholen",
    due_mode: "Heute fällig",
    put_in_order: "Bring die Einträge mit ↑ und ↓ in die richtige Reihenfolge.",
    order_keys: " Alt+↑ und Alt+↓ verschieben den Eintrag mit dem Fokus.",
    move_up: "Nach oben",
    move_down: "Nach unten",
    moved_to: |n, count| format!("an Position {n} von {count} verschoben"),
    in_place: "richtig",
    belongs_at: |n| format!("gehört an Position {n}"),
    right_order: "Die richtige Reihenfolge:",
    match_each: "Wähle zu jedem Eintrag das passende Gegenstück.",
    choose: "Auswählen…",
    fill_blanks: "Fülle die Lücken aus.",
    save_answer: "Antwort speichern",
    answer_saved: "Antwort gespeichert. Du kannst sie bis zur Abgabe ändern.",
    saved_of: |n, total| format!("{n} / {total} Antworten gespeichert"),
    minutes_left: |m| match m {
        0 | 1 => "noch unter einer Minute".to_owned(),
        m => format!("noch {m} Min."),
    },
    submit_answers: "Antworten abgeben",
    submit_note: |saved, total| {
        format!("{saved} von {total} Antworten gespeichert. Nach der Abgabe lassen sie sich nicht mehr ändern; dann siehst du dein Ergebnis und die Rückmeldung zu jeder Antwort.")
    },
    new_attempt: |left| match left {
        Some(1) => "Neuer Versuch (der letzte)".to_owned(),
        Some(n) => format!("Neuer Versuch (noch {n})"),
        None => "Neuer Versuch".to_owned(),
    },
    no_attempts_left: "Keine Versuche mehr.",
    blank_of: |n, count| format!("Lücke {n} von {count}"),
    does_compile: "Lässt sich dieses Programm kompilieren?",
    yes: "Ja",
    no: "Nein",
    what_prints: "Was gibt es aus, wenn es läuft?",
    error_line: "In welcher Zeile steht der erste Fehler?",
    line_n: |n| format!("Zeile {n}"),
    prints: "Es lässt sich kompilieren und gibt aus:",
    fails_at: |n| format!("Es lässt sich nicht kompilieren: Der erste Fehler steht in Zeile {n}."),
    difficulty: "Schwierigkeit",
    any_difficulty: "Jede Schwierigkeit",
    basic: "Grundlagen",
    intermediate: "Mittel",
    advanced: "Fortgeschritten",
    expert: "Experte",
    topic: "Thema",
    any_topic: "Jedes Thema",
    answered: |done, total, correct| format!("{done} / {total} beantwortet · {correct} richtig"),
    completed: |done, total| format!("{done} / {total} erledigt"),
    due_today: |n| match n {
        0 => "Heute keine Wiederholung fällig".to_owned(),
        1 => "1 Wiederholung heute fällig".to_owned(),
        n => format!("{n} Wiederholungen heute fällig"),
    },
    next_in: "nächste",
    item_of: |n, total| format!("{n} von {total}"),
    previous: "Zurück",
    next: "Weiter",
    jump_to: "Gehe zu",
    check: "Prüfen",
    try_again: "Nochmal",
    show_hint: "Tipp zeigen",
    hint: "Tipp",
    next_hint: |n, of| format!("Nächster Tipp ({n} von {of})"),
    correct: "Richtig!",
    incorrect: "Nicht ganz.",
    correct_answer: "Richtige Antwort",
    your_answer: "Deine Antwort",
    right_pick: "Richtig, und du hast sie gewählt",
    missed: "Übersehen: auch diese ist richtig",
    wrong_pick: "Nicht richtig, aber du hast sie gewählt",
    try_or_show: "Versuch es nochmal, oder lass dir die Antwort zeigen.",
    retrying: "Falsche Antworten wiederholen",
    try_once_more: "Versuch es noch einmal.",
    attempts: |n| {
        if n == 1 {
            "1 Versuch".to_owned()
        } else {
            format!("{n} Versuche")
        }
    },
    true_: "Wahr",
    false_: "Falsch",
    type_answer: "Deine Antwort",
    accepted_answers: "Akzeptierte Antworten",
    pick_all: "Wähle alle zutreffenden.",
    pick_one: "Wähle eine Antwort.",
    show_answer: "Antwort zeigen",
    hide_answer: "Antwort verbergen",
    how_well: "Wie gut wusstest du es?",
    again: "Nochmal",
    hard: "Schwer",
    good: "Gut",
    easy: "Leicht",
    next_review: "Nächste Wiederholung:",
    comes_back: |minutes| match minutes {
        m if m < 60 => format!("in {m} Min."),
        m if m < 1440 => format!("in {} Std.", m / 60),
        m if m < 2880 => "in 1 Tag".to_owned(),
        m => format!("in {} Tagen", m / 1440),
    },
    scenario: "Praxisszenario",
    think_about: "Denk darüber nach",
    challenges: "Fordere dich heraus",
    review_if_stuck: "Wenn du nicht weiterkommst, wiederhole",
    minutes: |m| format!("{m} Min."),
    skills: "Fähigkeiten",
    your_notes: "Deine Notizen und Lösung",
    mark_done: "Als erledigt markieren:",
    confident: "Sicher",
    needs_review: "Muss ich wiederholen",
    done_as: |how| format!("Erledigt: {how}"),
    summary: "Zusammenfassung",
    score: |c, t| format!("{c} von {t} richtig"),
    points: |s, m| format!("{s} von {m} Punkten"),
    decimal_mark: ',',
    passed: "Bestanden",
    not_passed: "Noch nicht bestanden",
    pass_mark_is: |m| format!("(Bestehensgrenze {m} %)"),
    not_answered: |n| match n {
        1 => "1 Frage noch nicht beantwortet".to_owned(),
        n => format!("{n} Fragen noch nicht beantwortet"),
    },
    by_topic: "Ergebnis nach Thema",
    no_topic: "Sonstiges",
    retry_wrong: "Falsche wiederholen",
    start_over: "Von vorn",
    reset_progress: "Fortschritt löschen",
    confirm_reset: "Alle Antworten dieses Quiz vergessen? Das lässt sich nicht rückgängig machen.",
    cancel: "Abbrechen",
    shuffle: "Mischen",
    nothing_here: "Keine Einträge passen zu diesen Filtern.",
    nothing_to_review: "Keine Fehler zu wiederholen. Gut gemacht!",
    nothing_due: "Heute ist nichts zur Wiederholung fällig.",
    loading: "Fragen werden geladen…",
    load_failed: "Die Fragen konnten nicht geladen werden",
    storage_unavailable: "Der Fortschritt geht beim Schließen verloren: Der Browser erlaubt hier keinen Speicher.",
    storage_full: "Der Speicher ist voll: Der Fortschritt bleibt vorerst im Arbeitsspeicher.",
    progress_dropped: |n| format!("{n} gespeicherte Antworten wurden verworfen, weil sich ihre Fragen geändert haben."),
    keyboard_help: "Tasten: 1–9 wählen, Enter prüft und geht weiter, Leertaste dreht Karten, ← → blättern.",
    export_progress: "Fortschritt exportieren",
    import_progress: "Fortschritt importieren",
    export_results: "Ergebnisse als CSV",
    imported: |added, updated, unchanged, skipped| {
        format!("Importiert: {added} neu, {updated} aktualisiert, {unchanged} schon aktuell, {skipped} übersprungen (Frage geändert oder entfernt).")
    },
    import_failed: "Die Fortschrittsdatei wurde nicht importiert",
    kind_names: [
        "Einfachauswahl",
        "Mehrfachauswahl",
        "Wahr oder falsch",
        "Kurzantwort",
        "Karteikarte",
        "Übung",
        "Zahl",
        "Reihenfolge",
        "Zuordnung",
        "Lückentext",
        "Programm nachvollziehen",
    ],
};
