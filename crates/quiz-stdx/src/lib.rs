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

/// FNV-1a, 64 bit, as a [`std::hash::Hasher`] for the maps and sets of the
/// widget's crates. std's SipHash defends a server against keys chosen to
/// collide; in a learner's browser the keys are the quiz's own ids, and
/// wasm32-unknown-unknown has no randomness to seed SipHash with anyway, so
/// it would cost its code (0.8 KB gzip) and protect nothing.
#[derive(Clone, Copy)]
pub struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`Fnv1a`] hashers.
pub type BuildFnv1a = std::hash::BuildHasherDefault<Fnv1a>;

/// A `HashMap` with [`Fnv1a`]; make one with `Map::default()`.
pub type Map<K, V> = std::collections::HashMap<K, V, BuildFnv1a>;

/// A `HashSet` with [`Fnv1a`]; make one with `Set::default()`.
pub type Set<T> = std::collections::HashSet<T, BuildFnv1a>;

#[cfg(test)]
mod tests {
    use std::hash::Hasher;

    #[test]
    fn fnv1a_matches_its_published_vectors() {
        let hash = |text: &str| {
            let mut h = super::Fnv1a::default();
            h.write(text.as_bytes());
            h.finish()
        };
        assert_eq!(hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash("foobar"), 0x8594_4171_f739_67e8);
    }
}
