//! How a session starts: the one order of its setup, here rather than in a
//! shell, so that every shell (the widget's hook, a page rendered ahead of
//! time, a test) starts a learner's session the same way.
//!
//! The order matters: an exam is made before the stored settings are read,
//! so that they restore the exam's state too; the host page's attributes are
//! applied after the stored settings, so that they win; the host's draw is
//! set before the learner's draw seed is made, so that a first visit draws
//! from the list the page shows.

use super::{Action, List, Mode, Session};
use crate::progress::Records;
use crate::schedule::Now;
use quiz_format::model::ValidQuiz;
use std::rc::Rc;

/// What the host page asks of a session when it starts: its element's
/// attributes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HostChoices {
    /// Show only this section.
    pub section: Option<String>,
    pub mode: Option<Mode>,
    /// Shuffle questions and choices, with a seed of the learner's own.
    pub shuffle: bool,
    /// This many questions of the list, drawn for each learner.
    pub draw: Option<u16>,
    /// Make the quiz an exam (the file's limits, if any, apply).
    pub exam: bool,
}

/// A session just started, and what its start found.
#[derive(Debug)]
pub struct Started {
    pub session: Session,
    /// How many stored records were dropped: made for an earlier version of
    /// their question, or for a question no longer in the quiz.
    pub dropped: usize,
    /// The learner's questions were drawn for the first time: the settings
    /// must be saved at once, so that every later visit shows the same draw.
    pub save_settings: bool,
}

impl Session {
    /// A learner's session on `quiz`, from what is stored for them (their
    /// records and settings, as [`Session::settings_json`] wrote them) and
    /// what the host page asks. `entropy` gives each new seed (a shuffle,
    /// a draw) and is called only when one is needed.
    pub fn start(
        quiz: Rc<ValidQuiz>,
        records: impl Into<Records>,
        settings: Option<&str>,
        host: HostChoices,
        now: impl Into<Now>,
        mut entropy: impl FnMut() -> u64,
    ) -> Started {
        let (records, now) = (records.into(), now.into());
        let stored = records.len();
        let mut session = Session::new(quiz, records, now);
        let dropped = stored - session.records().len();
        if host.exam {
            session.make_exam();
        }
        if let Some(settings) = settings {
            session.restore_settings(settings);
        }
        // A setting that already agrees is left alone, so the learner's item stays.
        if let Some(section) = host
            .section
            .as_ref()
            .filter(|s| session.filters().section.as_deref() != Some(s.as_str()))
        {
            session.apply(Action::List(List::PickSection(Some(section.clone()))), now);
        }
        if let Some(mode) = host.mode.filter(|m| *m != session.mode()) {
            session.apply(Action::List(List::PickMode(mode)), now);
        }
        if host.shuffle && session.shuffle_seed().is_none() {
            session.apply(Action::List(List::Shuffle(Some(entropy()))), now);
        }
        if let Some(draw) = host.draw {
            session.draw_list(host.section, draw);
        }
        let save_settings = session.needs_draw_seed();
        if save_settings {
            session.apply(Action::List(List::SeedDraw(entropy())), now);
        }
        Started {
            session,
            dropped,
            save_settings,
        }
    }
}
