//! What the learner (or the shell on their behalf) can do to a session,
//! grouped by what it changes, so that each part of [`Session::apply`]
//! matches its own group completely.

use quiz_format::Difficulty;

use super::{Grade, Map, Mode, Record, SelfAssessment};

/// Everything the learner can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Answer(Answer),
    Attempt(Attempt),
    View(View),
    Navigate(Navigate),
    List(List),
    Transfer(Transfer),
}

/// The learner changes the answer they are writing to the current item
/// (nothing is graded or stored until [`Attempt::Check`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// Pick the one choice (single) with this original index.
    Choose(usize),
    /// Tick or untick a choice (multiple).
    Toggle(usize),
    /// Answer a true/false statement.
    ChooseTruth(bool),
    /// Edit a short answer.
    Type(String),
    /// Move the item at one position of an ordering question to another.
    Move { from: usize, to: usize },
    /// Match a matching question's left item with a right item, or with none.
    Match { left: usize, right: Option<usize> },
    /// Type into a cloze text's blank, or pick one of its options.
    FillBlank { blank: usize, text: String },
    /// Answer a tracing question: whether the program compiles, what it
    /// prints, the line of its first error.
    Trace {
        compiles: bool,
        output: String,
        line: Option<usize>,
    },
}

/// The learner commits the current item: its record is written.
#[derive(Clone, Debug, PartialEq)]
pub enum Attempt {
    /// Check the current answer and show feedback.
    Check,
    GradeCard(Grade),
    /// Edit the notes of an exercise.
    WriteNotes(String),
    MarkDone(SelfAssessment),
}

/// The learner changes what the current item shows; nothing is stored.
#[derive(Clone, Debug, PartialEq)]
pub enum View {
    /// Hide feedback and answer again.
    TryAgain,
    /// Show the correct answer and the explanation after a wrong answer.
    RevealAnswer,
    ShowHint,
    /// Turn a flashcard over.
    Flip,
}

/// The learner moves within the current list.
#[derive(Clone, Debug, PartialEq)]
pub enum Navigate {
    Next,
    Previous,
    /// Jump to the n-th item of the current list.
    GoTo(usize),
}

/// The learner or the shell changes which list is worked through, or how.
#[derive(Clone, Debug, PartialEq)]
pub enum List {
    PickSection(Option<String>),
    PickMode(Mode),
    FilterDifficulty(Option<Difficulty>),
    FilterTopic(Option<String>),
    /// From the summary: a list of only the items answered wrong.
    RetryWrong,
    /// From the summary: a new round of every item, from the first; earlier
    /// answers stay stored but are neither shown nor counted in the round.
    StartOver,
    /// Forget all progress of this quiz (the shell asked for confirmation).
    ResetProgress,
    /// Turn shuffling of questions and choices on with this seed, or off.
    Shuffle(Option<u64>),
    /// Submit the open exam attempt: the learner's choice, or the shell's at
    /// the time limit.
    SubmitExam,
    /// The learner's seed for the quiz's draws, from the shell's entropy;
    /// taken only when the learner has none yet (see [`Session::needs_draw_seed`]).
    SeedDraw(u64),
    /// Leave a retry of wrong answers for the list it was started from,
    /// as it was (its round and answers).
    LeaveRetry,
}

/// Records arrive from outside the learner's hand: storage, another tab,
/// an imported file.
#[derive(Clone, Debug, PartialEq)]
pub enum Transfer {
    /// Records arrived from storage or another tab; keep the newer of each.
    MergeRecords(Map<String, Record>),
    /// The learner imported a progress export: the text of its `records`
    /// object, as `transfer::read_export` found it in the file (the shell
    /// reads the file and refuses another quiz's or a broken one itself).
    ImportRecords(String),
}

impl From<Answer> for Action {
    fn from(action: Answer) -> Self {
        Action::Answer(action)
    }
}

impl From<Attempt> for Action {
    fn from(action: Attempt) -> Self {
        Action::Attempt(action)
    }
}

impl From<View> for Action {
    fn from(action: View) -> Self {
        Action::View(action)
    }
}

impl From<Navigate> for Action {
    fn from(action: Navigate) -> Self {
        Action::Navigate(action)
    }
}

impl From<List> for Action {
    fn from(action: List) -> Self {
        Action::List(action)
    }
}

impl From<Transfer> for Action {
    fn from(action: Transfer) -> Self {
        Action::Transfer(action)
    }
}
