//! The `quiz` command's logic, as a library so the host tests can call it.
//!
//! The core validates and imports text; this crate does the I/O around it:
//! reading files, resolving a bank manifest's paths, and rendering reports.

pub mod args;
pub mod bank;
pub mod files;
pub mod lms;
pub mod page;
pub mod report;

/// The widget's files, embedded at build time (see build.rs): what a course
/// page loads, and what the launch pages of SCORM and cmi5 packages load
/// besides (the SCORM bridge, the xAPI module).
/// Empty when the binary was built before the widget (`make build`).
pub mod assets {
    include!(concat!(env!("OUT_DIR"), "/assets.rs"));
}
