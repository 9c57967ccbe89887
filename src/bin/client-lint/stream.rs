//! Large NDJSON files: read a batch of lines at a time through the library's
//! NDJSON reader, lint and format the batch's lines in parallel, write the
//! findings in order. Memory: one batch plus the longest line.

use std::io::{self, BufReader, Write};
use std::path::Path;

use client_lint::Options;
use client_lint::ndjson::{NdjsonLine, NdjsonLines};
use client_lint::render::Source;
use indicatif::ProgressBar;
use rayon::prelude::*;

use crate::output::{Out, Render, Totals};
use crate::run::Outcome;

/// NDJSON files larger than this are streamed (unless fixing).
pub const STREAM_MIN: u64 = 8 << 20;
/// Bytes of lines read and linted at a time.
const BATCH: usize = 1 << 20;
/// Bytes read from the file at a time.
const BLOCK: usize = 1 << 20;

/// What linting one line produced: its counts, and its findings already
/// formatted.
struct Linted {
    totals: Totals,
    items: Vec<String>,
}

/// Stream the NDJSON file at `path`.
pub fn stream<W: Write>(
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
    outcome.totals.files += 1;
    let before = outcome.totals;
    let mut lines = NdjsonLines::new(BufReader::with_capacity(BLOCK, file));
    let render = out.render;
    let mut read_to = 0;
    loop {
        let mut batch: Vec<NdjsonLine> = Vec::new();
        let mut bytes = 0;
        let mut failed = None;
        while bytes < BATCH {
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
        let linted: Vec<Linted> = batch
            .par_iter()
            .map(|line| lint_line(line, options, name, &render))
            .collect();
        for l in &linted {
            outcome.totals.absorb(&l.totals);
            out.items(&l.items)?;
        }
        if let Some(last) = batch.last() {
            let end = last.offset + last.bytes.len() + 1;
            progress.inc((end - read_to) as u64);
            read_to = end;
        }
        if let Some(e) = failed {
            outcome.failures.push(format!("{name}: {e}"));
            break;
        }
        if batch.is_empty() {
            break;
        }
    }
    // A file with a syntax error anywhere is never rewritten: nothing in it
    // is fixable (the lines read before the broken one counted their fixes).
    if outcome.totals.broken > before.broken {
        outcome.totals.fixable = before.fixable;
        outcome.totals.unsafe_fixable = before.unsafe_fixable;
    }
    Ok(())
}

/// Lint one line and format its findings, on a worker thread.
fn lint_line(line: &NdjsonLine, options: &Options, name: &str, render: &Render) -> Linted {
    let record = line.lint(options);
    let mut totals = Totals::default();
    totals.add(&record);
    if record.report.diagnostics().is_empty() {
        return Linted {
            totals,
            items: Vec::new(),
        };
    }
    let src = Source {
        path: name,
        text: line.text(),
        byte_offset: line.offset,
    };
    Linted {
        totals,
        items: render.items(name, &src, &record, true),
    }
}
