//! ISO 3166-1 alpha-2 codes as a 26×26 table built once from `isocountry`,
//! and a set of them as bits: what `geo_list` looks codes up in.

use isocountry::CountryCode;

/// Index of a two-letter upper-case code in a 26×26 table.
pub(crate) fn slot(code: &str) -> Option<usize> {
    match code.as_bytes() {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => Some(usize::from(a - b'A') * 26 + usize::from(b - b'A')),
        _ => None,
    }
}

/// The ISO 3166-1 alpha-2 codes by [`slot`], built once from `isocountry`.
fn table() -> &'static [Option<CountryCode>; 676] {
    static TABLE: std::sync::OnceLock<[Option<CountryCode>; 676]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [None; 676];
        for c in CountryCode::as_array() {
            if let Some(i) = slot(c.alpha2()) {
                t[i] = Some(*c);
            }
        }
        t
    })
}

pub(crate) fn country(code: &str) -> Option<CountryCode> {
    slot(code).and_then(|i| table()[i])
}

/// A set of alpha-2 codes, as bits.
pub(crate) struct CodeSet([u64; 11]);

impl CodeSet {
    pub(crate) fn new() -> Self {
        CodeSet([0; 11])
    }

    /// Add a code; `true` when it was already there.
    pub(crate) fn repeated(&mut self, code: &str) -> bool {
        let Some(i) = slot(code) else { return false };
        let (word, bit) = (i / 64, 1u64 << (i % 64));
        let seen = self.0[word] & bit != 0;
        self.0[word] |= bit;
        seen
    }
}
