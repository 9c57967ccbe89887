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

/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions).
pub(crate) fn distance(a: &[char], b: &[char]) -> usize {
    let n = b.len();
    let mut prev2: Vec<usize> = vec![0; n + 1];
    let mut prev: Vec<usize> = (0..=n).collect();
    let mut cur: Vec<usize> = vec![0; n + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[n]
}

/// A fixed list of names, folded once, to suggest from.
pub(crate) struct Candidates {
    items: Vec<(Vec<char>, &'static str)>,
}

impl Candidates {
    pub fn new(names: impl Iterator<Item = &'static str>) -> Self {
        Candidates {
            items: names.map(|n| (fold(n), n)).collect(),
        }
    }

    /// Candidates within a distance of about a third of the input's length,
    /// best first (ties keep the list's order), at most `limit` of them.
    pub fn closest_n(&self, input: &str, limit: usize) -> Vec<&'static str> {
        if input.is_empty() || input.len() > MAX_LEN {
            return Vec::new();
        }
        let a = fold(input);
        let max = (a.len() / 3).max(1);
        let mut found: Vec<(usize, &'static str)> = self
            .items
            .iter()
            .filter(|(b, _)| b.len().abs_diff(a.len()) <= max)
            .filter_map(|(b, c)| {
                let d = distance(&a, b);
                (d <= max).then_some((d, *c))
            })
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
    fn distance_counts_transpositions_once() {
        let d = |a: &str, b: &str| distance(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>());
        assert_eq!(d("ab", "ba"), 1);
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("", "abc"), 3);
    }
}
