//! Writing results in the chosen format, and the summary.

use std::io::{self, Write};

use client_lint::render::{self, FileFindings, HumanStyle, Source};
use client_lint::{Applicability, Lang, Record, Severity};

use crate::args::Format;

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
    }

    pub fn add(&mut self, record: &Record) {
        self.records += 1;
        for d in record.report.diagnostics() {
            match d.severity() {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
            match d.fix().map(|f| f.applicability()) {
                Some(Applicability::Safe) => self.fixable += 1,
                Some(Applicability::Unsafe) => self.unsafe_fixable += 1,
                None => {}
            }
        }
    }
}

/// How findings are formatted: pure and shareable between threads, so that
/// workers can format while the writer writes.
#[derive(Debug, Clone, Copy)]
pub struct Render {
    pub format: Format,
    pub style: HumanStyle,
}

impl Render {
    /// Each finding of a record as one item of the output, or `None` for
    /// SARIF, which is written as one log at the end.
    pub fn items(&self, name: &str, src: &Source<'_>, record: &Record, multi: bool) -> Option<Vec<String>> {
        let items = record.report.diagnostics().iter().map(|d| match self.format {
            Format::Human => render::human(d, src, multi.then_some(record.index), &self.style),
            Format::Json | Format::Jsonl => render::json_record(d, name, record.index),
            Format::Github => render::github(d, name),
            Format::Sarif => String::new(),
        });
        (self.format != Format::Sarif).then(|| items.collect())
    }
}

/// Where results go, in one format.
pub struct Out<W: Write> {
    w: W,
    pub render: Render,
    first: bool,
    sarif: Vec<FileFindings>,
}

impl<W: Write> Out<W> {
    pub fn new(w: W, format: Format, style: HumanStyle) -> Self {
        Out {
            w,
            render: Render { format, style },
            first: true,
            sarif: Vec::new(),
        }
    }

    pub fn begin(&mut self) -> io::Result<()> {
        if self.render.format == Format::Json {
            self.w.write_all(b"[")?;
        }
        Ok(())
    }

    /// Write one record's findings. `multi`: the file holds several records,
    /// so human output names the record.
    pub fn record(&mut self, name: &str, src: &Source<'_>, record: &Record, multi: bool) -> io::Result<()> {
        match self.render.items(name, src, record, multi) {
            Some(items) => self.items(&items),
            None => {
                if self.sarif.last().is_none_or(|f| f.path != name) {
                    self.sarif.push(FileFindings {
                        path: name.to_string(),
                        findings: Vec::new(),
                    });
                }
                if let Some(f) = self.sarif.last_mut() {
                    f.findings.extend(
                        record
                            .report
                            .diagnostics()
                            .iter()
                            .map(|d| (record.index, d.clone())),
                    );
                }
                Ok(())
            }
        }
    }

    /// Write findings formatted by [`Render::items`].
    pub fn items(&mut self, items: &[String]) -> io::Result<()> {
        for item in items {
            match self.render.format {
                Format::Human => {
                    self.w.write_all(item.as_bytes())?;
                    self.w.write_all(b"\n\n")?;
                }
                Format::Json => {
                    self.w.write_all(if self.first { b"\n  " } else { b",\n  " })?;
                    self.first = false;
                    self.w.write_all(item.as_bytes())?;
                }
                Format::Jsonl | Format::Github | Format::Sarif => {
                    self.w.write_all(item.as_bytes())?;
                    self.w.write_all(b"\n")?;
                }
            }
        }
        Ok(())
    }

    pub fn end(&mut self) -> io::Result<()> {
        match self.render.format {
            Format::Json => self.w.write_all(if self.first { b"]\n" } else { b"\n]\n" })?,
            Format::Sarif => {
                let log = render::sarif(&self.sarif, self.render.style.lang);
                serde_json::to_writer_pretty(&mut self.w, &log)?;
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
}

fn plural(n: usize, en: (&str, &str), ru: (&str, &str, &str), lang: Lang) -> String {
    match lang {
        Lang::En => format!("{n} {}", if n == 1 { en.0 } else { en.1 }),
        Lang::Ru => {
            let word = match (n % 10, n % 100) {
                (1, r) if r != 11 => ru.0,
                (2..=4, r) if !(12..=14).contains(&r) => ru.1,
                _ => ru.2,
            };
            format!("{n} {word}")
        }
    }
}

/// How many problems `--fix` fixed.
pub fn fixed_line(fixed: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "fixed {}",
            plural(fixed, ("problem", "problems"), ("", "", ""), lang)
        ),
        Lang::Ru => format!("исправлено проблем: {fixed}"),
    }
}

/// The one-line summary for standard error.
pub fn summary(t: &Totals, fixed: usize, lang: Lang) -> String {
    let files = plural(t.files, ("file", "files"), ("файл", "файла", "файлов"), lang);
    let records = plural(
        t.records,
        ("record", "records"),
        ("запись", "записи", "записей"),
        lang,
    );
    let mut out = String::new();
    if fixed > 0 {
        out.push_str(&fixed_line(fixed, lang));
        out.push('\n');
    }
    if t.errors + t.warnings + t.infos == 0 {
        out.push_str(&match lang {
            Lang::En => format!("all checks passed: {files}, {records}"),
            Lang::Ru => format!("все проверки пройдены: {files}, {records}"),
        });
    } else {
        let errors = plural(
            t.errors,
            ("error", "errors"),
            ("ошибка", "ошибки", "ошибок"),
            lang,
        );
        let warnings = plural(
            t.warnings,
            ("warning", "warnings"),
            ("предупреждение", "предупреждения", "предупреждений"),
            lang,
        );
        out.push_str(&match lang {
            Lang::En => format!("found {errors} and {warnings} in {files}, {records}"),
            Lang::Ru => format!("найдено: {errors} и {warnings} в {files}, {records}"),
        });
        if t.infos > 0 {
            out.push_str(&match lang {
                Lang::En => format!(" ({} info)", t.infos),
                Lang::Ru => format!(" (ещё {} info)", t.infos),
            });
        }
        if t.fixable + t.unsafe_fixable > 0 {
            out.push_str(&match lang {
                Lang::En => format!(
                    "\n{} fixable with `--fix`, {} more with `--fix --unsafe-fixes`",
                    t.fixable, t.unsafe_fixable
                ),
                Lang::Ru => format!(
                    "\nисправимо с `--fix`: {}, ещё {} с `--fix --unsafe-fixes`",
                    t.fixable, t.unsafe_fixable
                ),
            });
        }
    }
    out
}
