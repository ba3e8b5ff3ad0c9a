//! The widget's components, one file each under `components/`.

pub mod diagnostics;
pub mod header;
pub mod item;
pub mod markdown;
pub mod nav;
pub mod summary;
pub mod teacher;
pub mod tools;
