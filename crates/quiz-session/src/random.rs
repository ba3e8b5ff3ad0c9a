//! The one seeded random-number generator: splitmix64. Whatever the session
//! draws (the order of items and choices today) comes from a seed it stores,
//! so the same seed gives the same result after a reload and on any machine.
//! Fresh entropy for a new seed is the shell's to find (the widget asks the
//! browser); nothing in the domain reads a clock or a global generator.

/// splitmix64: tiny, fast, and good enough for shuffling (it is not a
/// defence against anyone).
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number from 0 to `n` - 1 (`n` at least 1); the small bias of the
    /// remainder does not matter for shuffling.
    pub fn below(&mut self, n: usize) -> usize {
        let n64 = u64::try_from(n).unwrap_or(u64::MAX).max(1);
        quiz_stdx::or_never(
            usize::try_from(self.next_u64() % n64).ok(),
            0,
            "the remainder is below n",
        )
    }
}

/// Fisher-Yates with [`SplitMix64`], so the same seed gives the same order.
pub fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut rng = SplitMix64::new(seed);
    for i in (1..items.len()).rev() {
        let j = rng.below(i + 1);
        items.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_order_and_every_item_stays() {
        let mut a: Vec<u32> = (0..20).collect();
        let mut b = a.clone();
        shuffle(&mut a, 7);
        shuffle(&mut b, 7);
        assert_eq!(a, b);
        let mut sorted = a.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..20).collect::<Vec<_>>());
        let mut c: Vec<u32> = (0..20).collect();
        shuffle(&mut c, 8);
        assert_ne!(a, c, "another seed gives another order");
    }

    #[test]
    fn splitmix64_matches_its_reference_sequence() {
        // The first outputs for seed 0 in the reference implementation (Vigna).
        let mut rng = SplitMix64::new(0);
        assert_eq!(rng.next_u64(), 0xe220_a839_7b1d_cdaf);
        assert_eq!(rng.next_u64(), 0x6e78_9e6a_a1b9_65f4);
    }
}
