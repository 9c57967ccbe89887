//! Byte scans eight bytes at a time (SWAR), shared by the parser and the
//! rules.
//!
//! Each test flags a byte exactly when it is the first match in its word;
//! later flags may be false positives from a borrow, and only the first one is
//! used.

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// Bytes equal to `byte`, flagged in their high bit.
const fn eq(w: u64, byte: u8) -> u64 {
    let x = w ^ (LO * byte as u64);
    x.wrapping_sub(LO) & !x
}

/// Bytes below `bound` (≤ 0x80), flagged in their high bit.
const fn below(w: u64, bound: u8) -> u64 {
    w.wrapping_sub(LO * bound as u64) & !w
}

/// Index of the first byte for which `flags` (on words) and `matches` (on the
/// tail) agree, or `None`.
fn first(bytes: &[u8], flags: impl Fn(u64) -> u64, matches: impl Fn(u8) -> bool) -> Option<usize> {
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let found = flags(u64::from_le_bytes(word)) & HI;
        if found != 0 {
            return Some(i + (found.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes[i..].iter().position(|&b| matches(b)).map(|j| i + j)
}

/// The first `"`, `\` or control byte (< 0x20): where a JSON string's plain
/// run ends.
pub(crate) fn string_end(bytes: &[u8]) -> Option<usize> {
    first(
        bytes,
        |w| eq(w, b'"') | eq(w, b'\\') | below(w, 0x20),
        |b| b == b'"' || b == b'\\' || b < 0x20,
    )
}

/// The first control character (< 0x20 or 0x7f; all are ASCII).
pub(crate) fn control(bytes: &[u8]) -> Option<usize> {
    first(bytes, |w| below(w, 0x20) | eq(w, 0x7f), |b| b < 0x20 || b == 0x7f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_agree_with_plain_loops() {
        let plain_string = |b: &[u8]| b.iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20);
        let plain_control = |b: &[u8]| b.iter().position(|&c| c < 0x20 || c == 0x7f);
        for special in [b'"', b'\\', 0u8, 0x07, 0x1f, 0x7f] {
            for at in 0..24 {
                let mut bytes: Vec<u8> = "ab жж cd ef gh ij kl mnopq".bytes().take(24).collect();
                bytes[at] = special;
                assert_eq!(string_end(&bytes), plain_string(&bytes), "{special} at {at}");
                assert_eq!(control(&bytes), plain_control(&bytes), "{special} at {at}");
            }
        }
        assert_eq!(string_end(b""), None);
        assert_eq!(control("plain text, no control".as_bytes()), None);
        assert_eq!(control("\u{80}\u{ff}\u{7e}".as_bytes()), None);
        assert_eq!(string_end("жжжжжжж\"".as_bytes()), Some(14));
    }
}
