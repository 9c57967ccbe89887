//! NDJSON: one JSON value per line, read from any [`BufRead`] a line at a
//! time, so memory is bounded by the longest line, not the input.
//!
//! This is the one implementation of NDJSON in the crate: [`crate::lint_records`]
//! uses it on text in memory, the command line on files of any size. The
//! library does no I/O of its own: it reads only from the reader it is given.

use std::io::{self, BufRead};

use crate::lint::lint_slice;
use crate::options::Options;
use crate::report::Record;

/// One line of an NDJSON input that holds a record (blank lines hold none).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct NdjsonLine {
    /// 0-based index of the record: blank lines are not counted.
    pub index: usize,
    /// 0-based line number in the input: blank lines are counted.
    pub line: usize,
    /// Byte offset of the line's first byte in the input.
    pub offset: usize,
    /// The line's bytes, without its `\n`.
    pub bytes: Vec<u8>,
}

impl NdjsonLine {
    /// Lint the line as one record; spans, lines and columns are positions in
    /// the whole input. Bytes that are not UTF-8 get `invalid-encoding`.
    ///
    /// ```
    /// use client_lint::stream::NdjsonLines;
    /// let input = "{\"type\": \"J\"}\n\n{\"type\": \"x\"}\n";
    /// let line = NdjsonLines::new(input.as_bytes()).nth(1).unwrap().unwrap();
    /// let record = line.lint(&Default::default());
    /// assert_eq!(record.index, 1);
    /// let d = &record.report.diagnostics()[0];
    /// assert_eq!((d.start().unwrap().line, d.span().unwrap().start), (3, 24));
    /// ```
    #[must_use]
    pub fn lint(&self, options: &Options) -> Record {
        self.record(lint_slice(&self.bytes, options))
    }

    /// The line's record, its report moved to where the line is.
    fn record(&self, mut report: crate::Report) -> Record {
        report.shift(self.offset, self.line);
        Record {
            index: self.index,
            report,
            span: Some(crate::span::Span::new(
                self.offset,
                self.offset + self.bytes.len(),
            )),
        }
    }

    /// [`NdjsonLine::lint`], and the [`Keys`](crate::fleet::Keys) `options`
    /// compare read from the same parse (none when the line is not UTF-8),
    /// for [`Fleet::add_keys`](crate::fleet::Fleet::add_keys).
    ///
    /// ```
    /// use client_lint::{Options, fleet::Keys, stream::NdjsonLines};
    /// let line = NdjsonLines::new(&b"{\"domain\": \"pbx.example.com\"}\n"[..]).next().unwrap().unwrap();
    /// let (record, keys) = line.lint_keyed(&Options::default());
    /// assert!(record.report.diagnostics().is_empty());
    /// assert_eq!(keys, Keys::of(line.text()));
    /// ```
    #[must_use]
    pub fn lint_keyed(&self, options: &Options) -> (Record, crate::fleet::Keys) {
        let (report, keys) = match crate::lint::decode(&self.bytes, options) {
            Ok(text) => crate::fleet::lint_keyed(text, options),
            Err((_, report)) => (report, crate::fleet::Keys::default()),
        };
        (self.record(report), keys)
    }

    /// The line as text: all of it when it is UTF-8, else the part before
    /// the first byte that is not (which is where its finding points).
    ///
    /// ```
    /// use client_lint::stream::NdjsonLines;
    /// let line = NdjsonLines::new(&b"{\"a\xff\"}\n"[..]).next().unwrap().unwrap();
    /// assert_eq!(line.text(), "{\"a");
    /// ```
    pub fn text(&self) -> &str {
        crate::lint::valid_prefix(&self.bytes)
    }
}

/// The record lines of an NDJSON input, in order; blank lines (JSON white
/// space only: space, tab, CR) are skipped but counted in line numbers.
///
/// ```
/// use client_lint::stream::NdjsonLines;
/// let lines: Vec<_> = NdjsonLines::new(&b"{}\n \n{}"[..]).map(Result::unwrap).collect();
/// assert_eq!(lines.iter().map(|l| (l.index, l.line, l.offset)).collect::<Vec<_>>(), [(0, 0, 0), (1, 2, 5)]);
/// ```
#[derive(Debug)]
pub struct NdjsonLines<R> {
    reader: R,
    offset: usize,
    line: usize,
    index: usize,
    done: bool,
}

impl<R: BufRead> NdjsonLines<R> {
    /// Read record lines from `reader`.
    pub fn new(reader: R) -> Self {
        NdjsonLines {
            reader,
            offset: 0,
            line: 0,
            index: 0,
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for NdjsonLines<R> {
    type Item = io::Result<NdjsonLine>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let mut bytes = Vec::new();
            let n = match self.reader.read_until(b'\n', &mut bytes) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            };
            if n == 0 {
                self.done = true;
                return None;
            }
            let (offset, line) = (self.offset, self.line);
            self.offset += n;
            self.line += 1;
            if bytes.last() == Some(&b'\n') {
                bytes.pop();
            }
            // Blank: JSON's own white space only (a no-break space is text).
            if bytes.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r')) {
                continue;
            }
            let index = self.index;
            self.index += 1;
            return Some(Ok(NdjsonLine {
                index,
                line,
                offset,
                bytes,
            }));
        }
        None
    }
}

/// Lint NDJSON from `reader`, one record at a time: each item is a line and
/// its record, positions in the whole input. Memory is bounded by the longest
/// line. An I/O error ends the iteration after it is returned.
///
/// ```
/// let input = "{\"type\": \"J\"}\n{\"type\": \"j\"}\n";
/// let names: Vec<_> = client_lint::lint_ndjson(input.as_bytes(), &Default::default())
///     .map(|r| r.unwrap().1)
///     .flat_map(|rec| rec.report.into_diagnostics())
///     .map(|d| d.name())
///     .collect();
/// assert_eq!(names, ["client-type-wrong-case"]);
/// ```
pub fn lint_ndjson<'o, R: BufRead + 'o>(
    reader: R,
    options: &'o Options,
) -> impl Iterator<Item = io::Result<(NdjsonLine, Record)>> + 'o {
    NdjsonLines::new(reader).map(move |line| {
        line.map(|l| {
            let record = l.lint(options);
            (l, record)
        })
    })
}
