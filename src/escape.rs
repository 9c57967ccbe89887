//! Text from the input or the file system, made safe for a terminal or a CI
//! log: control characters (C0 but tab, DEL, C1, where ESC and 8-bit CSI
//! start terminal sequences) and bidirectional controls (which reorder what
//! a reader sees, as in "Trojan Source") are written as `\u{…}` escapes.
//! A leaf: rules quote values with it, renderers escape paths and excerpts.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal as it is.
pub(crate) fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every character that must not reach a terminal escaped as
/// `\u{…}`; borrowed when there is none (the common case).
///
/// ```
/// use client_lint::render::terminal_safe;
/// assert_eq!(terminal_safe("a.json"), "a.json");
/// assert_eq!(terminal_safe("\u{1b}[2J\n.json"), "\\u{1b}[2J\\u{a}.json");
/// assert_eq!(terminal_safe("ab\u{202e}c\u{9b}"), "ab\\u{202e}c\\u{9b}");
/// ```
pub fn terminal_safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}
