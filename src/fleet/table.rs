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

/// Words in a bucket: four slots of four words, one cache line. A slot is
/// 96 bits of a value's digest and the index of its first record plus one;
/// 0 there is an empty slot.
const BUCKET: usize = 16;

/// Digests (already uniform: their bits are the hash) to record indices.
/// A key's home bucket is given by its hash's top bits, so that doubling
/// the table moves each bucket's keys to the two buckets at twice its index.
///
/// The table grows in place: its words are a `Vec<u32>` (an alignment the
/// allocator's `realloc` serves, which moves a large block by remapping its
/// pages rather than copying them), and the keys are spread from the top
/// bucket down. A new table and a copy would touch (and fault in) the old
/// size plus the new each time: about twice the final size over the whole
/// growth, where growing in place touches it once (BENCHMARKS.md, issue 23).
/// Buckets start at `base`, the first word on a 64-byte boundary, so that a
/// bucket is one cache line.
#[derive(Debug, Clone, Default)]
pub(super) struct Table {
    words: Vec<u32>,
    base: usize,
    /// Buckets: 0, or a power of two from 16.
    buckets: usize,
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
        home(key, self.shift)
    }

    /// Read the home bucket of each key and the one after it (where a key
    /// goes when its home is full, often at high load), so that the inserts
    /// that follow find them in the cache: the loads are independent, so the
    /// processor overlaps their misses.
    pub(super) fn warm(&self, keys: impl Iterator<Item = [u32; 3]>) {
        if self.buckets == 0 {
            return;
        }
        let mask = self.buckets - 1;
        let word = |bucket: usize| self.words[self.base + BUCKET * bucket + 3];
        let read = keys.fold(0, |acc, key| {
            let home = self.home(key);
            acc ^ word(home) ^ word((home + 1) & mask)
        });
        // Kept, so that the reads are not optimised away.
        std::hint::black_box(read);
    }

    /// Find `key`, or hold it naming record `first` (which must be below
    /// `u32::MAX`).
    pub(super) fn insert(&mut self, key: [u32; 3], first: u32) -> Found {
        // Grow at 7/8 full: buckets of four keep probes short at that load.
        if (self.len + 1) * 8 > self.buckets * 4 * 7 {
            self.grow();
        }
        let home = self.home(key);
        let found = place(self.table(), home, key, first + 1);
        if found == Found::Inserted {
            self.len += 1;
        }
        found
    }

    /// The buckets' words.
    fn table(&mut self) -> &mut [u32] {
        &mut self.words[self.base..self.base + BUCKET * self.buckets]
    }

    /// Double the buckets (or make the first 16) in place and spread the
    /// keys over them.
    fn grow(&mut self) {
        let old = self.buckets;
        let size = (old * 2).max(16);
        // A bucket's worth of words more, for the alignment.
        self.words.resize(BUCKET * size + BUCKET - 1, 0);
        let base = aligned(&self.words);
        if base != self.base {
            // The block moved to a place of another alignment (small
            // blocks are copied by `realloc`): shift the buckets with it,
            // and clear what the old ones leave behind in the new half
            // (`resize` zeroed only the words it added).
            self.words.copy_within(self.base..self.base + BUCKET * old, base);
            self.words[base + BUCKET * old..base + BUCKET * size].fill(0);
            self.base = base;
        }
        self.buckets = size;
        self.shift = 64 - size.trailing_zeros();
        let shift = self.shift;
        let table = self.table();
        // From the top bucket down, each bucket's keys are taken out and
        // placed from their new home, which (at about twice the old one) is
        // mostly at or above the bucket: the buckets from there up are of
        // the new table by then, so a probe there never passes an old key,
        // and the buckets emptied later lie below every new home placed so
        // far. Keys whose new home is below their bucket, or whose probe
        // would wrap around to the old part, are placed once all are spread.
        let mut later = Vec::new();
        for i in (0..old).rev() {
            let mut slots = [0; BUCKET];
            slots.copy_from_slice(&table[BUCKET * i..BUCKET * (i + 1)]);
            table[BUCKET * i..BUCKET * (i + 1)].fill(0);
            for slot in slots.chunks_exact(4).filter(|s| s[3] != 0) {
                let key = [slot[0], slot[1], slot[2]];
                let home = home(key, shift);
                if home < i || !place_below_end(table, home, key, slot[3]) {
                    later.push((home, key, slot[3]));
                }
            }
        }
        for (home, key, stored) in later {
            place(table, home, key, stored);
        }
    }
}

/// The bucket a key starts its probe at in a table of `64 - shift` bits of
/// buckets: the top bits of its hash.
fn home(key: [u32; 3], shift: u32) -> usize {
    let hash = (u64::from(key[1]) << 32) | u64::from(key[2]);
    #[allow(clippy::cast_possible_truncation, reason = "below the number of buckets")]
    let home = (hash >> shift) as usize;
    home
}

/// The first word of `words` on a 64-byte boundary.
fn aligned(words: &[u32]) -> usize {
    let address = words.as_ptr() as usize;
    (64 - address % 64) % 64 / std::mem::size_of::<u32>()
}

/// Probe the buckets of `table` from bucket `at` for `key`: its record if
/// held, else store it with `stored` (its record plus one).
fn place(table: &mut [u32], mut at: usize, key: [u32; 3], stored: u32) -> Found {
    let mask = table.len() / BUCKET - 1;
    loop {
        for slot in table[BUCKET * at..BUCKET * (at + 1)].chunks_exact_mut(4) {
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

/// Store a key not held (while growing) in the first empty slot from bucket
/// `at`, without wrapping around past the last bucket; whether it found one.
fn place_below_end(table: &mut [u32], at: usize, key: [u32; 3], stored: u32) -> bool {
    let from = BUCKET * at;
    match table[from..].chunks_exact_mut(4).find(|slot| slot[3] == 0) {
        Some(slot) => {
            slot.copy_from_slice(&[key[0], key[1], key[2], stored]);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Insert `keys` in order, each answer checked against a standard map's
    /// (every key asked for again at the end).
    fn agrees_with_a_map(keys: impl IntoIterator<Item = [u32; 3]>) -> Result<(), TestCaseError> {
        let mut table = Table::default();
        let mut map = std::collections::HashMap::new();
        for (i, key) in keys.into_iter().enumerate() {
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
        for (&key, &first) in &map {
            prop_assert_eq!(table.insert(key, 0), Found::Held(first));
        }
        Ok(())
    }

    proptest! {
        /// The table answers as a standard map does, across its growth,
        /// with keys drawn from a small set so that repeats and shared
        /// home buckets are common.
        #[test]
        fn agrees_with_a_hash_map(keys in prop::collection::vec((0u32..4, 0u32..64, 0u32..64), 0..600)) {
            agrees_with_a_map(keys.into_iter().map(|(a, b, c)| [a, b, c]))?;
        }

        /// The same over the whole range of homes and across many doublings
        /// (keys of every home, the top ones wrapping around to bucket 0),
        /// each key drawn again and again from a pool.
        #[test]
        fn agrees_with_a_hash_map_across_growth(
            pool in prop::collection::vec(any::<[u32; 3]>(), 1..400),
            draws in prop::collection::vec(any::<prop::sample::Index>(), 0..4000),
        ) {
            agrees_with_a_map(draws.into_iter().map(|d| pool[d.index(pool.len())]))?;
        }
    }

    /// When `realloc` moves the block to an address of another alignment,
    /// the buckets move with it and the new half holds no copy of an old
    /// key (which would answer rightly, but fill a slot for nothing): a table
    /// whose buckets start further in than the alignment asks (as after such
    /// a move) grows, and finds every key again.
    #[test]
    fn buckets_moved_by_realloc_survive_growth() {
        let keys: Vec<[u32; 3]> = (0..300u32)
            .map(|i| [i, i.wrapping_mul(0x9E37_79B9), i.wrapping_mul(0x85EB_CA6B)])
            .collect();
        let mut table = Table::default();
        for (i, &key) in keys[..50].iter().enumerate() {
            assert_eq!(table.insert(key, u32::try_from(i).unwrap()), Found::Inserted);
        }
        // Start the same buckets a bucket's worth of words later.
        table.words.splice(0..0, [0; BUCKET]);
        table.base += BUCKET;
        for (i, &key) in keys.iter().enumerate().skip(50) {
            assert_eq!(table.insert(key, u32::try_from(i).unwrap()), Found::Inserted);
        }
        for (i, &key) in keys.iter().enumerate() {
            assert_eq!(table.insert(key, 0), Found::Held(u32::try_from(i).unwrap()));
        }
        assert_eq!(table.len(), keys.len());
        // Each key held once: no copy of an old bucket left in the new half.
        let held = table.table().chunks_exact(4).filter(|slot| slot[3] != 0).count();
        assert_eq!(held, keys.len());
    }

    /// Keys whose homes are all the last bucket fill it and wrap around to
    /// the first ones; each doubling must find every one of them again.
    #[test]
    fn keys_wrapping_around_survive_growth() {
        let mut table = Table::default();
        let keys: Vec<[u32; 3]> = (0..5000u32)
            .map(|i| [i, u32::MAX - (i % 3), u32::MAX - i])
            .collect();
        for (i, &key) in keys.iter().enumerate() {
            assert_eq!(table.insert(key, u32::try_from(i).unwrap()), Found::Inserted);
        }
        for (i, &key) in keys.iter().enumerate() {
            assert_eq!(table.insert(key, 0), Found::Held(u32::try_from(i).unwrap()));
        }
        assert_eq!(table.len(), keys.len());
    }
}
