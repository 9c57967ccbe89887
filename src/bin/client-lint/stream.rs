//! Large inputs, checked a batch at a time: lint and format the batch in
//! parallel, write the findings in order.
//!
//! - NDJSON files are read a batch of lines at a time through the library's
//!   NDJSON reader. Memory: one batch plus the longest line.
//! - A JSON array is read whole, then cut between its elements
//!   ([`client_lint::stream`]); a batch of parts is linted at a time. Memory:
//!   the text plus one batch's findings.

use std::io::{self, BufRead, BufReader, Write};
use std::path::Path;

use client_lint::fleet::Keys;
use client_lint::render::Source;
use client_lint::stream::{ArrayParts, Joiner, Part, PartReport};
use client_lint::stream::{NdjsonLine, NdjsonLines};
use client_lint::{Layout, Options, Record, Span};
use indicatif::ProgressBar;
use rayon::prelude::*;

use crate::output::{Items, Out, Outcome, Render, Totals};

/// Files larger than this are checked a batch at a time (unless fixing):
/// NDJSON and JSON arrays.
pub const STREAM_MIN: u64 = 1 << 20;
/// Bytes of lines read and linted at a time.
const BATCH: usize = 1 << 20;
/// Bytes read from the file at a time.
const BLOCK: usize = 1 << 20;
/// Bytes of an array in one part...
const PART: usize = 16 << 10;
/// ...and at most this many parts linted at a time (1 MiB, as for NDJSON)...
const MAX_PARTS: usize = BATCH / PART;
/// ...fewer when they hold more than about this many findings.
const FINDINGS: usize = 4 << 10;
/// Lines linted by one task, into one [`Linted`].
const CHUNK: usize = 64;

/// What linting one line (or a group of array records) produced: its counts,
/// its findings already formatted, and what the rules across records compare.
#[derive(Default)]
struct Linted {
    totals: Totals,
    items: Items,
    keyed: Vec<Keyed>,
}

/// Written [`Linted`]s, emptied, for the next batch's tasks to fill: their
/// buffers are allocated once, not per batch by a worker and freed by the
/// writing thread (which made the allocator trim and grow its heaps again,
/// faulting pages in each time).
#[derive(Default)]
struct Spare(std::sync::Mutex<Vec<Linted>>);

impl Spare {
    fn take(&self) -> Linted {
        self.0.lock().ok().and_then(|mut v| v.pop()).unwrap_or_default()
    }

    fn put(&self, mut written: Vec<Linted>) {
        for l in &mut written {
            l.totals = Totals::default();
            l.items.clear();
            l.keyed.clear();
        }
        if let Ok(mut v) = self.0.lock() {
            v.append(&mut written);
        }
    }
}

/// A record with values the fleet compares: its findings end at item `end`
/// of its [`Linted`]; its conflicts, found in order on the writing thread,
/// follow them.
struct Keyed {
    end: usize,
    keys: Keys,
    index: usize,
    span: Span,
}

/// Where a record's text is, for the fleet's findings: the record's text,
/// its offset in the input, and the source its findings point into.
type Place<'t> = (&'t str, usize, Source<'t>);

/// Stream the NDJSON file at `path`.
pub fn stream<W: Write + Send>(
    path: &Path,
    name: &str,
    options: &Options,
    out: &mut Out<W>,
    outcome: &mut Outcome,
    progress: &ProgressBar,
) -> io::Result<()> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            outcome.failures.push(format!("{name}: {e}"));
            outcome.unreadable += 1;
            return Ok(());
        }
    };
    lines(
        BufReader::with_capacity(BLOCK, file),
        name,
        options,
        out,
        outcome,
        progress,
    )
}

/// NDJSON from `reader`, a batch of lines at a time. This thread reads and
/// has each batch linted on every core; a writer thread writes the batches in
/// order and checks their records against the fleet (the ordered work), so
/// the two overlap. At most two batches wait between them.
fn lines<R: BufRead, W: Write + Send>(
    reader: R,
    name: &str,
    options: &Options,
    out: &mut Out<W>,
    outcome: &mut Outcome,
    progress: &ProgressBar,
) -> io::Result<()> {
    outcome.totals.files += 1;
    let before = outcome.totals;
    let mut lines = NdjsonLines::new(reader);
    let render = out.render;
    let fleet = out.fleet.is_on();
    let mut want = PART;
    let spare = Spare::default();
    let failure = std::thread::scope(|scope| -> io::Result<Option<io::Error>> {
        let (tx, rx) = std::sync::mpsc::sync_channel::<(Vec<NdjsonLine>, Vec<Linted>)>(2);
        let writer = scope.spawn(|| -> io::Result<()> {
            let mut read_to = 0;
            for (batch, linted) in rx {
                let first = batch.first().map_or(0, |l| l.index);
                let line = |index: usize| &batch[index - first];
                let (_, written) = write(
                    linted,
                    name,
                    true,
                    out,
                    outcome,
                    |index, _| line(index).line,
                    |index, _| {
                        let line = line(index);
                        let src = Source {
                            path: name,
                            text: line.text(),
                            byte_offset: line.offset,
                        };
                        (line.text(), line.offset, src)
                    },
                )?;
                spare.put(written);
                if let Some(last) = batch.last() {
                    let end = last.offset + last.bytes.len() + 1;
                    progress.inc((end - read_to) as u64);
                    read_to = end;
                }
            }
            Ok(())
        });
        let failure = loop {
            let mut batch: Vec<NdjsonLine> = Vec::new();
            let mut bytes = 0;
            let mut failed = None;
            while bytes < want {
                match lines.next() {
                    Some(Ok(line)) => {
                        bytes += line.bytes.len() + 1;
                        batch.push(line);
                    }
                    Some(Err(e)) => {
                        failed = Some(e);
                        break;
                    }
                    None => break,
                }
            }
            // A chunk of lines shares its buffers: fewer allocations, each
            // freed on the writing thread.
            let linted: Vec<Linted> = batch
                .par_chunks(CHUNK)
                .map(|lines| {
                    let mut linted = spare.take();
                    for line in lines {
                        lint_line(line, options, name, &render, fleet, &mut linted);
                    }
                    linted
                })
                .collect();
            let found = linted.iter().map(|l| l.items.len()).sum();
            want = next_size(bytes, found, PART, BATCH);
            let done = failed.is_some() || batch.is_empty();
            // The writer stopped (a write failed): its error is returned below.
            if tx.send((batch, linted)).is_err() || done {
                break failed;
            }
        };
        drop(tx);
        match writer.join() {
            Ok(result) => result.map(|()| failure),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })?;
    if let Some(e) = failure {
        outcome.failures.push(format!("{name}: {e}"));
    }
    unfixable_if_broken(outcome, &before);
    Ok(())
}

/// Write a batch's formatted findings in order and count them in, each
/// record's conflicts with earlier records right after its own findings
/// (`line` gives the lines before a record, `place` its text, asked for only
/// when it has conflicts); how many findings it held, and the written
/// [`Linted`]s, for their buffers.
fn write<'t, W: Write>(
    linted: Vec<Linted>,
    name: &str,
    multi: bool,
    out: &mut Out<W>,
    outcome: &mut Outcome,
    mut line: impl FnMut(usize, Span) -> usize,
    mut place: impl FnMut(usize, Span) -> Place<'t>,
) -> io::Result<(usize, Vec<Linted>)> {
    let mut found = 0;
    let mut written = Vec::with_capacity(linted.len());
    for mut l in linted {
        outcome.totals.absorb(&l.totals);
        found += l.items.len();
        // The group's map entries are read together, then taken in order.
        out.fleet.warm(l.keyed.iter().map(|k| &k.keys));
        let mut at = 0;
        for k in l.keyed.drain(..) {
            out.items(l.items.range(at, k.end))?;
            at = k.end;
            let mut source = None;
            let report = out
                .fleet
                .add_keys_with(k.keys, name, k.index, line(k.index, k.span), || {
                    let (text, offset, src) = place(k.index, k.span);
                    source = Some(src);
                    (text, offset)
                });
            if let Some(src) = source.filter(|_| !report.diagnostics().is_empty()) {
                let record = Record::new(k.index, report, Some(k.span));
                // Findings of a record already counted.
                let mut more = Totals::default();
                more.add(&record);
                more.records = 0;
                outcome.totals.absorb(&more);
                found += record.report.diagnostics().len();
                out.record(name, &src, &record, multi)?;
            }
        }
        out.items(l.items.range(at, l.items.len()))?;
        written.push(l);
    }
    Ok((found, written))
}

/// The size of the next batch (bytes of lines, or parts): smaller where the
/// last one's findings were dense, so that about [`FINDINGS`] are in flight,
/// within `least..=most`.
fn next_size(size: usize, found: usize, least: usize, most: usize) -> usize {
    (FINDINGS * size / found.max(1)).clamp(least, most)
}

/// A file with a syntax error anywhere is never rewritten: nothing in it is
/// fixable (the records formatted before the broken one counted their fixes).
fn unfixable_if_broken(outcome: &mut Outcome, before: &Totals) {
    if outcome.totals.broken > before.broken {
        outcome.totals.fixable = before.fixable;
        outcome.totals.unsafe_fixable = before.unsafe_fixable;
    }
}

/// Lint one line and format its findings into `linted`, on a worker thread.
fn lint_line(
    line: &NdjsonLine,
    options: &Options,
    name: &str,
    render: &Render,
    fleet: bool,
    linted: &mut Linted,
) {
    let (record, keys) = if fleet {
        line.lint_keyed(options)
    } else {
        (line.lint(options), Keys::default())
    };
    linted.totals.add(&record);
    if !record.report.diagnostics().is_empty() {
        let src = Source {
            path: name,
            text: line.text(),
            byte_offset: line.offset,
        };
        render.items(name, &src, &record, true, &mut linted.items);
    }
    if let Some(span) = record.span.filter(|_| !keys.is_empty()) {
        linted.keyed.push(Keyed {
            end: linted.items.len(),
            keys,
            index: line.index,
            span,
        });
    }
}

/// Check a large input that is not named as NDJSON, as read: a JSON array
/// is linted part by part, NDJSON found by its content a batch of lines at a
/// time. Anything else (one object, text that is not UTF-8, an input that
/// could not be read) is returned for the caller to check whole.
pub fn large<W: Write + Send>(
    read: crate::fs::Bytes,
    name: &str,
    options: &Options,
    out: &mut Out<W>,
    outcome: &mut Outcome,
    progress: &ProgressBar,
) -> io::Result<Option<crate::fs::Bytes>> {
    let Ok((bytes, _)) = &read else {
        return Ok(Some(read));
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Ok(Some(read));
    };
    if let Some(parts) = ArrayParts::new(text, PART) {
        array(text, parts, name, options, out, outcome, progress)?;
        return Ok(None);
    }
    // NDJSON found by its content, as a file named so would be (a byte
    // order mark is reported on the whole file's first record: read whole).
    if Layout::Auto.reads_as_ndjson(text) && !text.starts_with('\u{FEFF}') {
        lines(text.as_bytes(), name, options, out, outcome, progress)?;
        return Ok(None);
    }
    Ok(Some(read))
}

/// Lint a JSON array a batch of parts at a time.
fn array<W: Write>(
    text: &str,
    mut parts: ArrayParts<'_>,
    name: &str,
    options: &Options,
    out: &mut Out<W>,
    outcome: &mut Outcome,
    progress: &ProgressBar,
) -> io::Result<()> {
    outcome.totals.files += 1;
    let before = outcome.totals;
    let render = out.render;
    let src = Source::new(name, text);
    let mut joiner = Joiner::new();
    let mut multi = None;
    let mut read_to = 0;
    let least = 2 * rayon::current_num_threads();
    let (mut counted, mut lines_before) = (0, 0);
    let mut batch: Vec<Part> = parts.by_ref().take(least).collect();
    let mut want = least;
    while !batch.is_empty() {
        // The next batch is cut while this one is linted.
        // Each record's keys for the fleet come from the same parse.
        let (reports, next): (Vec<PartReport>, Vec<Part>) = rayon::join(
            || batch.par_iter().map(|p| p.lint_keyed(text, options)).collect(),
            || parts.by_ref().take(want).collect(),
        );
        let mut groups: Vec<Vec<(Record, Keys)>> = reports
            .into_iter()
            .map(|r| joiner.join_keyed(text, options, r))
            .collect();
        if next.is_empty() {
            groups.push(joiner.finish_keyed(text, options));
        }
        // "(record N)" as for the whole file: unless it holds one record.
        let multi = *multi.get_or_insert_with(|| !next.is_empty() || groups.iter().flatten().count() > 1);
        // Each group's records are dropped once formatted.
        let linted: Vec<Linted> = groups
            .into_par_iter()
            .map(|records| {
                let mut totals = Totals::default();
                let mut items = Items::default();
                let mut keyed = Vec::new();
                for (record, keys) in records {
                    totals.add(&record);
                    if !record.report.diagnostics().is_empty() {
                        render.items(name, &src, &record, multi, &mut items);
                    }
                    if let Some(span) = record.span.filter(|_| !keys.is_empty()) {
                        keyed.push(Keyed {
                            end: items.len(),
                            keys,
                            index: record.index,
                            span,
                        });
                    }
                }
                Linted { totals, items, keyed }
            })
            .collect();
        let (found, _) = write(
            linted,
            name,
            multi,
            out,
            outcome,
            |_, span| {
                // Lines before the record, counted once over the text.
                lines_before += text.as_bytes()[counted.min(span.start)..span.start]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
                counted = counted.max(span.start);
                lines_before
            },
            |_, span| (&text[span.start..span.end], span.start, Source::new(name, text)),
        )?;
        let end = batch.last().map_or(text.len(), |p| p.range().end.min(text.len()));
        progress.inc(end.saturating_sub(read_to) as u64);
        read_to = end;
        want = next_size(batch.len(), found, least, MAX_PARTS);
        batch = next;
    }
    unfixable_if_broken(outcome, &before);
    Ok(())
}
