//! What a rule's check works with: the record's [`Ctx`] that collects
//! findings, the [`FieldAt`] being checked (its pointer, spans and fixes),
//! and [`Say`], which writes messages in the chosen language.

use std::borrow::Cow;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::error::FieldError;
use crate::options::{Lang, Options};
use crate::pointer::Pointer;
pub use crate::pointer::pointer_token;
use crate::rule::{Rule, Severity};
use crate::span::Span;
use crate::syntax::{Node, Value};

/// What a message closure may use: the language and the redaction switch.
pub(crate) struct Say {
    pub lang: Lang,
    redact: bool,
}

/// Longest value quoted in a message; longer ones are cut with `…`.
const QUOTE_MAX: usize = 48;

impl Say {
    /// A user value for a message: cut when long, hidden when redacting.
    pub fn quote<'v>(&self, value: &'v str) -> Cow<'v, str> {
        if self.redact {
            return Cow::Borrowed("…");
        }
        // Most values are short and plain: quoted as they are.
        if value.len() <= QUOTE_MAX && !value.chars().any(crate::escape::is_unsafe) {
            return Cow::Borrowed(value);
        }
        let mut out = String::with_capacity(value.len().min(QUOTE_MAX * 4) + 4);
        for (i, c) in value.chars().enumerate() {
            if i == QUOTE_MAX {
                out.push('…');
                break;
            }
            // Keep messages on one line and free of control characters.
            match c {
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                c if crate::escape::is_unsafe(c) => out.push_str(&format!("\\u{{{:04x}}}", c as u32)),
                c => out.push(c),
            }
        }
        Cow::Owned(out)
    }
}

/// The fix a finding proposes.
pub(crate) enum FixSpec {
    Replace(Span, serde_json::Value, Applicability),
    Remove(Span, Applicability),
}

/// A finding's text and fix, made only when the rule is enabled.
pub(crate) struct Finding {
    message: String,
    help: Option<String>,
    fix: Option<FixSpec>,
}

impl Finding {
    pub fn new(message: String) -> Self {
        Finding {
            message,
            help: None,
            fix: None,
        }
    }

    pub fn help(mut self, help: String) -> Self {
        self.help = Some(help);
        self
    }

    pub fn fix(mut self, fix: Option<FixSpec>) -> Self {
        self.fix = fix;
        self
    }
}

/// A field being checked: where it is and how to replace or remove it.
#[derive(Clone, Copy)]
pub(crate) struct FieldAt<'t, 'a> {
    /// The linted text the spans point into (empty for [`crate::lint_value`]).
    pub source: &'t str,
    /// The member's key (a top-level field).
    pub key: &'t str,
    pub key_span: Span,
    pub node: &'t Node<'a>,
    /// The bytes to delete to remove the whole member.
    pub remove_span: Span,
    /// The field, when the key is a known one.
    pub field: Option<&'static crate::fields::FieldInfo>,
    /// Whether findings here may offer a fix that replaces the value (not
    /// for the address inside a display name: replacing the whole value
    /// with it would drop the name).
    pub fixes: bool,
}

impl FieldAt<'_, '_> {
    /// Report `rule` at this field's value; `finding` runs only when the rule
    /// is enabled.
    pub fn emit(&self, ctx: &mut Ctx<'_>, rule: Rule, finding: impl FnOnce(&Say) -> Finding) {
        ctx.emit(rule, || Some(self.pointer()), self.node.span, finding);
    }

    /// Report `rule` at this field, pointing at `span` (its key, or part of
    /// its value).
    pub fn emit_at(&self, ctx: &mut Ctx<'_>, rule: Rule, span: Span, finding: impl FnOnce(&Say) -> Finding) {
        ctx.emit(rule, || Some(self.pointer()), span, finding);
    }

    /// The JSON Pointer of the value, built only when a finding is reported
    /// (a known field's is the field table's).
    pub fn pointer(&self) -> Pointer {
        match self.field {
            Some(f) => Pointer::Static(f.pointer),
            None => Pointer::Text(format!("/{}", pointer_token(self.key))),
        }
    }

    /// Replace the whole value.
    pub fn replace(&self, value: impl Into<serde_json::Value>, a: Applicability) -> Option<FixSpec> {
        self.fixes
            .then(|| FixSpec::Replace(self.node.span, value.into(), a))
    }

    /// The same field, whose findings offer no replacing fix.
    pub fn without_fixes(&self) -> Self {
        FieldAt {
            fixes: false,
            ..*self
        }
    }

    /// A span inside the string value, from a byte range of the decoded string.
    /// Exact when the string holds no escape, or when it is short enough
    /// ([`ESCAPED_MAP_MAX`]) to map escapes back; otherwise the whole value.
    pub fn sub_span(&self, start: usize, end: usize) -> Span {
        let span = self.node.span;
        let base = span.start + 1;
        match &self.node.value {
            _ if span.is_empty() || span.end > self.source.len() => span,
            Value::String(Cow::Borrowed(_)) => Span::new(base + start, base + end),
            Value::String(_) if span.len() <= ESCAPED_MAP_MAX => {
                let raw = &self.source[base..span.end - 1];
                Span::new(base + raw_offset(raw, start), base + raw_offset(raw, end))
            }
            _ => span,
        }
    }
}

/// Longest escaped string whose inner spans are mapped exactly; a longer one
/// reports at the whole value, so that many findings in one huge escaped
/// string stay linear.
const ESCAPED_MAP_MAX: usize = 4096;

/// The byte offset in the raw (escaped) string content that corresponds to
/// byte `target` of the decoded string. Decodes as the parser does: a high
/// surrogate escape followed by a low one is one 4-byte character; a lone
/// surrogate is U+FFFD (3 bytes). Always a character boundary of `raw`.
fn raw_offset(raw: &str, target: usize) -> usize {
    let b = raw.as_bytes();
    let hex = |at: usize| {
        (b.get(at) == Some(&b'\\') && b.get(at + 1) == Some(&b'u'))
            .then(|| {
                raw.get(at + 2..at + 6)
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
            })
            .flatten()
    };
    let (mut r, mut d) = (0, 0);
    while d < target && r < b.len() {
        if b[r] == b'\\' {
            match hex(r) {
                Some(hi)
                    if (0xD800..0xDC00).contains(&hi)
                        && hex(r + 6).is_some_and(|lo| (0xDC00..0xE000).contains(&lo)) =>
                {
                    r += 12;
                    d += 4;
                }
                Some(cp) => {
                    r += 6;
                    d += char::from_u32(cp).map_or(3, char::len_utf8);
                }
                None => {
                    r += 2;
                    d += 1;
                }
            }
        } else {
            let len = raw
                .get(r..)
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8);
            r += len;
            d += len;
        }
    }
    let mut r = r.min(b.len());
    while !raw.is_char_boundary(r) {
        r += 1;
    }
    r
}

/// Collects diagnostics for one record, at most [`Options::get_max_findings`]
/// of them; past that, only how many more there were of each severity.
/// Within the cap the most severe come first: a finding more severe than
/// one kept takes its place (the latest kept of the least severity), so
/// every error is shown unless there are more errors than the cap.
pub(crate) struct Ctx<'o> {
    pub opts: &'o Options,
    /// The text spans point into; empty when linting a value.
    pub source: &'o str,
    pub diags: Vec<Diagnostic>,
    /// Whether spans are real (text) or absent ([`crate::lint_value`]).
    pub spans: bool,
    /// Findings past the cap, by severity: info, warning, error.
    suppressed: [usize; 3],
    /// Indices in `diags` of the kept info and warnings, in order, for
    /// eviction by a more severe finding.
    kept: [Vec<usize>; 2],
    /// Indices in `diags` taken out by eviction, removed at [`Ctx::finish`].
    evicted: Vec<usize>,
}

/// A severity's slot in the per-severity counts: info, warning, error.
fn rank(severity: Severity) -> usize {
    match severity {
        Severity::Error => 2,
        Severity::Warning => 1,
        _ => 0,
    }
}

impl<'o> Ctx<'o> {
    pub fn new(opts: &'o Options, source: Option<&'o str>) -> Self {
        Ctx {
            opts,
            source: source.unwrap_or(""),
            diags: Vec::new(),
            spans: source.is_some(),
            suppressed: [0; 3],
            kept: [Vec::new(), Vec::new()],
            evicted: Vec::new(),
        }
    }

    /// Make room for a finding of `severity` at the cap: evict the latest
    /// kept finding of the least severity below it; `false` when there is
    /// none (the new one is left out).
    fn evict_below(&mut self, severity: Severity) -> bool {
        for r in 0..rank(severity).min(2) {
            if let Some(i) = self.kept[r].pop() {
                self.evicted.push(i);
                self.suppressed[r] += 1;
                return true;
            }
        }
        false
    }

    /// Report `rule` at `span`. `pointer` and `found` run only when the rule
    /// is enabled and the record is under its cap, so a disabled or capped
    /// finding costs no message and no pointer.
    pub fn emit<P: Into<Pointer>>(
        &mut self,
        rule: Rule,
        pointer: impl FnOnce() -> Option<P>,
        span: Span,
        found: impl FnOnce(&Say) -> Finding,
    ) {
        let Some(severity) = self.opts.severity(rule) else {
            return;
        };
        if self.diags.len() - self.evicted.len() >= self.opts.max_findings() && !self.evict_below(severity) {
            self.suppressed[rank(severity)] += 1;
            return;
        }
        if rank(severity) < 2 {
            self.kept[rank(severity)].push(self.diags.len());
        }
        let pointer: Option<Pointer> = pointer().map(Into::into);
        let say = Say {
            lang: self.opts.lang(),
            redact: self.opts.is_redacting(),
        };
        let f = found(&say);
        let source = self.source;
        let fix = f.fix.and_then(|spec| {
            let p = pointer.clone().map(Pointer::into_text).unwrap_or_default();
            let (mut fix, edit) = match spec {
                FixSpec::Replace(span, value, a) => {
                    let replacement = serde_json::to_string(&value).unwrap_or_default();
                    // A fix that would write back the same text is no fix:
                    // it could never converge.
                    if source.get(span.start..span.end) == Some(replacement.as_str()) {
                        return None;
                    }
                    (Fix::replace(p, value, a), Edit { span, replacement })
                }
                FixSpec::Remove(span, a) => (
                    Fix::remove(p, a),
                    Edit {
                        span,
                        replacement: String::new(),
                    },
                ),
            };
            if self.spans {
                fix.edit = Some(edit);
            }
            Some(fix)
        });
        self.diags.push(Diagnostic::new(
            rule,
            severity,
            pointer,
            self.spans.then_some(span),
            f.message,
            f.help,
            fix,
        ));
    }

    /// Close the record: when findings were left out, one more that says how
    /// many, of which severity; an error when any of them was an error, so
    /// that the cap never hides one. At the record's end (`at`); `summary`
    /// writes it from the cap and the counts left out (info, warnings, errors).
    pub fn finish(&mut self, at: Span, summary: impl FnOnce(&Say, usize, [usize; 3]) -> Finding) {
        self.kept.iter_mut().for_each(Vec::clear);
        if !self.evicted.is_empty() {
            let mut gone = vec![false; self.diags.len()];
            for i in self.evicted.drain(..) {
                gone[i] = true;
            }
            let mut i = 0;
            self.diags.retain(|_| {
                i += 1;
                !gone[i - 1]
            });
        }
        let counts = self.suppressed;
        let [info, warnings, errors] = counts;
        if info + warnings + errors == 0 {
            return;
        }
        self.suppressed = [0; 3];
        let severity = if errors > 0 {
            Severity::Error
        } else if warnings > 0 {
            Severity::Warning
        } else {
            Severity::Info
        };
        let max = self.opts.max_findings();
        let say = Say {
            lang: self.opts.lang(),
            redact: self.opts.is_redacting(),
        };
        let f = summary(&say, max, counts);
        self.diags.push(Diagnostic::new(
            Rule::TooManyFindings,
            severity,
            None::<Pointer>,
            self.spans.then_some(at),
            f.message,
            f.help,
            None,
        ));
    }
}

/// The value of a string node, or `None`.
pub(crate) fn as_str<'t>(node: &'t Node<'_>) -> Option<&'t str> {
    match &node.value {
        Value::String(s) => Some(s),
        _ => None,
    }
}

/// A message in both languages, with inline `{captures}`.
macro_rules! tr {
    ($say:expr, $en:literal, $ru:literal $(,)?) => {
        match $say.lang {
            $crate::options::Lang::En => format!($en),
            $crate::options::Lang::Ru => format!($ru),
        }
    };
}
pub(crate) use tr;

/// `str::trim` (Unicode white space, CR/LF included), with a fast path for
/// values whose ends are plainly not white space (the common case).
pub(crate) fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(f), Some(l)) if f.is_ascii_graphic() && l.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// Whether a non-empty value has white space at its start or end (or is
/// white space only). Every structured field's parser asks this first.
pub(crate) fn is_padded(s: &str) -> bool {
    trim(s).len() != s.len()
}

/// A field's public parser, its typed value dropped.
pub(crate) type Parse = fn(&str) -> Result<(), FieldError>;

/// A field's check, declared in its family file beside the code it runs: the
/// function that reads the value, the field's public parser (its typed value
/// dropped), and the rules the check can raise. The field table knows nothing
/// of checks; `dispatch.rs` names each field's.
pub(crate) struct Check {
    /// Reads the value at [`FieldAt`] and reports.
    pub run: fn(&mut Ctx<'_>, &FieldAt<'_, '_>),
    /// The field's one grammar, for structured strings.
    pub parse: Option<Parse>,
    /// Every rule `run` can report at the field (besides the document rules
    /// that apply to any key, and ownership).
    pub rules: &'static [Rule],
}
