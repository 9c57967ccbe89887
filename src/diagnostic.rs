//! Findings as plain data: [`Diagnostic`], [`Fix`], [`Severity`].

use std::borrow::Cow;

use serde::Serialize;

use crate::pointer::Pointer;
use crate::rule::Rule;
pub use crate::rule::Severity;
use crate::span::{Position, Span};

/// Whether a fix may be applied without a person looking at it.
///
/// ```
/// use client_lint::Applicability;
/// assert!(Applicability::Safe > Applicability::Unsafe);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Applicability {
    /// The replacement is likely but not certain (`--unsafe-fixes`).
    Unsafe,
    /// The replacement is certainly what was meant (`--fix`).
    Safe,
}

impl Applicability {
    /// `"safe"` or `"unsafe"`.
    ///
    /// ```
    /// assert_eq!(client_lint::Applicability::Unsafe.as_str(), "unsafe");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// A correction: replace the whole value at `pointer`, or remove the member.
///
/// ```
/// let report = client_lint::lint_str(r#"{"type": "j"}"#, &Default::default());
/// let fix = report.diagnostics()[0].fix().unwrap();
/// assert_eq!(fix.pointer(), "/type");
/// assert_eq!(fix.value(), Some(&serde_json::json!("J")));
/// assert!(!fix.is_remove());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fix {
    pointer: Cow<'static, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    remove: bool,
    applicability: Applicability,
    /// The text edit, when the document was linted from text.
    #[serde(skip)]
    pub(crate) edit: Option<Edit>,
}

/// A byte-range replacement in the linted text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Fix {
    pub(crate) fn replace(
        pointer: Cow<'static, str>,
        value: serde_json::Value,
        applicability: Applicability,
    ) -> Self {
        Fix {
            pointer,
            value: Some(value),
            remove: false,
            applicability,
            edit: None,
        }
    }

    pub(crate) fn remove(pointer: Cow<'static, str>, applicability: Applicability) -> Self {
        Fix {
            pointer,
            value: None,
            remove: true,
            applicability,
            edit: None,
        }
    }

    /// The JSON Pointer of the value to replace or the member to remove.
    pub fn pointer(&self) -> &str {
        &self.pointer
    }

    /// The replacement value, or `None` for a removal.
    pub fn value(&self) -> Option<&serde_json::Value> {
        self.value.as_ref()
    }

    /// Whether the fix removes the member at [`Fix::pointer`].
    pub fn is_remove(&self) -> bool {
        self.remove
    }

    /// Whether `--fix` applies it (`Safe`) or only `--unsafe-fixes` (`Unsafe`).
    pub fn applicability(&self) -> Applicability {
        self.applicability
    }

    /// The byte span this fix replaces in the linted text and the text it writes
    /// there; `None` for reports made by [`crate::lint_value`].
    ///
    /// ```
    /// let text = r#"{"type": "j"}"#;
    /// let report = client_lint::lint_str(text, &Default::default());
    /// let (span, new) = report.diagnostics()[0].fix().unwrap().edit().unwrap();
    /// assert_eq!(&text[span.start..span.end], "\"j\"");
    /// assert_eq!(new, "\"J\"");
    /// ```
    pub fn edit(&self) -> Option<(Span, &str)> {
        self.edit.as_ref().map(|e| (e.span, e.replacement.as_str()))
    }
}

/// One finding.
///
/// Serialises as the record documented in the README:
/// `code`, `name`, `severity`, `pointer`, `message`, `help`, `line`, `column`,
/// `end_line`, `end_column`, `span`, `fix`. Optional members are left out when
/// absent.
///
/// ```
/// let report = client_lint::lint_str("{\n  \"timezone\": \"europe/moscow\"\n}", &Default::default());
/// let d = &report.diagnostics()[0];
/// assert_eq!(d.name(), "timezone-wrong-case");
/// assert_eq!(d.pointer(), Some("/timezone"));
/// assert_eq!((d.start().unwrap().line, d.start().unwrap().column), (2, 15));
/// let json = serde_json::to_value(d).unwrap();
/// assert_eq!(json["fix"]["value"], "Europe/Moscow");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub(crate) rule: Rule,
    severity: Severity,
    /// Shared with the findings beside it; written out on first request.
    pointer: Option<Pointer>,
    pointer_text: PointerText,
    message: String,
    help: Option<String>,
    /// Start and end: filled in for the whole text at once, after linting.
    positions: Option<(Position, Position)>,
    span: Option<Span>,
    fix: Option<Fix>,
}

/// The record documented in the README, keys in that order; absent optional
/// members left out. Code and name come from the rule (a finding holds only
/// the rule: 328 → 272 bytes a finding).
impl Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let present = usize::from(self.help.is_some())
            + 4 * usize::from(self.positions.is_some())
            + usize::from(self.span.is_some())
            + usize::from(self.fix.is_some());
        let mut st = s.serialize_struct("Diagnostic", 5 + present)?;
        st.serialize_field("code", self.code())?;
        st.serialize_field("name", self.name())?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("pointer", &self.pointer_text())?;
        st.serialize_field("message", &self.message)?;
        match &self.help {
            Some(h) => st.serialize_field("help", h)?,
            None => st.skip_field("help")?,
        }
        match self.positions {
            Some((start, end)) => {
                st.serialize_field("line", &start.line)?;
                st.serialize_field("column", &start.column)?;
                st.serialize_field("end_line", &end.line)?;
                st.serialize_field("end_column", &end.column)?;
            }
            None => {
                for key in ["line", "column", "end_line", "end_column"] {
                    st.skip_field(key)?;
                }
            }
        }
        match &self.span {
            Some(span) => st.serialize_field("span", span)?,
            None => st.skip_field("span")?,
        }
        match &self.fix {
            Some(fix) => st.serialize_field("fix", fix)?,
            None => st.skip_field("fix")?,
        }
        st.end()
    }
}

impl Diagnostic {
    /// Forget the fix: the text it would edit cannot be rewritten.
    pub(crate) fn drop_fix(&mut self) {
        self.fix = None;
    }

    pub(crate) fn new(
        rule: Rule,
        severity: Severity,
        pointer: Option<Pointer>,
        span: Option<Span>,
        message: String,
        help: Option<String>,
        fix: Option<Fix>,
    ) -> Self {
        Diagnostic {
            rule,
            severity,
            pointer,
            pointer_text: PointerText::default(),
            message,
            help,
            positions: None,
            span,
            fix,
        }
    }

    pub(crate) fn set_positions(&mut self, start: Position, end: Position) {
        self.positions = Some((start, end));
    }

    /// Shift spans by `offset` bytes (for records linted out of a larger file).
    pub(crate) fn shift(&mut self, offset: usize) {
        if offset == 0 {
            return;
        }
        if let Some(s) = &mut self.span {
            s.start += offset;
            s.end += offset;
        }
        if let Some(Fix { edit: Some(edit), .. }) = &mut self.fix {
            edit.span.start += offset;
            edit.span.end += offset;
        }
    }

    /// The rule that produced this finding.
    pub fn rule(&self) -> Rule {
        self.rule
    }

    /// Stable code, e.g. `CL401`.
    pub fn code(&self) -> &'static str {
        self.rule.info().code
    }

    /// Kebab-case rule name, e.g. `unknown-timezone`.
    pub fn name(&self) -> &'static str {
        self.rule.info().name
    }

    /// Severity after the options' overrides.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// RFC 6901 JSON Pointer of the offending key or value; `""` is the document
    /// root; `None` for syntax and encoding errors.
    pub fn pointer(&self) -> Option<&str> {
        let p = self.pointer.as_ref()?;
        Some(match p {
            Pointer::Static(t) => t,
            Pointer::Text(t) => t,
            Pointer::Path(_) => self.pointer_text.0.get_or_init(|| p.render().into()),
        })
    }

    /// The pointer's text without keeping it: written out and dropped, so
    /// that serialising findings deep in nested data holds no copy of their
    /// paths (10,000 of them under 120 KB paths would hold 1.2 GB).
    pub(crate) fn pointer_text(&self) -> Option<Cow<'_, str>> {
        let p = self.pointer.as_ref()?;
        Some(match self.pointer_text.0.get() {
            Some(t) => Cow::Borrowed(t),
            None => p.render(),
        })
    }

    /// What is wrong, in the chosen language.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// What to write instead, when there is something to say.
    pub fn help(&self) -> Option<&str> {
        self.help.as_deref()
    }

    /// Byte span in the linted text (`None` from [`crate::lint_value`]).
    pub fn span(&self) -> Option<Span> {
        self.span
    }

    /// Start position (`None` from [`crate::lint_value`]).
    pub fn start(&self) -> Option<Position> {
        self.positions.map(|(start, _)| start)
    }

    /// End position, exclusive (`None` from [`crate::lint_value`]).
    pub fn end(&self) -> Option<Position> {
        self.positions.map(|(_, end)| end)
    }

    /// The suggested correction, if any.
    pub fn fix(&self) -> Option<&Fix> {
        self.fix.as_ref()
    }
}

/// A pointer's text once written out: a cache, never part of what the
/// finding is (equal findings are equal whether or not it is filled).
#[derive(Debug, Clone, Default)]
struct PointerText(std::sync::OnceLock<Box<str>>);

impl PartialEq for PointerText {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
