//! Which inputs to check: files, directories (walked, sorted), standard input.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use client_lint::Layout;

use crate::config::Files;
use crate::fs::Bytes;

/// One input to check.
#[derive(Debug, Clone)]
pub enum Input {
    /// A regular file: `--fix` rewrites it.
    File(PathBuf),
    /// A FIFO, a device, `/dev/stdin`: read like a file, never rewritten;
    /// `--fix` prints its fixed text, like standard input.
    Stream(PathBuf),
    Stdin(String),
}

impl Input {
    /// The name shown in output.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) | Input::Stream(p) => p.display().to_string(),
            Input::Stdin(name) => name.clone(),
        }
    }

    /// NDJSON for `.ndjson` and `.jsonl`, decided from the text otherwise.
    pub fn layout(&self) -> Layout {
        let name = self.name();
        if is_ndjson_name(&name) {
            Layout::Ndjson
        } else {
            Layout::Auto
        }
    }
}

/// Every file below `dir` that `files` accepts (by default `*.json`,
/// `*.ndjson`, `*.jsonl`), sorted, skipping hidden files and directories,
/// `target`/`node_modules` and what `files` excludes. Walks with an
/// explicit stack.
fn walk(dir: &Path, files: &Files, out: &mut Vec<PathBuf>, errors: &mut Vec<String>) {
    let mut stack = vec![dir.to_path_buf()];
    let mut found = Vec::new();
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                errors.push(format!("{}: {e}", d.display()));
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() {
                if !name.starts_with('.')
                    && name != "target"
                    && name != "node_modules"
                    && !files.excludes(&path)
                {
                    stack.push(path);
                }
            } else if !name.starts_with('.') && files.accepts(&path) {
                found.push(path);
            }
        }
    }
    found.sort();
    out.extend(found);
}

/// Expand the paths. Problems (missing paths, empty directories) are returned
/// as messages; the other inputs are still checked. Each real file is an
/// input once, however many names lead to it (given twice, through its
/// directory and by name, or through a symbolic link): the first name wins.
/// Files named on the command line are checked whatever `files` says; the
/// files of a directory only when it accepts them.
pub fn collect(
    paths: &[PathBuf],
    files: &Files,
    stdin_name: &str,
    stdin_is_terminal: bool,
) -> (Vec<Input>, Vec<String>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    if paths.is_empty() {
        if stdin_is_terminal {
            errors.push("no input: name files or directories, or pipe JSON into standard input".into());
        } else {
            inputs.push(Input::Stdin(stdin_name.to_string()));
        }
        return (inputs, errors);
    }
    let mut seen = std::collections::HashSet::new();
    let mut stdin_seen = false;
    let mut push = |inputs: &mut Vec<Input>, path: PathBuf| {
        let real = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if seen.insert(real) {
            inputs.push(if crate::fs::is_stream(&path) {
                Input::Stream(path)
            } else {
                Input::File(path)
            });
        }
    };
    for p in paths {
        if p.as_os_str() == "-" {
            if !std::mem::replace(&mut stdin_seen, true) {
                inputs.push(Input::Stdin(stdin_name.to_string()));
            }
        } else if p.is_dir() {
            let mut found = Vec::new();
            walk(p, files, &mut found, &mut errors);
            if found.is_empty() {
                errors.push(format!(
                    "{}: no file to check in this directory (by default *.json, *.ndjson and *.jsonl; \
                     `include` and `exclude` in client-lint.toml choose others)",
                    p.display()
                ));
            }
            for f in found {
                push(&mut inputs, f);
            }
        } else if p.exists() {
            push(&mut inputs, p.clone());
        } else {
            // Say why, as the system does: a symbolic-link loop or a
            // dangling link is not "no such file" to the person who made it.
            let why = match std::fs::metadata(p) {
                Err(e) => e.to_string(),
                Ok(_) => "no such file or directory".to_string(),
            };
            let why = if std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink())
                && why.contains("No such file")
            {
                "a symbolic link to nothing (dangling)".to_string()
            } else {
                why.split(" (os error").next().unwrap_or(&why).to_lowercase()
            };
            errors.push(format!("{}: {why}", p.display()));
        }
    }
    (inputs, errors)
}

/// Read an input whole; for a file, also what it was when read.
pub fn read(input: &Input) -> Bytes {
    match input {
        Input::File(p) => crate::fs::read_file(p),
        Input::Stream(p) => {
            let mut buf = Vec::new();
            std::fs::File::open(p)?.read_to_end(&mut buf)?;
            Ok((buf, None))
        }
        Input::Stdin(_) => {
            let mut buf = Vec::new();
            io::stdin().lock().read_to_end(&mut buf)?;
            Ok((buf, None))
        }
    }
}

/// Whether a file name says NDJSON: `.ndjson` or `.jsonl`, in any case
/// (`EXPORT.NDJSON` from a system that writes upper case).
pub fn is_ndjson_name(name: &str) -> bool {
    std::path::Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ndjson") || e.eq_ignore_ascii_case("jsonl"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn ndjson_names_in_any_case() {
        for name in ["a.ndjson", "dir/EXPORT.NDJSON", "x.JsonL", "a.b.jsonl"] {
            assert!(super::is_ndjson_name(name), "{name}");
        }
        for name in ["a.json", "ndjson", "a.ndjson.bak", "a.NDJSO"] {
            assert!(!super::is_ndjson_name(name), "{name}");
        }
    }
}
