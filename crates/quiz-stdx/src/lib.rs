//! What every quiz crate shares that std lacks.
//!
//! [`never!`] marks a branch that cannot happen if the code is right, such
//! as an index past a list the same function built. In debug builds and
//! tests (the property tests and the fuzz replay among them) it fails
//! loudly, so a logic error is found where it is made; in release builds it
//! is silent, and the caller recovers in a way it states right there (an
//! error, an empty answer), never with a default that looks like data. One
//! panic would stop every widget on a page, so release builds must not
//! panic; a silent `unwrap_or` would turn the same logic error into wrong
//! output that nobody sees.

/// Fails in debug builds and tests with the message; does nothing in release.
///
/// ```
/// # use quiz_stdx::never;
/// let list = [1, 2, 3];
/// let third = list.get(2).copied().unwrap_or_else(|| {
///     never!("the list has three items");
///     0
/// });
/// assert_eq!(third, 3);
/// ```
#[macro_export]
macro_rules! never {
    ($($message:tt)+) => {
        debug_assert!(false, "never: {}", format_args!($($message)+))
    };
}

/// A value that cannot be missing if the code is right, such as a slice of
/// text at positions the same function found on character boundaries: in
/// debug builds and tests a missing one fails, naming `what`; in release
/// `fallback` stands in.
///
/// ```
/// let text = "async def";
/// let word = quiz_stdx::or_never(text.get(..5), "", "the first word ends at a space");
/// assert_eq!(word, "async");
/// ```
#[track_caller]
pub fn or_never<T>(value: Option<T>, fallback: T, what: &str) -> T {
    match value {
        Some(value) => value,
        None => {
            never!("{what}");
            fallback
        }
    }
}
