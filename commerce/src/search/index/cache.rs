//! Answers remembered per reader generation: what the index found for a search (ids of a page and
//! every facet count) or a suggestion prefix, kept until the index changes.
//!
//! Every entry belongs to one generation of the index: the live index's serial number (a rebuild
//! swaps in a new one) and its reader's generation (each commit of an outbox batch reloads the
//! reader). A lookup or a store from another generation empties the cache first, so an answer is
//! never served from an index state other than the one a fresh search would read. Counting facets
//! is the part of a search that grows with the catalogue (every match is read); popular searches
//! between two catalogue changes are answered without it.

use std::{
    collections::{HashMap, VecDeque},
    hash::Hash,
    sync::{Arc, Mutex},
};

/// Which state of the index an answer was read from: (live index serial, reader generation).
/// Later states compare greater.
pub(super) type Generation = (u64, u64);

/// Answers of one kind, at most `capacity` of them, oldest out first.
pub(super) struct Memo<K, V> {
    inner: Mutex<Entries<K, V>>,
    capacity: usize,
}

struct Entries<K, V> {
    generation: Generation,
    map: HashMap<K, Arc<V>>,
    order: VecDeque<K>,
}

impl<K: Hash + Eq + Clone, V> Memo<K, V> {
    /// A cache of at most `capacity` answers (0: remember nothing).
    pub(super) fn new(capacity: usize) -> Self {
        Memo {
            inner: Mutex::new(Entries {
                generation: (0, 0),
                map: HashMap::new(),
                order: VecDeque::new(),
            }),
            capacity,
        }
    }

    /// The answer for `key` read from `generation`, if remembered.
    pub(super) fn get(&self, generation: Generation, key: &K) -> Option<Arc<V>> {
        if self.capacity == 0 {
            return None;
        }
        let mut e = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if generation > e.generation {
            e.reset(generation);
        }
        if generation != e.generation {
            return None;
        }
        e.map.get(key).cloned()
    }

    /// Remembers `value`, read from `generation`, for `key`. An answer from an older generation
    /// than the cache's is dropped; one from a newer generation replaces everything.
    pub(super) fn put(&self, generation: Generation, key: K, value: Arc<V>) {
        if self.capacity == 0 {
            return;
        }
        let mut e = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if generation < e.generation {
            return;
        }
        if generation > e.generation {
            e.reset(generation);
        }
        if e.map.insert(key.clone(), value).is_none() {
            e.order.push_back(key);
            while e.order.len() > self.capacity {
                if let Some(old) = e.order.pop_front() {
                    e.map.remove(&old);
                }
            }
        }
    }

    /// Forgets every answer (the meaning of a search changed without a new generation, e.g. the
    /// category tree the filter expands).
    pub(super) fn clear(&self) {
        let mut e = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let g = e.generation;
        e.reset(g);
    }

    /// Answers remembered now.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.inner
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .map
            .len()
    }
}

impl<K, V> Entries<K, V> {
    fn reset(&mut self, generation: Generation) {
        self.generation = generation;
        self.map = HashMap::new();
        self.order = VecDeque::new();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_kept_within_one_generation_only() {
        let m: Memo<&str, u32> = Memo::new(2);
        m.put((1, 1), "a", Arc::new(1));
        assert_eq!(m.get((1, 1), &"a").as_deref(), Some(&1));
        // The index moved on: nothing from before is served, and the cache is emptied.
        assert_eq!(m.get((1, 2), &"a"), None);
        assert_eq!(m.len(), 0);
        // A late answer from the old generation is not stored.
        m.put((1, 1), "a", Arc::new(1));
        assert_eq!(m.get((1, 2), &"a"), None);
        // A rebuilt index (new serial) outranks any reader generation of the old one.
        m.put((2, 0), "b", Arc::new(2));
        assert_eq!(m.get((1, 2), &"b"), None);
        m.put((2, 0), "b", Arc::new(2));
        assert_eq!(m.get((2, 0), &"b").as_deref(), Some(&2));
    }

    #[test]
    fn the_oldest_answer_leaves_first_when_full() {
        let m: Memo<u32, u32> = Memo::new(2);
        for k in 0..3 {
            m.put((0, 1), k, Arc::new(k));
        }
        assert_eq!(m.len(), 2);
        assert_eq!(m.get((0, 1), &0), None);
        assert_eq!(m.get((0, 1), &2).as_deref(), Some(&2));
        m.clear();
        assert_eq!(m.get((0, 1), &2), None);
    }

    #[test]
    fn capacity_zero_remembers_nothing() {
        let m: Memo<u32, u32> = Memo::new(0);
        m.put((0, 1), 1, Arc::new(1));
        assert_eq!(m.get((0, 1), &1), None);
    }
}
