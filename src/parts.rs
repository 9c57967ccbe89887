//! Large JSON arrays read in parts: cut between top-level elements, each
//! part linted on its own (on any thread), the parts joined in order into
//! exactly the records [`crate::lint_records`] gives. Memory is bounded by the
//! parts in flight, not by the findings of the whole array.
//!
//! Cutting is a guess made by a quick scan for strings and brackets; joining
//! checks each guess against where reading the previous part really ended,
//! and reads the rest of the array in one piece when the two differ (broken
//! text can fool the scan), so the records never depend on the cuts.

use crate::batch::{elements, first_element, skip_ws};
use crate::fleet::Keys;
use crate::lint::bom;
use crate::options::Options;
use crate::report::{Record, Report, resolve_positions_from};
use crate::rules::Ctx;
use crate::span::Position;

/// Where a JSON array is cut: an iterator of [`Part`]s, each about `target`
/// bytes of whole elements (a larger element is a part of its own). The
/// scan is lazy: taking a part reads only as far as its end.
#[derive(Debug, Clone)]
pub struct ArrayParts<'t> {
    text: &'t str,
    target: usize,
    /// The array's `[`.
    open: usize,
    /// Where the next part begins.
    from: usize,
    /// Where scanning resumes, and the bracket depth there.
    scan: usize,
    depth: usize,
    done: bool,
}

impl<'t> ArrayParts<'t> {
    /// The parts of `text` when it holds a JSON array (after an optional
    /// byte order mark and white space), `None` for any other text.
    ///
    /// ```
    /// use client_lint::stream::ArrayParts;
    /// assert_eq!(ArrayParts::new("[{}, {}, {}]", 1).unwrap().count(), 3);
    /// assert_eq!(ArrayParts::new("[{}, {}, {}]", 1 << 20).unwrap().count(), 1);
    /// assert!(ArrayParts::new("{}", 1).is_none());
    /// ```
    pub fn new(text: &'t str, target: usize) -> Option<Self> {
        let start = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
        let open = skip_ws(text, start);
        (text.as_bytes().get(open) == Some(&b'[')).then_some(ArrayParts {
            text,
            target: target.max(1),
            open,
            from: 0,
            scan: open + 1,
            depth: 1,
            done: false,
        })
    }
}

/// The byte after the string whose contents start at `i` (or the end).
fn string_close(bytes: &[u8], mut i: usize) -> usize {
    loop {
        let Some(rest) = bytes.get(i..) else {
            return bytes.len();
        };
        match crate::swar::string_end(rest) {
            None => return bytes.len(),
            Some(j) => match bytes[i + j] {
                b'"' => return i + j + 1,
                b'\\' => i += j + 2,
                _ => i += j + 1,
            },
        }
    }
}

impl Iterator for ArrayParts<'_> {
    type Item = Part;

    fn next(&mut self) -> Option<Part> {
        if self.done {
            return None;
        }
        let bytes = self.text.as_bytes();
        let from = self.from;
        let first = from == 0;
        let start = if first { self.open } else { from };
        let mut i = self.scan;
        while i < bytes.len() {
            match bytes[i] {
                b'"' => {
                    i = string_close(bytes, i + 1);
                    continue;
                }
                b'{' | b'[' => self.depth += 1,
                b'}' | b']' => {
                    self.depth = self.depth.saturating_sub(1);
                    if self.depth == 0 {
                        break;
                    }
                }
                b',' if self.depth == 1 => {
                    let next = skip_ws(self.text, i + 1);
                    if next - from >= self.target && next < bytes.len() && bytes[next] != b']' {
                        self.from = next;
                        self.scan = next;
                        return Some(Part {
                            from,
                            start,
                            stop: next,
                            first,
                        });
                    }
                }
                _ => {}
            }
            i += 1;
        }
        self.done = true;
        Some(Part {
            from,
            start,
            stop: usize::MAX,
            first,
        })
    }
}

/// One part of an array, to be linted with [`Part::lint`] on any thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    /// Where the part's text begins; its positions count from here.
    from: usize,
    /// Where reading begins: the `[` for the first part, else an element.
    start: usize,
    /// An element that starts at or after this belongs to the next part.
    stop: usize,
    first: bool,
}

impl Part {
    /// The part's byte range in the text (the last part's ends at `usize::MAX`).
    ///
    /// ```
    /// use client_lint::stream::ArrayParts;
    /// let ranges: Vec<_> = ArrayParts::new("[{}, {}]", 1).unwrap().map(|p| p.range()).collect();
    /// assert_eq!(ranges, [0..5, 5..usize::MAX]);
    /// ```
    pub fn range(&self) -> std::ops::Range<usize> {
        self.from..self.stop
    }

    /// Lint the part's records. Positions count from the part's start until
    /// [`Joiner::join`] places them in the whole text.
    pub fn lint(&self, text: &str, options: &Options) -> PartReport {
        self.lint_with(text, options, [false; 3])
    }

    /// [`Part::lint`], and the [`Keys`] `options` compare of each record,
    /// read from the same parse, for [`Joiner::join_keyed`].
    ///
    /// ```
    /// use client_lint::fleet::Keys;
    /// use client_lint::stream::{ArrayParts, Joiner};
    /// let text = r#"[{"domain": "a.example"}, {"domain": "b.example"}]"#;
    /// let options = Default::default();
    /// let mut joiner = Joiner::new();
    /// let mut keyed = Vec::new();
    /// for part in ArrayParts::new(text, 1).unwrap() {
    ///     keyed.extend(joiner.join_keyed(text, &options, part.lint_keyed(text, &options)));
    /// }
    /// keyed.extend(joiner.finish_keyed(text, &options));
    /// assert_eq!(keyed.len(), 2);
    /// assert_eq!(keyed[1].1, Keys::of(r#"{"domain": "b.example"}"#));
    /// ```
    pub fn lint_keyed(&self, text: &str, options: &Options) -> PartReport {
        self.lint_with(text, options, crate::fleet::wanted(options))
    }

    fn lint_with(&self, text: &str, options: &Options, wanted: [bool; 3]) -> PartReport {
        let (mut records, keys, next) = if self.first {
            let mut ctx = Ctx::new(options, Some(text));
            bom(&mut ctx, text);
            let found = std::mem::take(&mut ctx.diags);
            let (mut records, keys, next) = match first_element(text, self.start, options) {
                Ok(pos) => {
                    let e = elements(text, pos, options, self.stop, wanted);
                    (e.records, e.keys, e.next)
                }
                Err(records) => (records, Vec::new(), None),
            };
            if !found.is_empty() {
                if records.is_empty() {
                    records.push(Record {
                        index: 0,
                        report: Report::default(),
                        span: None,
                    });
                }
                records[0].report.diagnostics.splice(0..0, found);
            }
            (records, keys, next)
        } else {
            let e = elements(text, self.start, options, self.stop, wanted);
            (e.records, e.keys, e.next)
        };
        let to = next.unwrap_or(text.len());
        let end = resolve_positions_from(text, self.from, &mut records, to);
        PartReport {
            from: self.from,
            records,
            keys,
            next,
            end,
        }
    }
}

/// What linting a [`Part`] found, positions counted from the part's start.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct PartReport {
    from: usize,
    records: Vec<Record>,
    /// [`Part::lint_keyed`]: the keys of the records that have any, by
    /// index in `records`.
    keys: Vec<(usize, Keys)>,
    /// Where the next element starts, if reading stopped before the end.
    next: Option<usize>,
    /// The position of `next` (or of the end), counted from `from`.
    end: Position,
}

/// Joins [`PartReport`]s, in the order of their parts, into records numbered
/// and positioned in the whole text.
///
/// Fixes: a text with a syntax error is never rewritten, so once a record
/// with one is joined, no record joined after it carries a fix
/// ([`Joiner::broken`] says so); records already returned keep theirs.
/// [`crate::lint_records`] drops them all.
#[derive(Debug, Clone)]
pub struct Joiner {
    /// Where the next part must begin; `None` when all is read.
    expected: Option<usize>,
    /// The position of `expected`.
    at: Position,
    index: usize,
    broken: bool,
}

/// Records placed in the whole text, and the keys of those that have any,
/// by index in them.
type Placed = (Vec<Record>, Vec<(usize, Keys)>);

/// Each record with its keys (none when it has none).
fn paired((records, keys): Placed) -> Vec<(Record, Keys)> {
    let mut keys = keys.into_iter().peekable();
    records
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            (
                r,
                keys.next_if(|(at, _)| *at == i)
                    .map(|(_, k)| k)
                    .unwrap_or_default(),
            )
        })
        .collect()
}

impl Default for Joiner {
    fn default() -> Self {
        Joiner::new()
    }
}

impl Joiner {
    /// A joiner at the start of the text.
    pub fn new() -> Self {
        Joiner {
            expected: Some(0),
            at: Position { line: 1, column: 1 },
            index: 0,
            broken: false,
        }
    }

    /// The records of the next part. When the previous part's reading ended
    /// somewhere else than this part's cut (broken text), the rest of the
    /// array is read here in one piece, and later parts give nothing.
    pub fn join(&mut self, text: &str, options: &Options, report: PartReport) -> Vec<Record> {
        self.join_with(text, options, report, false).0
    }

    /// [`Joiner::join`] for parts read by [`Part::lint_keyed`]: each record
    /// with its [`Keys`] (the rest of a broken array is read keyed too).
    pub fn join_keyed(&mut self, text: &str, options: &Options, report: PartReport) -> Vec<(Record, Keys)> {
        paired(self.join_with(text, options, report, true))
    }

    fn join_with(&mut self, text: &str, options: &Options, report: PartReport, keyed: bool) -> Placed {
        match self.expected {
            Some(e) if e == report.from => self.place(report),
            Some(_) => self.finish_with(text, options, keyed),
            None => Placed::default(),
        }
    }

    /// After the last part: the records of what is left unread (nothing,
    /// unless the cuts were wrong).
    pub fn finish(&mut self, text: &str, options: &Options) -> Vec<Record> {
        self.finish_with(text, options, false).0
    }

    /// [`Joiner::finish`] for parts read by [`Part::lint_keyed`].
    pub fn finish_keyed(&mut self, text: &str, options: &Options) -> Vec<(Record, Keys)> {
        paired(self.finish_with(text, options, true))
    }

    fn finish_with(&mut self, text: &str, options: &Options, keyed: bool) -> Placed {
        let Some(from) = self.expected else {
            return Placed::default();
        };
        let part = if from == 0 {
            ArrayParts::new(text, usize::MAX).and_then(|mut p| p.next())
        } else {
            Some(Part {
                from,
                start: from,
                stop: usize::MAX,
                first: false,
            })
        };
        if let Some(p) = part {
            let report = if keyed {
                p.lint_keyed(text, options)
            } else {
                p.lint(text, options)
            };
            self.place(report)
        } else {
            self.expected = None;
            Placed::default()
        }
    }

    /// Whether a record with a syntax error was joined.
    pub fn broken(&self) -> bool {
        self.broken
    }

    /// The part's records placed in the whole text, and the keys of those
    /// that have any, by index in them.
    fn place(&mut self, report: PartReport) -> Placed {
        let PartReport {
            mut records,
            keys,
            next,
            end,
            ..
        } = report;
        self.broken = self.broken || records.iter().any(|r| r.report.has_syntax_error());
        for r in &mut records {
            r.index += self.index;
            for d in &mut r.report.diagnostics {
                if let (Some(s), Some(e)) = (d.start(), d.end()) {
                    d.set_positions(self.place_at(s), self.place_at(e));
                }
                if self.broken {
                    d.drop_fix();
                }
            }
        }
        self.index += records.len();
        self.at = self.place_at(end);
        self.expected = next;
        (records, keys)
    }

    /// A position counted from the current part's start, in the whole text.
    fn place_at(&self, p: Position) -> Position {
        if p.line == 1 {
            Position {
                line: self.at.line,
                column: self.at.column + p.column - 1,
            }
        } else {
            Position {
                line: self.at.line + p.line - 1,
                column: p.column,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::{Layout, lint_records};

    /// Drop every fix, as a whole broken file has none.
    fn without_fixes(mut records: Vec<Record>) -> Vec<Record> {
        records
            .iter_mut()
            .flat_map(|r| &mut r.report.diagnostics)
            .for_each(Diagnostic::drop_fix);
        records
    }
    use proptest::prelude::*;

    /// Lint the parts back to front (as threads might finish), join in order.
    fn by_parts(text: &str, target: usize) -> Vec<Record> {
        let options = Options::default();
        let parts: Vec<Part> = ArrayParts::new(text, target).expect("an array").collect();
        let mut reports: Vec<PartReport> = parts.iter().rev().map(|p| p.lint(text, &options)).collect();
        reports.reverse();
        join_all(text, reports)
    }

    fn join_all(text: &str, reports: Vec<PartReport>) -> Vec<Record> {
        let options = Options::default();
        let mut joiner = Joiner::new();
        let mut records = Vec::new();
        for r in reports {
            records.extend(joiner.join(text, &options, r));
        }
        records.extend(joiner.finish(text, &options));
        if joiner.broken() {
            records = without_fixes(records);
        }
        records
    }

    /// Elements that fool a scan for brackets: brackets, commas and quotes
    /// inside strings, nesting, broken records, non-objects, lines. The six
    /// whole records first, drawn more often, so that most arrays read
    /// cleanly across cuts.
    const ELEMENTS: &[&str] = &[
        r#"{"type": "j"}"#,
        r#"{"name": "a\"],[{\\", "geo_list": "ru by"}"#,
        "{\"extra_params\": {\"a\": [1, {\"b\": \"]\"}]},\n \"type\": \"Q\"}",
        r#"{"type": "J", "type": "J"}"#,
        r#"{"timezone": "Europe/Moskow"}"#,
        "{\"name\": \"строка\", \"colour\": 1}",
        "[1, 2]",
        "7",
        r#"{"type": "j""#,
        r#"{"type" "j"}"#,
        r#"{"a": [}"#,
        r#""],[""#,
        "}",
        "{}",
        r#"{"id": 7, "domain": "A.example", "domain_prefix": "12"}"#,
        r#"{"id": 7.0, "domain": "a.example."}"#,
    ];

    fn array_text() -> impl Strategy<Value = String> {
        crate::testgen::array_text(ELEMENTS, 6, 8)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// Whatever the cuts, the joined parts are the whole array's records:
        /// findings, positions, numbering and fixes.
        #[test]
        fn parts_join_into_the_whole_array(text in array_text(), target in 1usize..60) {
            let whole = lint_records(&text, &Options::default(), Layout::Auto);
            prop_assert_eq!(by_parts(&text, target), whole);
        }

        /// Cuts anywhere at all, not only where the scan puts them: a wrong
        /// cut is found when joining and the rest is read in one piece.
        #[test]
        fn wrong_cuts_change_nothing(text in array_text(), cuts in prop::collection::vec(1usize..200, 0..4)) {
            let options = Options::default();
            let reports = cut_at(&text, cuts).iter().map(|p| p.lint(&text, &options)).collect();
            prop_assert_eq!(join_all(&text, reports), lint_records(&text, &options, Layout::Auto));
        }

        /// Read keyed, across any cuts: the same records, each with the keys
        /// its own text has (`Keys::of`), from the one parse.
        #[test]
        fn keyed_parts_give_each_record_its_keys(text in array_text(), cuts in prop::collection::vec(1usize..200, 0..4)) {
            let options = Options::new().with_mode(crate::Mode::Response);
            let mut joiner = Joiner::new();
            let mut keyed = Vec::new();
            for p in cut_at(&text, cuts) {
                keyed.extend(joiner.join_keyed(&text, &options, p.lint_keyed(&text, &options)));
            }
            keyed.extend(joiner.finish_keyed(&text, &options));
            let (mut records, keys): (Vec<Record>, Vec<Keys>) = keyed.into_iter().unzip();
            if joiner.broken() {
                records = without_fixes(records);
            }
            for (r, k) in records.iter().zip(&keys) {
                let of = r.span.map_or_else(Keys::default, |s| Keys::of(&text[s.start..s.end]).compared_by(&options));
                prop_assert_eq!(k, &of);
            }
            prop_assert_eq!(records, lint_records(&text, &options, Layout::Auto));
        }
    }

    /// Parts of `text` cut at `cuts` (those inside it, after the first
    /// element), wherever they fall.
    fn cut_at(text: &str, cuts: Vec<usize>) -> Vec<Part> {
        let mut parts = vec![ArrayParts::new(text, usize::MAX).unwrap().next().unwrap()];
        let mut at: Vec<usize> = cuts
            .into_iter()
            .filter(|&c| c < text.len() && text.is_char_boundary(c))
            .collect();
        at.sort_unstable();
        at.dedup();
        at.retain(|&c| c > parts[0].start);
        for c in at {
            let last = parts.last_mut().unwrap();
            last.stop = c;
            parts.push(Part {
                from: c,
                start: c,
                stop: usize::MAX,
                first: false,
            });
        }
        parts
    }

    /// The properties above would pass if every text were one part: here a
    /// pretty-printed array is cut where its elements start, and each part
    /// places its findings at the right line and column.
    #[test]
    fn arrays_are_cut_between_elements() {
        let text =
            "[\n  {\"type\": \"j\"},\n  {\"name\": \"],[\", \"type\": \"f\"},\n  {\"type\": \"q\"}\n]\n";
        let starts: Vec<usize> = ArrayParts::new(text, 1)
            .unwrap()
            .map(|p| p.range().start)
            .collect();
        assert_eq!(starts, [0, 21, 53]);
        let records = by_parts(text, 1);
        let at: Vec<_> = records
            .iter()
            .map(|r| {
                let d = &r.report.diagnostics()[0];
                (r.index, d.start().unwrap().line, d.start().unwrap().column)
            })
            .collect();
        assert_eq!(at, [(0, 2, 12), (1, 3, 27), (2, 4, 12)]);
        assert_eq!(records, lint_records(text, &Options::default(), Layout::Auto));
    }

    /// On one long line, columns carry over from part to part.
    #[test]
    fn columns_carry_across_parts_on_one_line() {
        let text = "[{\"type\": \"j\"}, {\"name\": \"ж\", \"type\": \"f\"}]";
        let records = by_parts(text, 1);
        let columns: Vec<usize> = records
            .iter()
            .map(|r| r.report.diagnostics()[0].start().unwrap().column)
            .collect();
        assert_eq!(columns, [11, 39]);
        assert_eq!(records, lint_records(text, &Options::default(), Layout::Auto));
    }
}
