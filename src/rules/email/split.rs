//! Where an e-mail address splits: the `@` between local part and domain,
//! several addresses in one value, and the quoted local part's grammar.

use crate::error::EmailProblem;

/// Index of the `@` that ends the local part (after a quoted string when the
/// local part is quoted), or what is wrong instead.
pub(super) fn split_at(s: &str) -> Result<usize, EmailProblem> {
    if s.starts_with('"') {
        let mut escaped = false;
        for (i, c) in s.char_indices().skip(1) {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' if s[i + 1..].starts_with('@') => return Ok(i + 1),
                '"' if s[i + 1..].contains('@') => return Err(EmailProblem::TextAfterQuotes),
                '"' => return Err(EmailProblem::MissingAt),
                _ => {}
            }
        }
        Err(EmailProblem::MissingAt)
    } else {
        s.find('@').ok_or(EmailProblem::MissingAt)
    }
}

/// The parts before and after the `@` that [`validate`] splits at (the
/// first outside quotes), for messages that name the domain.
pub(super) fn local_and_domain(t: &str) -> (&str, &str) {
    split_at(t).map_or((t, ""), |i| (&t[..i], &t[i + 1..]))
}

/// Whether `s` holds more than one address: several `@` outside quotes with
/// a separator between them.
pub(super) fn looks_multiple(s: &str) -> bool {
    // Every character that matters is ASCII: scan bytes.
    let mut in_quote = false;
    let mut escaped = false;
    let mut ats = 0;
    let mut separator_after_at = false;
    for c in s.bytes() {
        match c {
            _ if escaped => escaped = false,
            b'\\' if in_quote => escaped = true,
            b'"' => in_quote = !in_quote,
            b'@' if !in_quote => {
                if separator_after_at {
                    return true;
                }
                ats += 1;
            }
            b',' | b';' | b' ' if !in_quote && ats > 0 => separator_after_at = true,
            _ => {}
        }
    }
    false
}

/// What is wrong with a quoted local part, RFC 5321 section 4.1.2:
/// `Quoted-string = DQUOTE *QcontentSMTP DQUOTE`, where `qtextSMTP` is
/// printable ASCII but `"` and `\`, and `quoted-pairSMTP` is `\` followed by
/// any printable ASCII or space (`"a\ b"` is valid). A tab is never allowed.
pub(super) fn quoted_local_part(local: &str) -> Option<EmailProblem> {
    let inner = local.strip_prefix('"')?.strip_suffix('"');
    let Some(inner) = inner.filter(|_| local.len() >= 2) else {
        return Some(EmailProblem::LocalCharacter);
    };
    let mut bytes = inner.bytes();
    while let Some(b) = bytes.next() {
        match b {
            b'\\' => {
                if !bytes.next().is_some_and(|n| (32..=126).contains(&n)) {
                    return Some(EmailProblem::LocalCharacter);
                }
            }
            b'"' => return Some(EmailProblem::TextAfterQuotes),
            32..=126 => {}
            _ => return Some(EmailProblem::LocalCharacter),
        }
    }
    None
}
