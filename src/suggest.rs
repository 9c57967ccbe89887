//! "Did you mean": the closest candidate by edit distance.
//!
//! Names are compared after folding case and dropping `_`, `-`, `/` and spaces,
//! so `geoList` finds `geo_list` and `Europe Moscow` finds `Europe/Moscow`.
//! Inputs longer than [`MAX_LEN`] get no suggestion, which keeps the cost of a
//! hostile document linear.

/// Longest input that is compared at all.
pub(crate) const MAX_LEN: usize = 64;

fn fold(s: &str) -> Vec<char> {
    s.chars()
        .filter(|c| !matches!(c, '_' | '-' | '/' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A set of characters as bits (case-folded letters and digits; the rest share
/// one bit). A character in one string and not the other costs an edit, so
/// `max(|a - b|, |b - a|)` bounds the distance from below.
fn presence(s: &[char]) -> u64 {
    s.iter().fold(0, |m, &c| {
        m | 1u64
            << match c {
                'a'..='z' => c as u32 - 'a' as u32,
                '0'..='9' => 26 + c as u32 - '0' as u32,
                _ => 36 + (c as u32 % 27),
            }
    })
}

/// Optimal-string-alignment distance (Levenshtein plus adjacent
/// transpositions), or `None` once it must exceed `max`. Inputs are at most
/// [`MAX_LEN`] characters, so the rows live on the stack.
pub(crate) fn distance_within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    let n = b.len();
    if a.len() > MAX_LEN || n > MAX_LEN || a.len().abs_diff(n) > max {
        return None;
    }
    // Distances never exceed MAX_LEN, so a byte holds them; the three rows
    // rotate by swapping references, never by copying.
    let (mut r0, mut r1, mut r2) = ([0u8; MAX_LEN + 1], [0u8; MAX_LEN + 1], [0u8; MAX_LEN + 1]);
    let (mut prev2, mut prev, mut cur) = (&mut r0[..=n], &mut r1[..=n], &mut r2[..=n]);
    // Indexes up to MAX_LEN, checked above: each fits a byte.
    let byte = |i: usize| u8::try_from(i).unwrap_or(u8::MAX);
    for (j, p) in prev.iter_mut().enumerate() {
        *p = byte(j);
    }
    for i in 1..=a.len() {
        cur[0] = byte(i);
        let mut row_min = byte(i);
        for j in 1..=n {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if usize::from(row_min) > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = usize::from(prev[n]);
    (d <= max).then_some(d)
}

/// Plain distance, for tests.
#[cfg(test)]
pub(crate) fn distance(a: &[char], b: &[char]) -> usize {
    distance_within(a, b, MAX_LEN).unwrap_or(usize::MAX)
}

/// A fixed list of names, folded once, to suggest from.
pub(crate) struct Candidates {
    items: Vec<(Vec<char>, u64, &'static str)>,
}

impl Candidates {
    pub fn new(names: impl Iterator<Item = &'static str>) -> Self {
        Self::keyed(names.map(|n| (n, n)))
    }

    /// Candidates compared by `key` and suggested as `name`.
    pub fn keyed(pairs: impl Iterator<Item = (&'static str, &'static str)>) -> Self {
        Candidates {
            items: pairs
                .map(|(key, name)| {
                    let f = fold(key);
                    let m = presence(&f);
                    (f, m, name)
                })
                .collect(),
        }
    }

    /// Candidates within a distance of about a third of the input's length,
    /// best first (ties keep the list's order), at most `limit` of them.
    pub fn closest_n(&self, input: &str, limit: usize) -> Vec<&'static str> {
        if input.is_empty() || input.len() > MAX_LEN {
            return Vec::new();
        }
        let a = fold(input);
        let ma = presence(&a);
        let max = (a.len() / 3).max(1);
        let mut found: Vec<(usize, &'static str)> = self
            .items
            .iter()
            .filter(|(b, mb, _)| {
                b.len().abs_diff(a.len()) <= max
                    && ((ma & !mb).count_ones() as usize) <= max
                    && ((mb & !ma).count_ones() as usize) <= max
            })
            .filter_map(|(b, _, c)| distance_within(&a, b, max).map(|d| (d, *c)))
            .collect();
        found.sort_by_key(|&(d, _)| d);
        found.into_iter().take(limit).map(|(_, c)| c).collect()
    }

    /// The single closest candidate, if one is close enough.
    pub fn closest(&self, input: &str) -> Option<&'static str> {
        self.closest_n(input, 1).into_iter().next()
    }
}

/// The single closest of `candidates` (folded on the spot: for one-off lists).
pub(crate) fn closest(input: &str, candidates: impl Iterator<Item = &'static str>) -> Option<&'static str> {
    Candidates::new(candidates).closest(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        let names = Candidates::new(["timezone", "geo_list", "email", "name", "type"].into_iter());
        let s = |x| names.closest(x);
        assert_eq!(s("timezon"), Some("timezone"));
        assert_eq!(s("geoList"), Some("geo_list"));
        assert_eq!(s("emial"), Some("email"));
        assert_eq!(s("colour"), None);
        assert_eq!(s(""), None);
        assert_eq!(s(&"x".repeat(1000)), None);
    }

    #[test]
    fn bounded_distance_agrees_with_the_full_one() {
        let words = [
            "europemoscow",
            "europemoskow",
            "asiatokyo",
            "utc",
            "americanewyork",
            "",
            "ab",
            "ba",
        ];
        for a in words {
            for b in words {
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let full = distance(&ca, &cb);
                for max in 0..6 {
                    let want = (full <= max).then_some(full);
                    assert_eq!(distance_within(&ca, &cb, max), want, "{a} {b} {max}");
                }
                // The presence bound never exceeds the distance.
                let (ma, mb) = (presence(&ca), presence(&cb));
                let bound = (ma & !mb).count_ones().max((mb & !ma).count_ones()) as usize;
                assert!(bound <= full, "{a} {b}");
            }
        }
    }

    #[test]
    fn distance_counts_transpositions_once() {
        let d = |a: &str, b: &str| distance(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>());
        assert_eq!(d("ab", "ba"), 1);
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("", "abc"), 3);
    }

    /// The exhaustive search: every candidate's full distance, those within
    /// the bound, best first, ties in the list's order.
    fn exhaustive(names: &[&'static str], input: &str, limit: usize) -> Vec<&'static str> {
        if input.is_empty() || input.len() > MAX_LEN {
            return Vec::new();
        }
        let a = fold(input);
        let max = (a.len() / 3).max(1);
        let mut found: Vec<(usize, &'static str)> = names
            .iter()
            .map(|n| (distance(&a, &fold(n)), *n))
            .filter(|&(d, _)| d <= max)
            .collect();
        found.sort_by_key(|&(d, _)| d);
        found.into_iter().take(limit).map(|(_, n)| n).collect()
    }

    proptest::proptest! {
        /// The length and character-set filters never drop a candidate the
        /// exhaustive search would suggest: same answers, same order, on
        /// zone names with a few random edits.
        #[test]
        fn filtered_search_is_the_exhaustive_one(
            pick in 0usize..1000,
            edits in proptest::collection::vec((0usize..64, proptest::char::range('a', 'z'), 0u8..3), 0..4),
        ) {
            let names: Vec<&'static str> = chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()).collect();
            let mut input: Vec<char> = names[pick % names.len()].chars().collect();
            for (at, c, kind) in edits {
                let at = at % (input.len() + 1);
                match kind {
                    0 => input.insert(at, c),
                    1 if at < input.len() => { input.remove(at); }
                    _ if at < input.len() => input[at] = c,
                    _ => {}
                }
            }
            let input: String = input.into_iter().collect();
            let candidates = Candidates::new(names.iter().copied());
            proptest::prop_assert_eq!(candidates.closest_n(&input, 3), exhaustive(&names, &input, 3), "{}", input);
        }
    }
}
