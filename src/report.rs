//! [`Report`] and [`Record`]: the findings of one document or record, as
//! plain data.

use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::span::{Position, positions_from};

/// The findings for one document or record, in document order.
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct Report {
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Whether any finding has error severity.
    ///
    /// ```
    /// assert!(client_lint::lint_str("{", &Default::default()).has_errors());
    /// assert!(!client_lint::lint_str("{}", &Default::default()).has_errors());
    /// ```
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity() == crate::Severity::Error)
    }

    /// The findings, in document order.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// A report of `diagnostics`, in the order given (as from
    /// [`Report::into_diagnostics`] of several reports).
    ///
    /// ```
    /// let a = client_lint::lint_str(r#"{"type": "j"}"#, &Default::default());
    /// let both = client_lint::Report::from_diagnostics(a.clone().into_diagnostics());
    /// assert_eq!(both, a);
    /// ```
    pub fn from_diagnostics(diagnostics: Vec<Diagnostic>) -> Report {
        Report { diagnostics }
    }

    /// The findings, by value.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }

    /// How many findings have this severity.
    ///
    /// ```
    /// use client_lint::Severity;
    /// let r = client_lint::lint_str(r#"{"colour": 1, "type": "x"}"#, &Default::default());
    /// assert_eq!((r.count(Severity::Error), r.count(Severity::Warning)), (1, 1));
    /// ```
    pub fn count(&self, severity: crate::Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity() == severity)
            .count()
    }

    /// Whether the text could not be read as JSON (syntax or encoding error):
    /// such a text is never rewritten by fixes.
    pub fn has_syntax_error(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| matches!(d.rule(), Rule::SyntaxError | Rule::InvalidEncoding))
    }

    /// Move every span and line by the given amounts: for a record that was
    /// linted on its own but sits at `byte_offset` and line `line_offset + 1` of
    /// a larger file (NDJSON read line by line).
    ///
    /// ```
    /// let mut r = client_lint::lint_str(r#"{"type": "x"}"#, &Default::default());
    /// r.shift(100, 9);
    /// let d = &r.diagnostics()[0];
    /// assert_eq!(d.span().unwrap().start, 109);
    /// assert_eq!(d.start().unwrap().line, 10);
    /// ```
    pub fn shift(&mut self, byte_offset: usize, line_offset: usize) {
        for d in &mut self.diagnostics {
            d.shift(byte_offset);
            if let (Some(s), Some(e)) = (d.start(), d.end()) {
                d.set_positions(
                    crate::Position {
                        line: s.line + line_offset,
                        column: s.column,
                    },
                    crate::Position {
                        line: e.line + line_offset,
                        column: e.column,
                    },
                );
            }
        }
    }
}

/// A report of `diags` in document order.
pub(crate) fn finish_order(mut diags: Vec<Diagnostic>) -> Report {
    diags.sort_by_key(|d| d.span().map(|s| s.start));
    Report { diagnostics: diags }
}

/// Fill in line and column for every diagnostic with one pass over `text`.
pub(crate) fn resolve_positions(text: &str, reports: &mut [Report]) {
    let diags = reports.iter_mut().flat_map(|r| &mut r.diagnostics).collect();
    place(text, 0, diags, 0);
}

/// Line and column for the findings of `records`, counted from `from`
/// (line 1, column 1 there); the position of `to`, counted the same way.
pub(crate) fn resolve_positions_from(text: &str, from: usize, records: &mut [Record], to: usize) -> Position {
    let diags = records
        .iter_mut()
        .flat_map(|r| &mut r.report.diagnostics)
        .collect();
    place(text, from, diags, to)
}

fn place(text: &str, from: usize, mut diags: Vec<&mut Diagnostic>, to: usize) -> Position {
    let offsets: Vec<usize> = diags
        .iter()
        .filter_map(|d| d.span())
        .flat_map(|s| [s.start, s.end])
        .collect();
    let (pos, end) = positions_from(text, from, &offsets, to);
    let mut i = 0;
    for d in &mut diags {
        if d.span().is_some() {
            d.set_positions(pos[i], pos[i + 1]);
            i += 2;
        }
    }
    end
}

/// One record of a batch and its findings.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Record {
    /// 0-based index of the record in the file.
    pub index: usize,
    /// Its findings; positions and spans are in the whole file.
    pub report: Report,
    /// The record's own bytes in the file (an NDJSON line, an array element,
    /// the one document), when it was read whole; what
    /// [`Fleet`](crate::fleet::Fleet) compares across records.
    pub span: Option<crate::span::Span>,
}

impl Record {
    /// A record of a batch: its index, its findings and, when known, its bytes.
    ///
    /// ```
    /// let r = client_lint::Record::new(3, Default::default(), None);
    /// assert_eq!((r.index, r.report.diagnostics().len()), (3, 0));
    /// ```
    pub fn new(index: usize, report: Report, span: Option<crate::span::Span>) -> Record {
        Record { index, report, span }
    }
}
