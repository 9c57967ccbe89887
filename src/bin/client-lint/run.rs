//! Checking inputs: whole files in parallel batches, large NDJSON files
//! streamed in chunks linted in parallel, fixes written atomically.

use std::io::{self, Read, Write};
use std::path::Path;

use client_lint::render::Source;
use client_lint::{Layout, Options, Record, UnsafeFixes};
use indicatif::ProgressBar;
use rayon::prelude::*;

use crate::inputs::Input;
use crate::output::{Out, Render, Totals};

/// NDJSON files larger than this are streamed (unless fixing).
const STREAM_MIN: u64 = 8 << 20;
/// Bytes of whole lines read and linted at a time when streaming.
const CHUNK: usize = 4 << 20;
/// Bytes read from the file at a time when streaming.
const BLOCK: usize = 1 << 20;
/// Bytes of whole lines linted by one task when streaming.
const PIECE: usize = 64 << 10;
/// Whole files checked in one parallel batch: at most this many files...
const BATCH_FILES: usize = 256;
/// ...or this many bytes.
const BATCH_BYTES: u64 = 64 << 20;

/// What to do besides checking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Check,
    Fix { unsafe_fixes: UnsafeFixes },
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
    /// `--fix` on standard input: the document for standard output.
    pub stdin_fixed: Option<Vec<u8>>,
}

fn lint_bytes(bytes: &[u8], options: &Options, layout: Layout) -> (String, Vec<Record>) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), client_lint::lint_records(text, options, layout)),
        Err(e) => {
            let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            let report = client_lint::lint_bytes(bytes, options);
            (valid, vec![Record { index: 0, report }])
        }
    }
}

/// Write `text` to `path` through a temporary file in the same directory and a
/// rename, keeping the file's permissions: an interrupted run leaves either the
/// old file or the new one, never half of one.
fn write_atomic(path: &Path, text: &str) -> io::Result<()> {
    // Through a symbolic link, write the file it points to and keep the link.
    let path = &std::fs::canonicalize(path)?;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let permissions = std::fs::metadata(path)?.permissions();
    let tmp = temp_path(dir, &name);
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.set_permissions(permissions)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The temporary file [`write_atomic`] writes first.
fn temp_path(dir: &Path, name: &str) -> std::path::PathBuf {
    dir.join(format!(".{name}.client-lint-{}.tmp", std::process::id()))
}

/// Git-style `a/`/`b/` labels for relative paths; absolute ones as they are.
fn label(name: &str, side: &str) -> String {
    if Path::new(name).is_absolute() {
        name.to_string()
    } else {
        format!("{side}{name}")
    }
}

fn diff(name: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&label(name, "a/"), &label(name, "b/"))
        .to_string()
}

fn check_whole(input: &Input, bytes: io::Result<Vec<u8>>, options: &Options, action: Action) -> Done {
    let name = input.name();
    let layout = input.layout();
    let bytes = match bytes {
        Ok(b) => b,
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
    let (mut text, mut records) = lint_bytes(&bytes, options, layout);
    let mut fixed = 0;
    let mut diff_text = None;
    let mut failure = None;
    let mut rewritten = false;
    let unsafe_fixes = match action {
        Action::Check => None,
        Action::Fix { unsafe_fixes } | Action::Diff { unsafe_fixes } => Some(unsafe_fixes),
    };
    // A document with a syntax or encoding error is never rewritten.
    let broken = records.iter().any(|r| r.report.has_syntax_error());
    let skipped = (unsafe_fixes.is_some() && broken).then(|| not_fixed(&name, &records, options.lang));
    if let (Some(unsafe_fixes), false) = (unsafe_fixes, broken) {
        let result = client_lint::fix_records(&text, options, layout, unsafe_fixes);
        if result.text != text {
            match (action, input) {
                (Action::Diff { .. }, _) => diff_text = Some(diff(&name, &text, &result.text)),
                (_, Input::Stdin(_)) => {}
                (_, Input::File(path)) => {
                    if let Err(e) = write_atomic(path, &result.text) {
                        failure = Some(format!("{name}: could not write the fixed file: {e}"));
                    }
                }
            }
            if matches!(action, Action::Fix { .. }) && failure.is_none() {
                fixed = result.applied;
                records = client_lint::lint_records(&result.text, options, layout);
                text = result.text;
                rewritten = true;
            }
        }
    }
    // Standard input is echoed whole: fixed, or byte for byte as it came
    // (`text` holds only the valid prefix of input that is not UTF-8).
    let stdin_out = matches!((action, input), (Action::Fix { .. }, Input::Stdin(_))).then(|| {
        if rewritten {
            text.clone().into_bytes()
        } else {
            bytes
        }
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
    match (lang, encoding) {
        (client_lint::Lang::En, false) => {
            format!("{name}: not fixed: it is not valid JSON; correct the syntax error first")
        }
        (client_lint::Lang::En, true) => format!("{name}: not fixed: it is not UTF-8; convert it first"),
        (client_lint::Lang::Ru, false) => {
            format!("{name}: не исправлен: это некорректный JSON; сначала исправьте синтаксическую ошибку")
        }
        (client_lint::Lang::Ru, true) => {
            format!("{name}: не исправлен: это не UTF-8; сначала перекодируйте файл")
        }
    }
}

fn read(input: &Input) -> io::Result<Vec<u8>> {
    match input {
        Input::File(p) => std::fs::read(p),
        Input::Stdin(_) => {
            let mut buf = Vec::new();
            io::stdin().lock().read_to_end(&mut buf)?;
            Ok(buf)
        }
    }
}

fn emit<W: Write>(done: &Done, out: &mut Out<W>, outcome: &mut Outcome, action: Action) -> io::Result<()> {
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

/// Stream a large NDJSON file: chunks of whole lines, each chunk's lines
/// linted in parallel, findings written in order. Memory: one chunk plus the
/// longest line.
fn stream<W: Write>(
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
    let result = stream_file(file, name, options, out, outcome, progress);
    // A file with a syntax error anywhere is never rewritten: nothing in it
    // is fixable (the lines read before the broken one counted their fixes).
    if outcome.totals.broken > before.broken {
        outcome.totals.fixable = before.fixable;
        outcome.totals.unsafe_fixable = before.unsafe_fixable;
    }
    result
}

/// The loop of [`stream`] over an open file.
fn stream_file<W: Write>(
    file: std::fs::File,
    name: &str,
    options: &Options,
    out: &mut Out<W>,
    outcome: &mut Outcome,
    progress: &ProgressBar,
) -> io::Result<()> {
    let mut file = file;
    let (mut offset, mut line_no, mut index) = (0usize, 0usize, 0usize);
    // The bytes after the last newline of the previous chunk.
    let mut carry: Vec<u8> = Vec::new();
    loop {
        let mut buf = std::mem::take(&mut carry);
        let mut eof = false;
        // Read blocks until the chunk is full and holds a line break (a line
        // longer than a chunk makes the chunk grow to hold it).
        loop {
            if buf.len() >= CHUNK && buf.contains(&b'\n') {
                break;
            }
            let old = buf.len();
            buf.resize(old + BLOCK, 0);
            match file.read(&mut buf[old..]) {
                Ok(0) => {
                    buf.truncate(old);
                    eof = true;
                    break;
                }
                Ok(n) => buf.truncate(old + n),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => buf.truncate(old),
                Err(e) => {
                    outcome.failures.push(format!("{name}: {e}"));
                    return Ok(());
                }
            }
        }
        if !eof && let Some(last) = buf.iter().rposition(|&b| b == b'\n') {
            carry = buf[last + 1..].to_vec();
            buf.truncate(last + 1);
        }
        if buf.is_empty() {
            return Ok(());
        }
        // Pieces of whole lines: counted in parallel, numbered by a prefix
        // sum, then linted and formatted in parallel; written in order.
        let mut pieces = Vec::new();
        let mut start = 0;
        while start < buf.len() {
            let mut end = (start + PIECE).min(buf.len());
            if end < buf.len() {
                end = buf[end..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(buf.len(), |i| end + i + 1);
            }
            pieces.push((start, end));
            start = end;
        }
        let counts: Vec<(usize, usize)> = pieces.par_iter().map(|&(s, e)| count(&buf[s..e])).collect();
        let mut bases = Vec::with_capacity(pieces.len());
        for (lines, records) in &counts {
            bases.push((line_no, index));
            line_no += lines;
            index += records;
        }
        let render = out.render;
        let done: Vec<Piece> = pieces
            .par_iter()
            .zip(&bases)
            .map(|(&range, &base)| lint_piece(&buf, range, base, offset, options, name, &render))
            .collect();
        for piece in done {
            outcome.totals.absorb(&piece.totals);
            out.items(&piece.items)?;
            for (record, text, byte_offset) in &piece.sarif {
                let src = Source {
                    path: name,
                    text,
                    byte_offset: *byte_offset,
                };
                out.record(name, &src, record, true)?;
            }
        }
        offset += buf.len();
        progress.inc(buf.len() as u64);
        if eof && carry.is_empty() {
            return Ok(());
        }
    }
}

/// Lines and records (non-blank lines) of one piece.
fn count(part: &[u8]) -> (usize, usize) {
    // `a\nb\n` splits into `a`, `b` and an empty tail that is no line.
    let lines =
        part.iter().filter(|&&b| b == b'\n').count() + usize::from(part.last().is_some_and(|&b| b != b'\n'));
    let records = part
        .split(|&b| b == b'\n')
        .take(lines)
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    (lines, records)
}

/// What one piece of a chunk produced: counts, and its findings already
/// formatted (or, for SARIF, kept as records).
struct Piece {
    totals: Totals,
    items: Vec<String>,
    sarif: Vec<(Record, String, usize)>,
}

/// Lint the lines of `buf[start..end]`, whose first line is line `line_base`
/// (0-based) of the file and whose first record is `index_base`, and format
/// the findings on this worker.
fn lint_piece(
    buf: &[u8],
    (start, end): (usize, usize),
    (line_base, index_base): (usize, usize),
    chunk_offset: usize,
    options: &Options,
    name: &str,
    render: &Render,
) -> Piece {
    let mut piece = Piece {
        totals: Totals::default(),
        items: Vec::new(),
        sarif: Vec::new(),
    };
    let part = &buf[start..end];
    let (lines, _) = count(part);
    let mut at = start;
    let mut index = index_base;
    for (line, bytes) in part.split(|&b| b == b'\n').enumerate().take(lines) {
        let line_start = at;
        at += bytes.len() + 1;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let (text, mut report) = match std::str::from_utf8(bytes) {
            Ok(t) => (t, client_lint::lint_str(t, options)),
            Err(err) => (
                std::str::from_utf8(&bytes[..err.valid_up_to()]).unwrap_or(""),
                client_lint::lint_bytes(bytes, options),
            ),
        };
        report.shift(chunk_offset + line_start, line_base + line);
        let record = Record { index, report };
        index += 1;
        piece.totals.add(&record);
        if record.report.diagnostics().is_empty() {
            continue;
        }
        let src = Source {
            path: name,
            text,
            byte_offset: chunk_offset + line_start,
        };
        match render.items(name, &src, &record, true) {
            Some(items) => piece.items.extend(items),
            None => piece
                .sarif
                .push((record, text.to_string(), chunk_offset + line_start)),
        }
    }
    piece
}

/// Check every input in order; output order never depends on parallelism.
pub fn run<W: Write>(
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
            Input::File(p) => std::fs::metadata(p).map(|m| m.len()).unwrap_or(0),
            Input::Stdin(_) => 0,
        };
        if let (Input::File(p), Layout::Ndjson, Action::Check) = (&inputs[i], inputs[i].layout(), action)
            && size(&inputs[i]) > STREAM_MIN
        {
            stream(p, &inputs[i].name(), options, out, &mut outcome, progress)?;
            i += 1;
            continue;
        }
        // A batch of whole inputs, checked in parallel, written in order.
        let mut j = i;
        let mut bytes = 0;
        while j < inputs.len() && j - i < BATCH_FILES && (j == i || bytes < BATCH_BYTES) {
            if matches!(
                (&inputs[j], inputs[j].layout(), action),
                (Input::File(_), Layout::Ndjson, Action::Check)
            ) && size(&inputs[j]) > STREAM_MIN
            {
                break;
            }
            bytes += size(&inputs[j]);
            j += 1;
        }
        let done: Vec<Done> = inputs[i..j]
            .par_iter()
            .map(|input| {
                let d = check_whole(input, read(input), options, action);
                progress.inc(size(input));
                d
            })
            .collect();
        for d in &done {
            emit(d, out, &mut outcome, action)?;
        }
        if let Action::Fix { .. } = action {
            for (d, input) in done.iter().zip(&inputs[i..j]) {
                if let (Input::Stdin(_), Some(out)) = (input, &d.stdin_out) {
                    outcome.stdin_fixed = Some(out.clone());
                }
            }
        }
        i = j;
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_original_intact() {
        let dir = std::env::temp_dir().join(format!("client-lint-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("c.json");
        std::fs::write(&file, "{\"type\": \"j\"}").unwrap();
        // A directory where the temporary file must go makes the write fail.
        let blocker = temp_path(&std::fs::canonicalize(&dir).unwrap(), "c.json");
        std::fs::create_dir(&blocker).unwrap();
        assert!(write_atomic(&file, "{\"type\": \"J\"}").is_err());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "{\"type\": \"j\"}");
        std::fs::remove_dir(&blocker).unwrap();
        write_atomic(&file, "{\"type\": \"J\"}").unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "{\"type\": \"J\"}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn fixing_through_a_symlink_keeps_the_link() {
        let dir = std::env::temp_dir().join(format!("client-lint-link-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let target = dir.join("real.json");
        let link = dir.join("link.json");
        std::fs::write(&target, "old").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomic(&link, "new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
