//! Checking inputs in order: whole files in parallel batches (fixed or
//! diffed when asked), large files through `stream`.

use std::io::{self, Write};

use client_lint::render::Source;
use client_lint::{Layout, Options, Record, UnsafeFixes};
use indicatif::ProgressBar;
use rayon::prelude::*;

use crate::inputs::Input;
use crate::output::{Out, Outcome};
use crate::ui::{Ui, ui};

/// Whole files checked in one parallel batch: at most this many files...
const BATCH_FILES: usize = 256;
/// ...or this many bytes.
const BATCH_BYTES: u64 = 64 << 20;

/// What to do besides checking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Check,
    Fix { unsafe_fixes: UnsafeFixes, force: bool },
    Diff { unsafe_fixes: UnsafeFixes },
}

/// The result of checking one whole input.
struct Done {
    name: String,
    /// The text the spans point into (the valid prefix when not UTF-8).
    text: String,
    records: Vec<Record>,
    failure: Option<String>,
    /// The input could not be read at all.
    unreadable: bool,
    /// Why `--fix` or `--diff` left the input alone.
    skipped: Option<String>,
    fixed: usize,
    /// For `--diff`: the unified diff.
    diff: Option<String>,
    /// For `--fix` on standard input: the document to print, fixed or, when
    /// nothing could be fixed, the input's own bytes.
    stdin_out: Option<Vec<u8>>,
}

fn check_whole(input: &Input, read: crate::fs::Bytes, options: &Options, action: Action) -> Done {
    let name = input.name();
    let layout = input.layout();
    let (bytes, identity) = match read {
        Ok(r) => r,
        Err(e) => {
            return Done {
                name: name.clone(),
                text: String::new(),
                records: Vec::new(),
                failure: Some(format!("{name}: {e}")),
                unreadable: true,
                skipped: None,
                fixed: 0,
                diff: None,
                stdin_out: None,
            };
        }
    };
    let mut fixed = 0;
    let mut diff_text = None;
    let mut failure = None;
    let mut rewritten = false;
    let unsafe_fixes = match action {
        Action::Check => None,
        Action::Fix { unsafe_fixes, .. } | Action::Diff { unsafe_fixes } => Some(unsafe_fixes),
    };
    // Fix first, then lint once for the report: the fixed text when it was
    // rewritten, else the original. A file's findings are never all held
    // twice (a large file's fix took 84 times its size in memory). Fixing
    // leaves a text with a syntax error unchanged.
    let original = std::str::from_utf8(&bytes).ok();
    let fix = unsafe_fixes.zip(original).and_then(|(u, text)| {
        let result = client_lint::fix_records(text, options, layout, u);
        (result.text != text).then_some(result)
    });
    let mut report = None;
    if let (Some(result), Some(original)) = (fix, original) {
        match (action, input, identity) {
            (Action::Diff { .. }, _, _) => diff_text = Some(crate::diff::diff(&name, original, &result.text)),
            (Action::Fix { force, .. }, Input::File(path), Some(id)) => {
                if let Err(e) = crate::fs::write_atomic(path, &result.text, id, force) {
                    failure = Some(format!("{name}: {e}"));
                }
            }
            // Standard input and streams are printed, never rewritten.
            _ => {}
        }
        if matches!(action, Action::Fix { .. }) && failure.is_none() {
            fixed = result.applied;
            let records = client_lint::lint_records(&result.text, options, layout);
            report = Some((result.text, records));
            rewritten = true;
        }
    }
    // The text the spans point into: the fixed text; or the input itself
    // when it is UTF-8, its buffer moved rather than copied (a large document
    // is held once, not twice); or the valid prefix of input that is not.
    let (text, records, original) = if let Some((text, records)) = report {
        (text, records, Some(bytes))
    } else {
        let (valid, records) = client_lint::lint_records_slice(&bytes, options, layout);
        if valid.len() == bytes.len() {
            let text = String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
            (text, records, None)
        } else {
            (valid.to_string(), records, Some(bytes))
        }
    };
    // A document with a syntax or encoding error is never rewritten.
    let broken = records.iter().any(|r| r.report.has_syntax_error());
    let skipped = (unsafe_fixes.is_some() && broken).then(|| not_fixed(&name, &records, options.lang()));
    // Standard input and streams are echoed whole: fixed, or byte for byte as
    // they came (`text` holds only the valid prefix of input that is not UTF-8).
    let printed = matches!(input, Input::Stdin(_) | Input::Stream(_));
    let stdin_out = (matches!(action, Action::Fix { .. }) && printed).then(|| match original {
        Some(bytes) if !rewritten => bytes,
        // Rewritten, or the input was UTF-8 and `text` is all of it.
        _ => text.clone().into_bytes(),
    });
    Done {
        name,
        text,
        records,
        failure,
        unreadable: false,
        skipped,
        fixed,
        diff: diff_text,
        stdin_out,
    }
}

/// Why a file was not fixed: it is not JSON, or not UTF-8.
fn not_fixed(name: &str, records: &[Record], lang: client_lint::Lang) -> String {
    let encoding = records
        .iter()
        .flat_map(|r| r.report.diagnostics())
        .any(|d| d.rule() == client_lint::Rule::InvalidEncoding);
    match (ui(lang), encoding) {
        (Ui::En, false) => {
            format!("{name}: not fixed: it is not valid JSON; correct the syntax error first")
        }
        (Ui::En, true) => format!("{name}: not fixed: it is not UTF-8; convert it first"),
        (Ui::Ru, false) => {
            format!("{name}: не исправлен: это некорректный JSON; сначала исправьте синтаксическую ошибку")
        }
        (Ui::Ru, true) => {
            format!("{name}: не исправлен: это не UTF-8; сначала перекодируйте файл")
        }
    }
}

fn emit<W: Write>(
    done: &mut Done,
    out: &mut Out<W>,
    outcome: &mut Outcome,
    action: Action,
) -> io::Result<()> {
    // Each record against the ones before it, in this input or earlier ones:
    // its conflicts follow its own findings.
    out.fleet.add_records(&done.name, &done.text, &mut done.records);
    if done.unreadable {
        outcome.unreadable += 1;
    } else {
        outcome.totals.files += 1;
    }
    if let Some(f) = &done.failure {
        outcome.failures.push(f.clone());
    }
    if let Some(s) = &done.skipped {
        outcome.skipped.push(s.clone());
    }
    outcome.fixed += done.fixed;
    let multi = done.records.len() > 1;
    let src = Source::new(&done.name, &done.text);
    if let Some(d) = &done.diff {
        outcome.diffs += 1;
        out.raw(d)?;
    }
    for r in &done.records {
        outcome.totals.add(r);
        // `--diff` prints the diff alone, like ruff's.
        if !matches!(action, Action::Diff { .. }) {
            out.record(&done.name, &src, r, multi)?;
        }
    }
    Ok(())
}

/// `--fix` or `--diff` of a large file (over `STREAM_MIN`): fixed whole,
/// then its report streamed as in a check, a batch of records at a time, and
/// the diff written as it is made. Memory holds the text and its fixed copy
/// plus one batch of findings, not every record's (a 11 MB NDJSON file with
/// warnings left took 16 to 23 times its size).
fn fix_large<W: Write + Send>(
    input: &Input,
    options: &Options,
    action: Action,
    out: &mut Out<W>,
    outcome: &mut Outcome,
    progress: &ProgressBar,
) -> io::Result<()> {
    let (Input::File(path), Action::Fix { unsafe_fixes, .. } | Action::Diff { unsafe_fixes }) =
        (input, action)
    else {
        return Ok(());
    };
    let name = input.name();
    let read = crate::inputs::read(input);
    let utf8 = matches!(&read, Ok((b, _)) if std::str::from_utf8(b).is_ok());
    let (bytes, identity) = match read {
        Ok(r) if utf8 => r,
        // Unreadable, or not UTF-8 (never fixed): as any file.
        other => {
            let mut done = check_whole(input, other, options, action);
            progress.inc(done.text.len() as u64);
            return emit(&mut done, out, outcome, action);
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let fixed = client_lint::fix_records(&text, options, input.layout(), unsafe_fixes);
    let changed = fixed.text != text;
    drop(text);
    let mut report = bytes;
    if changed {
        let original = String::from_utf8_lossy(&report);
        match action {
            Action::Diff { .. } => {
                outcome.diffs += 1;
                out.raw_display(crate::diff::Diff {
                    name: &name,
                    old: &original,
                    new: &fixed.text,
                    window: crate::diff::WINDOW,
                })?;
                drop(fixed);
            }
            Action::Fix { force, .. } => {
                match identity.map(|id| crate::fs::write_atomic(path, &fixed.text, id, force)) {
                    Some(Ok(())) => {
                        outcome.fixed += fixed.applied;
                        drop(original);
                        report = fixed.text.into_bytes();
                    }
                    Some(Err(e)) => outcome.failures.push(format!("{name}: {e}")),
                    None => {}
                }
            }
            Action::Check => {}
        }
    } else {
        drop(fixed);
    }
    // The report: of the fixed text when it was written, else of the input;
    // `--diff` counts it without printing it.
    let before = outcome.totals;
    let silent = out.render.silent;
    out.render.silent = matches!(action, Action::Diff { .. });
    let rest = crate::stream::large(Ok((report, identity)), &name, options, out, outcome, progress);
    let result = match rest {
        Ok(Some(read)) => {
            let mut done = check_whole(input, read, options, Action::Check);
            emit(&mut done, out, outcome, action)
        }
        Ok(None) => Ok(()),
        Err(e) => Err(e),
    };
    out.render.silent = silent;
    result?;
    if outcome.totals.broken > before.broken {
        outcome.skipped.push(not_fixed(&name, &[], options.lang()));
    }
    Ok(())
}

/// Check every input in order; output order never depends on parallelism.
pub fn run<W: Write + Send>(
    inputs: &[Input],
    options: &Options,
    action: Action,
    out: &mut Out<W>,
    progress: &ProgressBar,
) -> io::Result<Outcome> {
    let mut outcome = Outcome::default();
    let mut i = 0;
    while i < inputs.len() {
        let size = |inp: &Input| match inp {
            Input::File(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
            Input::Stream(_) | Input::Stdin(_) => 0,
        };
        // A large file, checked a batch at a time: NDJSON by lines, a JSON
        // array by parts; anything else whole, on its own.
        if let (Input::File(p), Action::Check) = (&inputs[i], action)
            && size(&inputs[i]) > crate::stream::STREAM_MIN
        {
            let name = inputs[i].name();
            if inputs[i].layout() == Layout::Ndjson {
                crate::stream::stream(p, &name, options, out, &mut outcome, progress)?;
            } else {
                let read = crate::inputs::read(&inputs[i]);
                if let Some(read) = crate::stream::large(read, &name, options, out, &mut outcome, progress)? {
                    let mut done = check_whole(&inputs[i], read, options, action);
                    progress.inc(size(&inputs[i]));
                    emit(&mut done, out, &mut outcome, action)?;
                }
            }
            i += 1;
            continue;
        }
        if let (Input::File(_), Action::Fix { .. } | Action::Diff { .. }) = (&inputs[i], action)
            && size(&inputs[i]) > crate::stream::STREAM_MIN
        {
            fix_large(&inputs[i], options, action, out, &mut outcome, progress)?;
            i += 1;
            continue;
        }
        // Standard input and streams: their size is known once read.
        if let (Input::Stdin(_) | Input::Stream(_), Action::Check) = (&inputs[i], action) {
            let read = crate::inputs::read(&inputs[i]);
            let large = matches!(&read, Ok((b, _)) if b.len() as u64 > crate::stream::STREAM_MIN);
            let rest = if large {
                crate::stream::large(read, &inputs[i].name(), options, out, &mut outcome, progress)?
            } else {
                Some(read)
            };
            if let Some(read) = rest {
                let mut done = check_whole(&inputs[i], read, options, action);
                emit(&mut done, out, &mut outcome, action)?;
            }
            i += 1;
            continue;
        }
        // A batch of whole inputs, checked in parallel, written in order.
        let mut j = i;
        let mut bytes = 0;
        while j < inputs.len() && j - i < BATCH_FILES && (j == i || bytes < BATCH_BYTES) {
            if matches!(&inputs[j], Input::File(_)) && size(&inputs[j]) > crate::stream::STREAM_MIN
                || matches!(
                    (&inputs[j], action),
                    (Input::Stdin(_) | Input::Stream(_), Action::Check)
                )
            {
                break;
            }
            bytes += size(&inputs[j]);
            j += 1;
        }
        let mut done: Vec<Done> = inputs[i..j]
            .par_iter()
            .map(|input| {
                let d = check_whole(input, crate::inputs::read(input), options, action);
                progress.inc(size(input));
                d
            })
            .collect();
        for d in &mut done {
            emit(d, out, &mut outcome, action)?;
        }
        if let Action::Fix { .. } = action {
            for d in &done {
                if let Some(out) = &d.stdin_out {
                    outcome.stdin_fixed.push(out.clone());
                }
            }
        }
        i = j;
    }
    Ok(outcome)
}
