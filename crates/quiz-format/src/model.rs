//! The question set as the rest of the program sees it, after validation.
//!
//! A [`ValidQuiz`] has passed the validator: indices are in range, ids are
//! unique, sections exist. Code that holds one need not check again.
//! Each kind's own fields are in its module under [`crate::kinds`].

pub use crate::hash::fnv64;
use crate::hash::Fnv64;
pub use crate::kinds::{
    Blank, Cloze, Exercise, Flashcard, KindName, Matching, Multiple, Numeric, NumericForm, Ordering, Outcome,
    QuestionKind, Short, Single, Tracing, TrueFalse,
};

/// A [`Quiz`] that passed the validator. Only [`crate::load`] makes one (and
/// [`crate::check`], which writes a quiz out and loads it); it is read
/// through `Deref` and never changed, so what the validator promised stays
/// true. The session and the widget take nothing else.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidQuiz(Quiz);

impl Quiz {
    /// A quiz with this id and title and nothing else yet: no questions, no
    /// sections, every setting its default. (Valid only once it has questions
    /// and passes the validator.)
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Quiz {
        Quiz {
            id: id.into(),
            title: title.into(),
            description: None,
            language: None,
            solution: None,
            spaced_repetition: None,
            retention: None,
            pass_mark: None,
            draw: None,
            exam: None,
            sections: Vec::new(),
            questions: Vec::new(),
        }
    }
}

impl ValidQuiz {
    pub(crate) fn new(quiz: Quiz) -> ValidQuiz {
        ValidQuiz(quiz)
    }

    /// The quiz as plain data, to change and check again.
    pub fn into_inner(self) -> Quiz {
        self.0
    }
}

impl std::ops::Deref for ValidQuiz {
    type Target = Quiz;

    fn deref(&self) -> &Quiz {
        &self.0
    }
}

/// A whole question file. Anyone may build one (the importer, the CLI's bank
/// builder); it becomes a [`ValidQuiz`] only through the validator.
#[derive(Clone, Debug, PartialEq)]
pub struct Quiz {
    /// Namespaces stored progress; matches `[a-z0-9][a-z0-9-]*`.
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    /// A BCP 47 tag such as `en` or `de`; picks the interface language.
    pub language: Option<String>,
    /// When a wrong answer's solution is shown; the widget's default when absent.
    pub solution: Option<Solution>,
    /// Which items spaced repetition schedules; all when absent.
    pub spaced_repetition: Option<Repetition>,
    /// The chance of recall reviews are scheduled at; 0.9 when absent.
    pub retention: Option<Retention>,
    /// The share of the points that passes, in percent (1 to 100).
    pub pass_mark: Option<u8>,
    /// Show only this many of the questions outside any section, drawn for
    /// each learner (a section draws from its own with its `draw`).
    pub draw: Option<u16>,
    /// The quiz is an exam: feedback waits until the learner submits.
    pub exam: Option<Exam>,
    pub sections: Vec<Section>,
    pub questions: Vec<Question>,
}

/// An exam's limits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Exam {
    /// How many times it may be submitted; no limit when `None`.
    pub attempts: Option<u16>,
    /// Minutes from an attempt's first saved answer to its submission.
    pub minutes: Option<u16>,
}

/// Which items spaced repetition brings back when they are due.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Repetition {
    /// Flashcards and every graded question (`all`).
    #[default]
    All,
    /// Only flashcards (`flashcards`).
    Flashcards,
}

impl Repetition {
    pub const ALL: [Repetition; 2] = [Repetition::All, Repetition::Flashcards];

    pub fn as_str(self) -> &'static str {
        match self {
            Repetition::All => "all",
            Repetition::Flashcards => "flashcards",
        }
    }

    pub fn from_name(name: &str) -> Option<Repetition> {
        Repetition::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

/// The desired retention: the chance that the learner still recalls an item
/// when its review comes, in thousandths, from 0.7 to 0.99.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retention(u16);

impl Retention {
    pub const LOWEST: u16 = 700;
    pub const HIGHEST: u16 = 990;

    /// `None` outside 700 to 990.
    pub fn from_thousandths(n: u16) -> Option<Retention> {
        (Retention::LOWEST..=Retention::HIGHEST)
            .contains(&n)
            .then_some(Retention(n))
    }

    pub fn value(self) -> f64 {
        f64::from(self.0) / 1000.0
    }

    /// As written in the file: `0.9`, `0.85`, `0.925`.
    pub fn written(self) -> String {
        let digits = format!("{:03}", self.0);
        format!("0.{}", digits.trim_end_matches('0'))
    }
}

/// When a learner who answered wrong sees the correct answer and the
/// explanation. A right answer always shows them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Solution {
    /// With the first feedback, right or wrong (`immediately`).
    Immediately,
    /// When the learner asks: every wrong try offers "Try again" and "Show
    /// answer" (`on-request`).
    #[default]
    OnRequest,
    /// "Show answer" is offered only after this many wrong tries, 1 to 9 (`after-N`).
    AfterTries(u8),
}

impl Solution {
    /// Reads `immediately`, `on-request` or `after-N` (N from 1 to 9).
    pub fn from_name(name: &str) -> Option<Solution> {
        match name {
            "immediately" => Some(Solution::Immediately),
            "on-request" => Some(Solution::OnRequest),
            _ => {
                let n: u8 = name.strip_prefix("after-")?.parse().ok()?;
                (1..=9).contains(&n).then_some(Solution::AfterTries(n))
            }
        }
    }

    pub fn name(self) -> String {
        match self {
            Solution::Immediately => "immediately".to_owned(),
            Solution::OnRequest => "on-request".to_owned(),
            Solution::AfterTries(n) => format!("after-{n}"),
        }
    }

    /// Whether a wrong answer's solution shows without being asked for.
    pub fn shows_at_once(self) -> bool {
        self == Solution::Immediately
    }

    /// Whether "Show answer" is offered after `wrong_tries` wrong tries.
    pub fn offers_after(self, wrong_tries: u32) -> bool {
        match self {
            Solution::Immediately => false,
            Solution::OnRequest => true,
            Solution::AfterTries(n) => wrong_tries >= u32::from(n),
        }
    }
}

/// A group of questions, such as a chapter.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    /// Show only this many of the section's questions, drawn for each learner.
    pub draw: Option<u16>,
}

/// How hard a question is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Difficulty {
    Basic,
    Intermediate,
    Advanced,
    Expert,
}

impl Difficulty {
    pub const ALL: [Difficulty; 4] = [
        Difficulty::Basic,
        Difficulty::Intermediate,
        Difficulty::Advanced,
        Difficulty::Expert,
    ];

    /// The name used in question files.
    pub fn as_str(self) -> &'static str {
        match self {
            Difficulty::Basic => "basic",
            Difficulty::Intermediate => "intermediate",
            Difficulty::Advanced => "advanced",
            Difficulty::Expert => "expert",
        }
    }

    pub fn from_name(name: &str) -> Option<Difficulty> {
        Difficulty::ALL.into_iter().find(|d| d.as_str() == name)
    }
}

/// One item of the quiz.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// Unique in the file and stable: stored progress is keyed by it.
    pub id: String,
    pub section: Option<String>,
    pub difficulty: Option<Difficulty>,
    pub topic: Option<String>,
    pub tags: Vec<String>,
    /// Markdown.
    pub prompt: String,
    /// Markdown, shown one at a time on request before checking (`hint` in
    /// a file is one of them).
    pub hints: Vec<String>,
    /// Markdown, shown with the feedback.
    pub explanation: Option<String>,
    /// What it is worth in the score, 0 to 100; 1 when absent.
    pub points: Option<u16>,
    pub kind: QuestionKind,
}

impl Question {
    /// What the question is worth in the score: 1 unless the author says.
    pub fn points(&self) -> u16 {
        self.points.unwrap_or(1)
    }

    /// A fingerprint of what the learner answered: type, prompt, choices and
    /// the key. Stored progress carries it, so that when a teacher edits this
    /// question only its own progress is dropped. Topic, hints and
    /// explanations are left out on purpose: fixing a typo in an explanation
    /// does not invalidate an answer.
    pub fn content_hash(&self) -> u64 {
        let mut hash = Fnv64::new();
        hash.field(self.kind.name().as_str());
        hash.field(&self.prompt);
        self.kind.hash(&mut hash);
        hash.finish()
    }
}

/// The writing direction of a BCP 47 language tag: `rtl` for the scripts
/// written right to left (Arabic, Hebrew, Persian, Urdu and their kin).
pub fn direction(tag: &str) -> &'static str {
    const RTL: [&str; 12] = ["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "ug", "ur", "yi"];
    let language = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    if RTL.contains(&language.as_str()) {
        "rtl"
    } else {
        "ltr"
    }
}
