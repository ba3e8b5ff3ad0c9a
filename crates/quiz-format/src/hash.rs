//! The content hash of questions, and string fingerprints.

/// FNV-1a, 64 bit: tiny, stable across platforms and versions, and enough to
/// notice an edit (it is not a defence against anyone).
pub(crate) struct Fnv64(u64);

impl Fnv64 {
    pub(crate) fn new() -> Self {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }

    pub(crate) fn field(&mut self, text: &str) {
        for byte in text.bytes().chain([0xff]) {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    pub(crate) fn finish(&self) -> u64 {
        self.0
    }
}

/// FNV-1a of a string, for seeds and fingerprints.
pub fn fnv64(text: &str) -> u64 {
    let mut hash = Fnv64::new();
    hash.field(text);
    hash.finish()
}
