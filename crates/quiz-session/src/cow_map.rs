//! A map that is cheap to copy and to change after copying.
//!
//! The widget keeps one session per action (yew's reducer returns a new
//! state and still holds the old one), so a session's maps are copied on
//! every click. A plain `HashMap` of every answered question makes that copy
//! grow with the learner's progress: about 6.5 ms per action, natively, once
//! 50,000 questions are answered. Here the entries live in [`SHARDS`] shards
//! behind `Rc`: copying the map copies the pointers, and a change copies only
//! the shard it touches, a sixty-fourth of the entries.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash};

use quiz_stdx::{BuildFnv1a, Map};
use std::rc::Rc;

/// How many shards a map has.
pub const SHARDS: usize = 64;

/// A hash map with copy-on-write shards; see the module documentation.
#[derive(Clone)]
pub struct CowMap<K, V> {
    shards: [Rc<Map<K, V>>; SHARDS],
}

impl<K, V> Default for CowMap<K, V> {
    fn default() -> Self {
        CowMap {
            shards: std::array::from_fn(|_| Rc::new(Map::default())),
        }
    }
}

/// The shard of `key`: a fixed hash, so a key has one shard in every copy.
fn shard_of<Q: Hash + ?Sized>(key: &Q) -> usize {
    let hash = BuildFnv1a::default().hash_one(key);
    (hash % SHARDS as u64) as usize
}

impl<K: Hash + Eq + Clone, V: Clone> CowMap<K, V> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.shards.iter().map(|shard| shard.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.shards.iter().all(|shard| shard.is_empty())
    }

    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.shard(key).get(key)
    }

    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.shard(key).contains_key(key)
    }

    /// Inserts `value` under `key` and returns what was there.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        self.shard_mut(&key).insert(key, value)
    }

    pub fn remove<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        // Only a shard that holds the key is copied.
        if !self.contains_key(key) {
            return None;
        }
        self.shard_mut(key).remove(key)
    }

    /// The value under `key`, inserting `make()` first if there is none.
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        self.shard_mut(&key).entry(key).or_insert_with(make)
    }

    /// Empties the map without touching the shards other copies share.
    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// Keeps the entries `keep` says yes to. Only shards that lose an entry
    /// are copied; `keep` is asked twice about the entries of those shards,
    /// so it should be a plain test.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &V) -> bool) {
        for shard in &mut self.shards {
            if shard.iter().all(|(k, v)| keep(k, v)) {
                continue;
            }
            Rc::make_mut(shard).retain(|k, v| keep(k, v));
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.shards.iter().flat_map(|shard| shard.iter())
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.iter().map(|(_, v)| v)
    }

    fn shard<Q: Hash + ?Sized>(&self, key: &Q) -> &Map<K, V> {
        // Split off the first shard so that every index has a shard without
        // indexing that could panic (`shard_of` is below SHARDS anyway).
        let [first, rest @ ..] = &self.shards;
        let shard = match shard_of(key).checked_sub(1) {
            Some(i) => rest.get(i).unwrap_or_else(|| {
                quiz_stdx::never!("shard {i} of {SHARDS}");
                first
            }),
            None => first,
        };
        shard
    }

    /// The shard of `key`, copied first if another map shares it.
    fn shard_mut<Q: Hash + ?Sized>(&mut self, key: &Q) -> &mut Map<K, V> {
        let [first, rest @ ..] = &mut self.shards;
        let shard = match shard_of(key).checked_sub(1) {
            Some(i) => match rest.get_mut(i) {
                Some(shard) => shard,
                None => {
                    quiz_stdx::never!("shard {i} of {SHARDS}");
                    first
                }
            },
            None => first,
        };
        Rc::make_mut(shard)
    }
}

impl<K: Hash + Eq + Clone, V: Clone, S> From<HashMap<K, V, S>> for CowMap<K, V> {
    fn from(map: HashMap<K, V, S>) -> Self {
        map.into_iter().collect()
    }
}

impl<K: Hash + Eq + Clone, V: Clone> FromIterator<(K, V)> for CowMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> Self {
        let mut map = CowMap::new();
        for (k, v) in entries {
            map.insert(k, v);
        }
        map
    }
}

/// Equal when they hold the same entries, however they are sharded or shared.
impl<K: Hash + Eq + Clone, V: Clone + PartialEq> PartialEq for CowMap<K, V> {
    fn eq(&self, other: &Self) -> bool {
        self.shards
            .iter()
            .zip(&other.shards)
            .all(|(a, b)| Rc::ptr_eq(a, b) || a == b)
    }
}

impl<K: std::fmt::Debug, V: std::fmt::Debug> std::fmt::Debug for CowMap<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map()
            .entries(self.shards.iter().flat_map(|shard| shard.iter()))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TestRng;

    #[test]
    fn a_copy_changes_apart_from_its_original_and_shares_untouched_shards() {
        let mut original: CowMap<String, u32> = (0..1000).map(|i| (format!("q{i}"), i)).collect();
        let mut copy = original.clone();
        copy.insert("q7".into(), 70);
        copy.remove("q8");
        assert_eq!(original.get("q7"), Some(&7));
        assert_eq!(original.get("q8"), Some(&8));
        assert_eq!((copy.get("q7"), copy.get("q8")), (Some(&70), None));
        let shared = original
            .shards
            .iter()
            .zip(&copy.shards)
            .filter(|(a, b)| Rc::ptr_eq(a, b))
            .count();
        assert!(
            shared >= SHARDS - 2,
            "only the touched shards are copied ({shared} shared)"
        );
        original.clear();
        assert!(original.is_empty());
        assert_eq!(copy.len(), 999);
    }

    #[test]
    fn behaves_as_a_hash_map_under_random_operations() {
        let mut rng = TestRng::new(11);
        let mut model: HashMap<u64, u64> = HashMap::new();
        let mut map: CowMap<u64, u64> = CowMap::new();
        let mut copies = Vec::new();
        for step in 0..20_000 {
            let key = rng.below(300);
            match rng.below(7) {
                0 | 1 => assert_eq!(map.insert(key, step), model.insert(key, step)),
                2 => assert_eq!(map.remove(&key), model.remove(&key)),
                3 => {
                    *map.get_or_insert_with(key, || 0) += 1;
                    *model.entry(key).or_insert(0) += 1;
                }
                4 => {
                    map.retain(|k, v| (k + v) % 5 != 0);
                    model.retain(|k, v| (*k + *v) % 5 != 0);
                }
                5 => copies.push((map.clone(), model.clone())),
                _ => assert_eq!(map.get(&key), model.get(&key)),
            }
            assert_eq!(map.len(), model.len());
        }
        // Every copy still holds exactly what it held when it was taken.
        for (copy, expected) in copies {
            let mut entries: Vec<(u64, u64)> = copy.iter().map(|(k, v)| (*k, *v)).collect();
            entries.sort_unstable();
            let mut wanted: Vec<(u64, u64)> = expected.into_iter().collect();
            wanted.sort_unstable();
            assert_eq!(entries, wanted);
        }
    }
}
