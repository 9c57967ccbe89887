//! The fleet's map from a value's digest to the first record that had it:
//! open addressing over buckets of one cache line each, so that an insert
//! costs one memory access, and [`Table::warm`] can bring a whole batch's
//! buckets into the cache in one pass whose loads overlap (they do not
//! depend on each other), before the ordered inserts.
//!
//! A general map (hashbrown) keeps its control bytes apart from its entries
//! (two cache misses per insert) and offers no way to touch an entry's place
//! ahead of time; on an export of 15 million distinct values that was most
//! of the fleet's cost (BENCHMARKS.md, issue 23).

/// Four slots of four words, one cache line: a slot is 96 bits of a value's
/// digest and the index of its first record plus one; 0 there is an empty
/// slot.
#[derive(Debug, Clone, Copy, Default)]
#[repr(align(64))]
struct Bucket([u32; 16]);

const _: () = assert!(std::mem::size_of::<Bucket>() == 64);

/// Digests (already uniform: their bits are the hash) to record indices.
/// A key's home bucket is given by its hash's top bits, so that doubling
/// the table moves each bucket's keys to the two buckets at twice its index:
/// growing writes the new table in order instead of at random.
#[derive(Debug, Clone, Default)]
pub(super) struct Table {
    buckets: Vec<Bucket>,
    /// `64 - log2(buckets)`: the hash's bits below the home index.
    shift: u32,
    len: usize,
}

/// What [`Table::insert`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Found {
    /// The key was new and now names the given record.
    Inserted,
    /// The key was held already, naming this record.
    Held(u32),
}

impl Table {
    /// Distinct keys held.
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// The bucket a key starts its probe at (the table is not empty).
    fn home(&self, key: [u32; 3]) -> usize {
        let hash = (u64::from(key[1]) << 32) | u64::from(key[2]);
        #[allow(clippy::cast_possible_truncation, reason = "below the number of buckets")]
        let home = (hash >> self.shift) as usize;
        home
    }

    /// Read the home bucket of each key, so that the inserts that follow
    /// find them in the cache: the loads are independent, so the processor
    /// overlaps their misses.
    pub(super) fn warm(&self, keys: impl Iterator<Item = [u32; 3]>) {
        if self.buckets.is_empty() {
            return;
        }
        let read = keys.fold(0, |acc, key| acc ^ self.buckets[self.home(key)].0[3]);
        // Kept, so that the reads are not optimised away.
        std::hint::black_box(read);
    }

    /// Find `key`, or hold it naming record `first` (which must be below
    /// `u32::MAX`).
    pub(super) fn insert(&mut self, key: [u32; 3], first: u32) -> Found {
        // Grow at 7/8 full: buckets of four keep probes short at that load.
        if (self.len + 1) * 8 > self.buckets.len() * 4 * 7 {
            self.grow();
        }
        let home = self.home(key);
        let found = place(&mut self.buckets, home, key, first + 1);
        if found == Found::Inserted {
            self.len += 1;
        }
        found
    }

    /// Double the buckets (or make the first 16) and place every key again,
    /// in the order of their homes.
    fn grow(&mut self) {
        let size = (self.buckets.len() * 2).max(16);
        let old = std::mem::replace(&mut self.buckets, vec![Bucket::default(); size]);
        self.shift = 64 - size.trailing_zeros();
        for bucket in &old {
            for slot in bucket.0.chunks_exact(4).filter(|s| s[3] != 0) {
                let key = [slot[0], slot[1], slot[2]];
                let home = self.home(key);
                place(&mut self.buckets, home, key, slot[3]);
            }
        }
    }
}

/// Probe from bucket `at` for `key`: its record if held, else store it
/// with `stored` (its record plus one).
fn place(buckets: &mut [Bucket], mut at: usize, key: [u32; 3], stored: u32) -> Found {
    let mask = buckets.len() - 1;
    loop {
        for slot in buckets[at].0.chunks_exact_mut(4) {
            if slot[3] == 0 {
                slot.copy_from_slice(&[key[0], key[1], key[2], stored]);
                return Found::Inserted;
            }
            if slot[..3] == key {
                return Found::Held(slot[3] - 1);
            }
        }
        at = (at + 1) & mask;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The table answers as a standard map does, across its growth,
        /// with keys drawn from a small set so that repeats and shared
        /// home buckets are common.
        #[test]
        fn agrees_with_a_hash_map(keys in prop::collection::vec((0u32..4, 0u32..64, 0u32..64), 0..600)) {
            let mut table = Table::default();
            let mut map = std::collections::HashMap::new();
            for (i, (a, b, c)) in keys.into_iter().enumerate() {
                let key = [a, b, c];
                let i = u32::try_from(i).unwrap();
                let want = if let Some(&first) = map.get(&key) {
                    Found::Held(first)
                } else {
                    map.insert(key, i);
                    Found::Inserted
                };
                prop_assert_eq!(table.insert(key, i), want);
                prop_assert_eq!(table.len(), map.len());
            }
        }
    }
}
