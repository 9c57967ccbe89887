//! Conflicts between the clients of one fleet: the same `id` (response mode),
//! `domain` or `domain_prefix` in two records of one input, or of everything
//! a server holds. No single record shows them, and no schema can.
//!
//! [`Fleet`] takes records one at a time, in order, and reports each value
//! an earlier record already has, naming where that one is. It keeps one
//! entry per distinct value, not the records. [`Keys::of`] reads what it
//! compares from a record's text on any thread; [`Fleet::add`] is the
//! ordered part.
//!
//! ```
//! use client_lint::fleet::Fleet;
//! let mut fleet = Fleet::new(&Default::default());
//! let first = fleet.add("a.ndjson", 0, r#"{"domain": "pbx.example.com"}"#, 0, 0);
//! assert!(first.diagnostics().is_empty());
//! let second = fleet.add("a.ndjson", 1, r#"{"domain": "PBX.Example.com."}"#, 31, 1);
//! let d = &second.diagnostics()[0];
//! assert_eq!(d.name(), "duplicate-domain");
//! assert_eq!(d.message(), "`domain` `PBX.Example.com.` is already the domain of record 0 (a.ndjson, line 1)");
//! assert_eq!(d.start().unwrap().line, 2);
//! ```

use std::collections::HashMap;

use serde::Deserialize;

use crate::options::{Mode, Options};
use crate::report::{Report, finish_order, resolve_positions};
use crate::rule::Rule;

/// What a record is known by, each in the form it is compared in: `id` as an
/// integer, `domain` in lower case without padding or a final dot (a Unicode
/// name in its `xn--` form), `domain_prefix` without padding. A value of the
/// wrong type is left out (its own rule reports it).
///
/// ```
/// use client_lint::fleet::Keys;
/// let k = Keys::of(r#"{"id": 7.0, "domain": " PBX.example.com. ", "domain_prefix": "123"}"#);
/// assert_eq!((k.id, k.domain.as_deref(), k.domain_prefix.as_deref()), (Some(7), Some("pbx.example.com"), Some("123")));
/// assert_eq!(Keys::of(r#"{"domain": "пример.рф"}"#).domain.as_deref(), Some("xn--e1afmkfd.xn--p1ai"));
/// assert_eq!(Keys::of("[1, 2]"), Keys::default());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Keys {
    /// The client's id.
    pub id: Option<i64>,
    /// The host name, as DNS compares it.
    pub domain: Option<String>,
    /// The dialling prefix.
    pub domain_prefix: Option<String>,
}

/// The three members, every other one skipped unread.
#[derive(Deserialize)]
struct Raw {
    id: Option<serde_json::Value>,
    domain: Option<serde_json::Value>,
    domain_prefix: Option<serde_json::Value>,
}

impl Keys {
    /// The keys of one record's JSON text. A text that is not one JSON
    /// object, or repeats one of the three keys, has none.
    pub fn of(text: &str) -> Keys {
        let Ok(raw) = serde_json::from_str::<Raw>(text) else {
            return Keys::default();
        };
        let string = |v: Option<serde_json::Value>| match v {
            Some(serde_json::Value::String(s)) => Some(s),
            _ => None,
        };
        Keys {
            id: raw.id.and_then(|v| canonical_id(&v)),
            domain: string(raw.domain).and_then(|d| canonical_domain(&d)),
            domain_prefix: string(raw.domain_prefix)
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty()),
        }
    }

    fn is_empty(&self) -> bool {
        self.id.is_none() && self.domain.is_none() && self.domain_prefix.is_none()
    }
}

/// An id by its JSON meaning: `7`, `7.0` and `7e0` are one id.
fn canonical_id(v: &serde_json::Value) -> Option<i64> {
    let n = v.as_number()?;
    n.as_i64().or_else(|| {
        let f = n.as_f64()?;
        (f.fract() == 0.0 && f.abs() < 9.0e15).then_some(f as i64)
    })
}

/// A host name as DNS compares it.
fn canonical_domain(d: &str) -> Option<String> {
    let d = d.trim();
    let d = d.strip_suffix('.').unwrap_or(d);
    if d.is_empty() {
        return None;
    }
    if d.is_ascii() {
        return Some(d.to_ascii_lowercase());
    }
    idna::domain_to_ascii(d).ok().or_else(|| Some(d.to_lowercase()))
}

/// Where a value was first seen: an index into the file names, the record
/// and its first line (1-based).
#[derive(Debug, Clone, Copy)]
struct First {
    file: u32,
    record: usize,
    line: usize,
}

/// The rule of each key, in the order of [`Keys`]' fields.
const KINDS: [Rule; 3] = [
    Rule::DuplicateId,
    Rule::DuplicateDomain,
    Rule::DuplicateDomainPrefix,
];

/// Records taken in order, and the first record of each value.
#[derive(Debug, Clone)]
pub struct Fleet {
    options: Options,
    files: Vec<String>,
    seen: HashMap<(u8, Box<str>), First>,
}

impl Fleet {
    /// An empty fleet; `options` give the language, the mode (ids are
    /// compared in response mode only) and the rule levels.
    pub fn new(options: &Options) -> Fleet {
        Fleet {
            options: options.clone(),
            files: Vec::new(),
            seen: HashMap::new(),
        }
    }

    /// Distinct values held.
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    /// Whether no value is held yet.
    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }

    /// Take record `record` of `file`, whose JSON text is `text`, starting at
    /// byte `offset` of the file after `line` lines: the findings for each
    /// value an earlier record has, positioned in the file.
    pub fn add(&mut self, file: &str, record: usize, text: &str, offset: usize, line: usize) -> Report {
        self.add_keys(Keys::of(text), file, record, text, offset, line)
    }

    /// Take the records of `text` (as [`lint_records`](crate::lint_records)
    /// or [`lint_file`](crate::lint_file) gave them, in order), appending to
    /// each record's report its findings against the records before it, in
    /// this file or earlier ones.
    ///
    /// ```
    /// use client_lint::{Layout, Mode, Options, fleet::Fleet, lint_records};
    /// let options = Options::new().mode(Mode::Response);
    /// let text = "{\"id\": 7}\n{\"id\": 8}\n{\"id\": 7.0}\n";
    /// let mut records = lint_records(text, &options, Layout::Auto);
    /// Fleet::new(&options).add_records("export.ndjson", text, &mut records);
    /// // After the record's own finding (`7.0` is no canonical integer):
    /// let d = records[2].report.diagnostics().last().unwrap();
    /// assert_eq!((d.name(), d.start().unwrap().line), ("duplicate-id", 3));
    /// assert!(d.message().ends_with("record 0 (export.ndjson, line 1)"));
    /// ```
    pub fn add_records(&mut self, file: &str, text: &str, records: &mut [crate::Record]) {
        let (mut at, mut line) = (0, 0);
        for r in records {
            let Some(span) = r.span else { continue };
            let Some(record_text) = text.get(span.start..span.end) else {
                continue;
            };
            line += text.as_bytes()[at.min(span.start)..span.start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            at = span.start;
            let found = self.add(file, r.index, record_text, span.start, line);
            r.report.diagnostics.extend(found.diagnostics);
        }
    }

    /// [`Fleet::add`] with the keys already read (on another thread).
    pub fn add_keys(
        &mut self,
        keys: Keys,
        file: &str,
        record: usize,
        text: &str,
        offset: usize,
        line: usize,
    ) -> Report {
        if keys.is_empty() {
            return Report::default();
        }
        let file_index = match self.files.iter().rposition(|f| f == file) {
            Some(i) => i,
            None => {
                self.files.push(file.to_string());
                self.files.len() - 1
            }
        };
        let here = First {
            file: u32::try_from(file_index).unwrap_or(u32::MAX),
            record,
            line: line + 1,
        };
        let values = [
            keys.id
                .filter(|_| self.options.get_mode() == Mode::Response)
                .map(|i| i.to_string()),
            keys.domain,
            keys.domain_prefix,
        ];
        let mut conflicts = Vec::new();
        for (kind, value) in values.into_iter().enumerate() {
            let Some(value) = value else { continue };
            match self.seen.entry((kind as u8, value.into_boxed_str())) {
                std::collections::hash_map::Entry::Occupied(e) => conflicts.push((kind, *e.get())),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(here);
                }
            }
        }
        if conflicts.is_empty() {
            return Report::default();
        }
        let found: Vec<(Rule, (&str, usize, usize))> = conflicts
            .iter()
            .map(|&(kind, first)| {
                let file = self.files.get(first.file as usize).map_or("", String::as_str);
                (KINDS[kind], (file, first.record, first.line))
            })
            .collect();
        let diags = crate::rules::fleet::duplicates(&self.options, text, &found);
        let mut reports = vec![finish_order(diags)];
        resolve_positions(text, &mut reports);
        let mut report = reports.pop().unwrap_or_default();
        report.shift(offset, line);
        report
    }
}
