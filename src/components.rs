//! The widget's components, one file each under `components/`, and the
//! two faces they show.

pub mod diagnostics;
pub mod header;
pub mod item;
pub mod nav;
pub mod summary;
pub mod tools;

/// Which of its two faces the widget shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Face {
    /// A focused check for a course page: the questions, feedback, progress
    /// and a small menu (start over, reset).
    #[default]
    Check,
    /// The study app: also mode, filters, shuffle, the item list, keyboard
    /// help and export / import / CSV (the study page, or `controls="full"`).
    Study,
}
