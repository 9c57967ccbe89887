//! Writing results in the chosen format, and the summary.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use client_lint::render::{self, HumanStyle, Source};
use client_lint::{Applicability, Diagnostic, Record, Severity};

use crate::args::Format;

/// Set once standard output (or the report's stream) is a closed pipe: from
/// then on no finding is formatted, only counted. One per process, since
/// there is one output.
static OUTPUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Whether the output has been closed by its reader.
pub fn output_closed() -> bool {
    OUTPUT_CLOSED.load(Ordering::Relaxed)
}

/// A writer that turns a closed pipe into a sink: `client-lint … | head`
/// stops printing and formatting (see [`output_closed`]), but the run goes
/// on, so that the exit status still says what the findings call for (and
/// `set -o pipefail` catches errors).
pub struct Closable<W: Write> {
    inner: W,
    closed: bool,
}

impl<W: Write> Closable<W> {
    pub fn new(inner: W) -> Self {
        Closable { inner, closed: false }
    }
}

impl<W: Write> Write for Closable<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        match self.inner.write(buf) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                OUTPUT_CLOSED.store(true, Ordering::Relaxed);
                Ok(buf.len())
            }
            other => other,
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        match self.inner.flush() {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                OUTPUT_CLOSED.store(true, Ordering::Relaxed);
                Ok(())
            }
            other => other,
        }
    }
}

/// Counts of what happened.
#[derive(Debug, Default)]
pub struct Outcome {
    pub totals: Totals,
    pub fixed: usize,
    pub diffs: usize,
    pub failures: Vec<String>,
    /// Inputs that could not be read (counted apart from the checked files).
    pub unreadable: usize,
    /// Files that `--fix` or `--diff` did not change, and why.
    pub skipped: Vec<String>,
    /// `--fix` on standard input and streams: the documents for standard
    /// output, in order.
    pub stdin_fixed: Vec<Vec<u8>>,
}

/// Counts for the summary and the exit code.
#[derive(Debug, Default, Clone, Copy)]
pub struct Totals {
    pub files: usize,
    pub records: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub fixable: usize,
    pub unsafe_fixable: usize,
    /// Records with a syntax or encoding error.
    pub broken: usize,
}

impl Totals {
    /// Add another's counts (of records and findings; not of files).
    pub fn absorb(&mut self, other: &Totals) {
        self.records += other.records;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
        self.fixable += other.fixable;
        self.unsafe_fixable += other.unsafe_fixable;
        self.broken += other.broken;
    }

    pub fn add(&mut self, record: &Record) {
        self.records += 1;
        self.broken += usize::from(record.report.has_syntax_error());
        for d in record.report.diagnostics() {
            match d.severity() {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                // Info, and any level a later version adds.
                _ => self.infos += 1,
            }
            match d.fix().map(client_lint::Fix::applicability) {
                Some(Applicability::Safe) => self.fixable += 1,
                // Unsafe, and any kind a later version adds.
                Some(_) => self.unsafe_fixable += 1,
                None => {}
            }
        }
    }
}

/// How findings are formatted: pure and shareable between threads, so that
/// workers can format while the writer writes.
/// Formatted findings in one buffer: a batch's worth is built on a worker
/// thread and written (then freed) on the writing thread, as two
/// allocations rather than one per finding (frees across threads contend
/// for the allocator's lock).
#[derive(Debug, Default)]
pub struct Items {
    text: String,
    ends: Vec<usize>,
}

impl Items {
    pub fn push(&mut self, item: &str) {
        self.text.push_str(item);
        self.ends.push(self.text.len());
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Empty, keeping the buffers for the next batch.
    pub fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
    }

    /// Items `from..to`, each as formatted.
    pub fn range(&self, from: usize, to: usize) -> impl Iterator<Item = &str> {
        let start = |i: usize| if i == 0 { 0 } else { self.ends[i - 1] };
        (from..to).map(move |i| &self.text[start(i)..self.ends[i]])
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Render {
    pub format: Format,
    pub style: HumanStyle,
    /// Count findings without formatting them (`--diff` prints the diff alone).
    pub silent: bool,
    /// `--statistics`: each finding becomes its rule and fix kind, counted by
    /// [`Out`] and printed as a table at the end.
    pub statistics: bool,
}

impl Render {
    /// Each finding of a record as one item of the output (for SARIF, one
    /// result of the log, written between its frame's two parts); none once
    /// the output is closed.
    pub fn items(&self, name: &str, src: &Source<'_>, record: &Record, multi: bool, into: &mut Items) {
        if self.silent || output_closed() {
            return;
        }
        for d in record.report.diagnostics() {
            into.push(&self.item(d, name, src, record.index, multi));
        }
    }

    /// One finding in the output format.
    pub fn item(&self, d: &Diagnostic, name: &str, src: &Source<'_>, index: usize, multi: bool) -> String {
        if self.statistics {
            let fix = match d.fix().map(client_lint::Fix::applicability) {
                Some(Applicability::Safe) => 's',
                Some(_) => 'u',
                None => '-',
            };
            // The finding's own severity: a configuration may have changed it.
            return format!("{}{}{fix}", d.code(), &d.severity().as_str()[..1]);
        }
        match self.format {
            Format::Human => render::human(d, src, multi.then_some(index), &self.style),
            Format::Json | Format::Jsonl => render::json_record(d, name, index),
            Format::Github => render::github(d, name),
            Format::Sarif => render::sarif_result_text(d, name, index),
        }
    }
}

/// Results in one SARIF run that GitHub code scanning accepts; the rest are
/// counted and named in the log's `invocations`.
pub const SARIF_MAX_RESULTS: usize = 25_000;

/// Where results go, in one format, as they come: memory is bounded by one
/// record's findings, in every format.
pub struct Out<W: Write> {
    w: W,
    pub render: Render,
    first: bool,
    /// SARIF: what closes the log.
    sarif_tail: String,
    /// SARIF: results written, and left out over [`SARIF_MAX_RESULTS`].
    sarif_written: usize,
    sarif_omitted: usize,
    /// `--statistics`: findings by rule code and fix kind (`s`, `u`, `-`).
    stats: std::collections::HashMap<String, u64>,
    /// Every record so far, for the rules across records (duplicate ids,
    /// domains, prefixes): one entry per distinct value.
    pub fleet: client_lint::fleet::Fleet,
}

impl<W: Write> Out<W> {
    pub fn new(w: W, format: Format, style: HumanStyle, options: &client_lint::Options) -> Self {
        Out {
            fleet: client_lint::fleet::Fleet::new(options),
            w,
            render: Render {
                format,
                style,
                silent: false,
                statistics: false,
            },
            stats: std::collections::HashMap::new(),
            first: true,
            sarif_tail: String::new(),
            sarif_written: 0,
            sarif_omitted: 0,
        }
    }

    pub fn begin(&mut self) -> io::Result<()> {
        if self.render.statistics {
            return Ok(());
        }
        match self.render.format {
            Format::Json => self.w.write_all(b"[")?,
            Format::Sarif => {
                let (head, tail) = render::sarif_frame(self.render.style.lang);
                self.w.write_all(head.as_bytes())?;
                self.sarif_tail = tail;
            }
            _ => {}
        }
        Ok(())
    }

    /// Write one record's findings. `multi`: the file holds several records,
    /// so human output names the record.
    /// Each finding is formatted and written in turn: memory holds one.
    pub fn record(&mut self, name: &str, src: &Source<'_>, record: &Record, multi: bool) -> io::Result<()> {
        for d in record.report.diagnostics() {
            if self.render.silent || output_closed() {
                break;
            }
            let item = self.render.item(d, name, src, record.index, multi);
            self.items([item.as_str()])?;
        }
        Ok(())
    }

    /// Write findings formatted by [`Render::items`].
    pub fn items<'i>(&mut self, items: impl IntoIterator<Item = &'i str>) -> io::Result<()> {
        if self.render.statistics {
            for item in items {
                match self.stats.get_mut(item) {
                    Some(n) => *n += 1,
                    None => {
                        self.stats.insert(item.to_owned(), 1);
                    }
                }
            }
            return Ok(());
        }
        for item in items {
            match self.render.format {
                Format::Human => {
                    self.w.write_all(item.as_bytes())?;
                    self.w.write_all(b"\n\n")?;
                }
                Format::Sarif if self.sarif_written >= SARIF_MAX_RESULTS => {
                    self.sarif_omitted += 1;
                }
                Format::Json | Format::Sarif => {
                    self.sarif_written += usize::from(self.render.format == Format::Sarif);
                    self.w.write_all(if self.first { b"\n  " } else { b",\n  " })?;
                    self.first = false;
                    self.w.write_all(item.as_bytes())?;
                }
                Format::Jsonl | Format::Github => {
                    self.w.write_all(item.as_bytes())?;
                    self.w.write_all(b"\n")?;
                }
            }
        }
        Ok(())
    }

    pub fn end(&mut self) -> io::Result<()> {
        if self.render.statistics {
            let table = crate::statistics::table(&self.stats, self.render.format, self.render.style.lang);
            self.w.write_all(table.as_bytes())?;
            return self.w.flush();
        }
        match self.render.format {
            Format::Json => self.w.write_all(if self.first { b"]\n" } else { b"\n]\n" })?,
            Format::Sarif => {
                // The results array closes with the tail's first `]`; a note
                // of what was left out goes right after it.
                match self.sarif_tail.split_once(']') {
                    Some((close, rest)) if self.sarif_omitted > 0 => {
                        let note = render::sarif_results_omitted(
                            self.sarif_written,
                            self.sarif_omitted,
                            self.render.style.lang,
                        );
                        write!(self.w, "{close}],\n      {note}{rest}")?;
                    }
                    _ => self.w.write_all(self.sarif_tail.as_bytes())?,
                }
                self.w.write_all(b"\n")?;
            }
            _ => {}
        }
        self.w.flush()
    }

    /// Write raw text (fixed documents, diffs).
    pub fn raw(&mut self, text: &str) -> io::Result<()> {
        self.w.write_all(text.as_bytes())
    }

    /// Write text as it is produced (a large diff), never held whole.
    pub fn raw_display(&mut self, text: impl std::fmt::Display) -> io::Result<()> {
        write!(self.w, "{text}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// After the reader closes the pipe, findings are counted but no longer
    /// formatted (issue 21: 1 GB piped to `head -1` formatted everything).
    #[test]
    fn a_closed_pipe_stops_formatting() {
        /// Takes `writes` writes (a JSON line is two), then closes.
        struct Reader {
            lines: usize,
        }
        impl Write for Reader {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                if self.lines == 0 {
                    return Err(io::ErrorKind::BrokenPipe.into());
                }
                self.lines -= 1;
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let text = "{\"type\": \"j\"}\n".repeat(3);
        let records = client_lint::lint_records(
            &text,
            &client_lint::Options::default(),
            client_lint::Layout::Ndjson,
        );
        let src = Source::new("a.ndjson", &text);
        let style = HumanStyle::default();
        let mut out = Out::new(
            Closable::new(Reader { lines: 2 }),
            Format::Jsonl,
            style,
            &client_lint::Options::default(),
        );
        let mut items = Items::default();
        out.render.items("a.ndjson", &src, &records[0], true, &mut items);
        assert_eq!(items.len(), 1);
        out.record("a.ndjson", &src, &records[0], true).unwrap();
        assert!(!output_closed());
        out.record("a.ndjson", &src, &records[1], true).unwrap();
        assert!(output_closed());
        out.render.items("a.ndjson", &src, &records[2], true, &mut items);
        assert_eq!(items.len(), 1);
        let mut totals = Totals::default();
        for r in &records {
            totals.add(r);
        }
        assert_eq!(totals.errors, 3);
    }
}
