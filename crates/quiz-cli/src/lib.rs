//! The `quiz` command's logic, as a library so the host tests can call it.
//!
//! The core validates and imports text; this crate does the I/O around it:
//! reading files, resolving a bank manifest's paths, and rendering reports.

pub mod args;
pub mod bank;
pub mod report;
