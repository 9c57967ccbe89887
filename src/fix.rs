//! Applying fixes: to a text, once or until none is left.

use crate::batch::{Layout, is_ndjson, lint_records, skip_ws};
use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::lint::lint_str;
use crate::options::Options;

/// Whether unsafe fixes are applied too (safe ones always are).
///
/// ```
/// use client_lint::UnsafeFixes;
/// assert_eq!(UnsafeFixes::default(), UnsafeFixes::Skip);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum UnsafeFixes {
    /// Safe fixes only (`--fix`).
    #[default]
    Skip,
    /// Unsafe fixes too (`--fix --unsafe-fixes`): a person should review them.
    Apply,
}

impl UnsafeFixes {
    fn allows(self, a: Applicability) -> bool {
        a == Applicability::Safe || self == UnsafeFixes::Apply
    }
}

/// Apply the fixes of `diagnostics` to `text`: safe ones, and unsafe ones too
/// with [`UnsafeFixes::Apply`]. Overlapping edits after the first are skipped
/// (run again to apply them); identical edits are applied once. Bytes outside
/// the edited spans are copied unchanged.
///
/// ```
/// use client_lint::UnsafeFixes;
/// let text = "{\n  \"type\": \"j\",\n  \"geo_list\": \"ru, by\"\n}\n";
/// let report = client_lint::lint_str(text, &Default::default());
/// let fixed = client_lint::apply_fixes(text, report.diagnostics(), UnsafeFixes::Skip);
/// assert_eq!(fixed.applied, 2);
/// assert_eq!(fixed.text, "{\n  \"type\": \"J\",\n  \"geo_list\": \"RU BY\"\n}\n");
/// ```
#[must_use]
pub fn apply_fixes<'d>(
    text: &str,
    diagnostics: impl IntoIterator<Item = &'d Diagnostic>,
    unsafe_fixes: UnsafeFixes,
) -> Fixed {
    let mut edits: Vec<&Edit> = diagnostics
        .into_iter()
        .filter_map(|d| d.fix())
        .filter(|f| unsafe_fixes.allows(f.applicability()))
        .filter_map(|f| f.edit.as_ref())
        .filter(|e| {
            e.span.end <= text.len()
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
        })
        .collect();
    edits.sort();
    edits.dedup();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut applied = 0;
    for e in edits {
        if e.span.start < copied {
            continue;
        }
        out.push_str(&text[copied..e.span.start]);
        out.push_str(&e.replacement);
        copied = e.span.end;
        applied += 1;
    }
    out.push_str(&text[copied..]);
    Fixed { text: out, applied }
}

/// The result of [`apply_fixes`], [`fix_str`] and [`fix_records`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Fixed {
    /// The fixed text (the input itself when nothing applied).
    pub text: String,
    /// How many edits were applied in all.
    pub applied: usize,
}

/// Most passes of fix → lint → fix before giving up on convergence.
const MAX_FIX_PASSES: usize = 10;

/// Apply fixes until none is left (at most 10 passes): each pass lints the
/// text again, so fixes that touched the same value are applied in turn.
/// A text with a syntax error is returned unchanged.
///
/// ```
/// let fixed = client_lint::fix_str(r#"{"timezone": " europe/kiev "}"#, &Default::default(), client_lint::UnsafeFixes::Skip);
/// assert_eq!(fixed.text, r#"{"timezone": "Europe/Kyiv"}"#);
/// ```
#[must_use]
pub fn fix_str(text: &str, options: &Options, unsafe_fixes: UnsafeFixes) -> Fixed {
    fix_document(text, options, unsafe_fixes).0
}

/// [`fix_str`], and whether the text had a syntax error.
fn fix_document(text: &str, options: &Options, unsafe_fixes: UnsafeFixes) -> (Fixed, bool) {
    fix_loop(text, unsafe_fixes, |t| {
        let r = lint_str(t, options);
        (r.has_syntax_error(), r.into_diagnostics())
    })
}

/// NDJSON fixed line by line: memory holds the output and one line's
/// findings, not the whole file's. Blank lines and line ends are copied as
/// they are. A line with a syntax error leaves the whole text unchanged, as
/// for any file with one.
fn fix_ndjson(text: &str, options: &Options, unsafe_fixes: UnsafeFixes) -> Fixed {
    let mut out = String::with_capacity(text.len());
    let mut applied = 0;
    for line in text.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        if body.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\r')) {
            out.push_str(line);
            continue;
        }
        let (fixed, broken) = fix_document(body, options, unsafe_fixes);
        if broken {
            // The partial output goes before the copy is made: the input
            // and one copy at most.
            drop(out);
            return Fixed {
                text: text.to_string(),
                applied: 0,
            };
        }
        out.push_str(&fixed.text);
        out.push_str(&line[body.len()..]);
        applied += fixed.applied;
    }
    Fixed { text: out, applied }
}

/// [`fix_str`] for a file of records (one object, an array, or NDJSON).
///
/// ```
/// use client_lint::{Layout, UnsafeFixes, fix_records};
/// let text = "{\"type\": \"j\"}\n{\"type\": \"f\"}\n";
/// let fixed = fix_records(text, &Default::default(), Layout::Auto, UnsafeFixes::Skip);
/// assert_eq!(fixed.text, "{\"type\": \"J\"}\n{\"type\": \"F\"}\n");
/// ```
#[must_use]
pub fn fix_records(text: &str, options: &Options, layout: Layout, unsafe_fixes: UnsafeFixes) -> Fixed {
    if is_ndjson(text, layout) {
        return fix_ndjson(text, options, unsafe_fixes);
    }
    if let Some(fixed) = fix_array(text, options, unsafe_fixes) {
        return fixed;
    }
    fix_whole(text, options, layout, unsafe_fixes)
}

/// A file of records fixed in one piece: every finding of every record held
/// at once. The reference [`fix_array`] is tested against, and the way for
/// texts it leaves alone.
fn fix_whole(text: &str, options: &Options, layout: Layout, unsafe_fixes: UnsafeFixes) -> Fixed {
    fix_loop(text, unsafe_fixes, |t| {
        let records = lint_records(t, options, layout);
        let broken = records.iter().any(|r| r.report.has_syntax_error());
        (
            broken,
            records
                .into_iter()
                .flat_map(|r| r.report.into_diagnostics())
                .collect(),
        )
    })
    .0
}

/// A JSON array of records fixed element by element, as NDJSON is line by
/// line: memory holds the output and one record's findings, not the whole
/// array's. Records are checked apart in an array too, so each element's
/// fixes are the ones the whole array would get. The bytes between elements
/// are copied as they are. A syntax error anywhere (in an element, between
/// them, after the array) leaves the whole text unchanged. `None` for texts
/// that start with anything but white space and `[` (a byte order mark
/// too), or hold an empty array: [`fix_whole`] takes those.
fn fix_array(text: &str, options: &Options, unsafe_fixes: UnsafeFixes) -> Option<Fixed> {
    let bytes = text.as_bytes();
    let open = skip_ws(text, 0);
    if bytes.get(open) != Some(&b'[') {
        return None;
    }
    let unchanged = || Fixed {
        text: text.to_string(),
        applied: 0,
    };
    let mut pos = skip_ws(text, open + 1);
    if bytes.get(pos) == Some(&b']') {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut applied = 0;
    loop {
        let parsed = crate::syntax::parse(text, pos, true);
        if !parsed.errors.is_empty() || parsed.root.is_none() {
            return Some(unchanged());
        }
        let end = parsed.end;
        drop(parsed);
        let (fixed, broken) = fix_document(&text[pos..end], options, unsafe_fixes);
        if broken {
            return Some(unchanged());
        }
        out.push_str(&text[copied..pos]);
        out.push_str(&fixed.text);
        copied = end;
        applied += fixed.applied;
        let next = skip_ws(text, end);
        match bytes.get(next) {
            Some(b',') => {
                pos = skip_ws(text, next + 1);
                if bytes.get(pos) == Some(&b']') {
                    return Some(unchanged());
                }
            }
            Some(b']') if skip_ws(text, next + 1) == text.len() => break,
            _ => return Some(unchanged()),
        }
    }
    out.push_str(&text[copied..]);
    Some(Fixed { text: out, applied })
}

/// The passes of fixing; also whether the text had a syntax error (it is
/// then returned unchanged).
fn fix_loop(
    text: &str,
    unsafe_fixes: UnsafeFixes,
    lint: impl Fn(&str) -> (bool, Vec<Diagnostic>),
) -> (Fixed, bool) {
    // The input is read where it lies until a pass changes it: a large
    // document is held twice at most (input and output), not three times.
    let mut current = std::borrow::Cow::Borrowed(text);
    let mut applied = 0;
    let mut first = true;
    for _ in 0..MAX_FIX_PASSES {
        let (broken, diags) = lint(&current);
        if broken {
            return (
                Fixed {
                    text: current.into_owned(),
                    applied,
                },
                first,
            );
        }
        first = false;
        // Nothing to apply: no pass writes a copy of the text.
        let applicable = diags
            .iter()
            .filter_map(Diagnostic::fix)
            .any(|f| f.edit.is_some() && unsafe_fixes.allows(f.applicability()));
        if !applicable {
            break;
        }
        let next = apply_fixes(&current, &diags, unsafe_fixes);
        if next.applied == 0 || next.text == *current {
            break;
        }
        current = std::borrow::Cow::Owned(next.text);
        applied += next.applied;
    }
    (
        Fixed {
            text: current.into_owned(),
            applied,
        },
        false,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Records with safe and unsafe fixes, fixes that need two passes, clean
    /// ones, broken ones and values that are not records.
    const ELEMENTS: &[&str] = &[
        r#"{"type": "j", "geo_list": "ru, by"}"#,
        r#"{"timezone": " europe/kiev ", "email": "Ops@Acme.example"}"#,
        r#"{"name": "Acme", "type": "J"}"#,
        r#"{"id": 7, "domain": "PBX.Acme.Example", "language": "RU"}"#,
        "{\n  \"extension_len\": 3,\r\n  \"hold_music\": \"1\"\n}",
        r#"{"type": "j", "type": "f"}"#,
        r#"{"name": "\ud800", "type": "j"}"#,
        r#"{"type": "j""#,
        r#"{"type": "j",}"#,
        r#""client""#,
        "[]",
        "{}",
        "null",
    ];
    fn array_text() -> impl Strategy<Value = String> {
        crate::testgen::array_text(ELEMENTS, 0, 6)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Element by element gives exactly what fixing the whole array
        /// gives, safe fixes and unsafe ones, broken texts included.
        #[test]
        fn array_by_element_is_the_whole_array(text in array_text(), unsafe_too in any::<bool>()) {
            let u = if unsafe_too { UnsafeFixes::Apply } else { UnsafeFixes::Skip };
            let options = Options::default();
            let whole = fix_whole(&text, &options, Layout::Auto, u);
            let by_element = fix_records(&text, &options, Layout::Auto, u);
            prop_assert_eq!(&by_element.text, &whole.text);
            prop_assert_eq!(by_element.applied, whole.applied);
        }
    }

    /// The element path is taken, and fixes what it should: the test above
    /// would pass trivially if every text fell back to the whole.
    #[test]
    fn arrays_are_fixed_by_element() {
        let text = "[\n  {\"type\": \"j\"},\n  {\"geo_list\": \"ru, by\"}\n]\n";
        let fixed = fix_array(text, &Options::default(), UnsafeFixes::Skip).expect("an array");
        assert_eq!(
            fixed.text,
            "[\n  {\"type\": \"J\"},\n  {\"geo_list\": \"RU BY\"}\n]\n"
        );
        assert_eq!(fixed.applied, 2);
        let broken = "[{\"type\": \"j\"} {\"type\": \"f\"}]";
        let kept = fix_array(broken, &Options::default(), UnsafeFixes::Skip).expect("an array");
        assert_eq!((kept.text.as_str(), kept.applied), (broken, 0));
        assert!(fix_array("\u{feff}[{}]", &Options::default(), UnsafeFixes::Skip).is_none());
    }
}
