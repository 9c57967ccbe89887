//! Conflicts between the clients of one fleet: the same `id` (response mode),
//! `domain` or `domain_prefix` in two records of one input, or of everything
//! a server holds. No single record shows them, and no schema can.
//!
//! [`Fleet`] takes records one at a time, in order, and reports each value
//! an earlier record already has, naming where that one is. It keeps one
//! entry per distinct value, not the records. [`Keys::of`] reads what it
//! compares from a record's text on any thread ([`lint_keyed`] while linting
//! it, from the same parse); [`Fleet::add_keys`] is the ordered part.
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

mod table;

use crate::options::{Mode, Options};
use crate::report::{Report, finish_order, resolve_positions};
use crate::rule::Rule;
use crate::syntax::{Node, Value};

/// What a record is known by: 128-bit digests of its `id` (as an integer),
/// `domain` (in lower case, without padding or a final dot, a Unicode name
/// in its `xn--` form) and `domain_prefix` (without padding). A value of the
/// wrong type is left out (its own rule reports it). Reading them allocates
/// nothing for ordinary values, on any thread.
///
/// ```
/// use client_lint::fleet::Keys;
/// assert_eq!(Keys::of(r#"{"domain": " PBX.example.com. "}"#), Keys::of(r#"{"domain": "pbx.example.com"}"#));
/// assert_eq!(Keys::of(r#"{"domain": "пример.рф"}"#), Keys::of(r#"{"domain": "xn--e1afmkfd.xn--p1ai"}"#));
/// assert_eq!(Keys::of(r#"{"id": 7.0}"#), Keys::of(r#"{"id": 7}"#));
/// assert_ne!(Keys::of(r#"{"id": 7}"#), Keys::of(r#"{"domain_prefix": "7"}"#));
/// assert!(Keys::of("[1, 2]").is_empty());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Keys {
    digests: [Option<u128>; 3],
}

impl Keys {
    /// The keys of one record's JSON text. A text that is not one JSON
    /// object has none; of a member given twice, the last counts (as most
    /// JSON readers take it). A byte order mark is skipped, as the linter
    /// skips it.
    pub fn of(text: &str) -> Keys {
        let start = if text.starts_with('\u{FEFF}') {
            '\u{FEFF}'.len_utf8()
        } else {
            0
        };
        let parsed = crate::syntax::parse(text, start, false);
        match &parsed.root {
            Some(root) if parsed.errors.is_empty() => Keys::from_tree(root, [true; 3]),
            _ => Keys::default(),
        }
    }

    /// The keys of a parsed record, of the kinds `wanted` only: the linter's
    /// tree gives them without a second reading of the text.
    pub(crate) fn from_tree(root: &Node<'_>, wanted: [bool; 3]) -> Keys {
        let Value::Object(members) = &root.value else {
            return Keys::default();
        };
        let mut last: [Option<&Value<'_>>; 3] = [None; 3];
        for m in members {
            // Each kind's field, as its rule names it.
            let field = |&rule: &Rule| crate::rules::fleet::field_of(rule) == Some(&*m.key);
            if let Some(kind) = KINDS.iter().position(field) {
                last[kind] = Some(&m.value.value);
            }
        }
        let id = match last[0].filter(|_| wanted[0]) {
            Some(Value::Number(n)) => match crate::rules::numbers::number_value(n) {
                Some(crate::rules::numbers::Number::Whole(v)) => Some(digest(0, &v.to_le_bytes(), false)),
                _ => None,
            },
            _ => None,
        };
        let domain = match last[1].filter(|_| wanted[1]) {
            Some(Value::String(d)) => {
                let d = d.trim();
                let d = d.strip_suffix('.').unwrap_or(d);
                if d.is_empty() {
                    None
                } else if d.is_ascii() {
                    Some(digest(1, d.as_bytes(), true))
                } else {
                    let ascii = idna::domain_to_ascii(d).unwrap_or_else(|_| d.to_lowercase());
                    Some(digest(1, ascii.as_bytes(), false))
                }
            }
            _ => None,
        };
        let domain_prefix = match last[2].filter(|_| wanted[2]) {
            Some(Value::String(p)) => {
                let p = p.trim();
                (!p.is_empty()).then(|| digest(2, p.as_bytes(), false))
            }
            _ => None,
        };
        Keys {
            digests: [id, domain, domain_prefix],
        }
    }

    /// Only the values `options` compare (a fleet with those options would
    /// ignore the others): what a thread keeps for the ordered pass.
    ///
    /// ```
    /// use client_lint::{Mode, Options, fleet::Keys};
    /// let keys = Keys::of(r#"{"id": 7}"#);
    /// assert!(keys.compared_by(&Options::default()).is_empty());
    /// assert!(!keys.compared_by(&Options::new().with_mode(Mode::Response)).is_empty());
    /// ```
    #[must_use]
    pub fn compared_by(mut self, options: &Options) -> Keys {
        for (kind, digest) in self.digests.iter_mut().enumerate() {
            if !compared(options, kind) {
                *digest = None;
            }
        }
        self
    }

    /// Whether the record has none of the three values.
    pub fn is_empty(&self) -> bool {
        self.digests.iter().all(Option::is_none)
    }
}

/// Lint one record's text and read the [`Keys`] `options` compare from the
/// same parse: what a thread does before [`Fleet::add_keys`], reading the
/// text once instead of twice. A text with a syntax error has no keys.
///
/// ```
/// use client_lint::{Mode, Options, fleet::{Keys, lint_keyed}};
/// let options = Options::new().with_mode(Mode::Response);
/// let text = r#"{"id": 7, "type": "x"}"#;
/// let (report, keys) = lint_keyed(text, &options);
/// assert_eq!(report.diagnostics()[0].name(), "unknown-client-type");
/// assert_eq!(keys, Keys::of(text).compared_by(&options));
/// ```
pub fn lint_keyed(text: &str, options: &Options) -> (Report, Keys) {
    let wanted = wanted(options);
    let (report, keys) = crate::lint::lint_then(text, options, |root, _| {
        wanted.contains(&true).then(|| Keys::from_tree(root, wanted))
    });
    (report, keys.unwrap_or_default())
}

/// Check the record at `start` of `text` (an array's element: parsing stops
/// after it), and read its [`Keys`] of the kinds `wanted` from the same tree
/// when it parsed without a syntax error (what [`Keys::of`] gives for its
/// text); where it ended and whether it had a syntax error.
pub(crate) fn check_keyed(
    ctx: &mut crate::rules::Ctx<'_>,
    text: &str,
    start: usize,
    wanted: [bool; 3],
) -> (usize, bool, Keys) {
    let parsed = crate::syntax::parse(text, start, true);
    let (end, failed) = crate::lint::check_parsed(ctx, &parsed);
    let keys = match &parsed.root {
        Some(root) if !failed && wanted.contains(&true) => Keys::from_tree(root, wanted),
        _ => Keys::default(),
    };
    (end, failed, keys)
}

/// The kinds of key `options` compare, in the order of [`Keys`]' fields.
pub(crate) fn wanted(options: &Options) -> [bool; 3] {
    [0, 1, 2].map(|kind| compared(options, kind))
}

/// Whether `options` compare values of `kind`: its rule is on, and ids only
/// in response mode.
fn compared(options: &Options, kind: usize) -> bool {
    options.severity(KINDS[kind]).is_some() && (kind != 0 || options.mode() == Mode::Response)
}

/// A SipHash key drawn once per process, shared by every thread.
fn key() -> (u64, u64) {
    use std::hash::BuildHasher;
    static KEY: std::sync::OnceLock<(u64, u64)> = std::sync::OnceLock::new();
    *KEY.get_or_init(|| {
        let random = || std::hash::RandomState::new().hash_one(0u8);
        (random(), random())
    })
}

/// 128 bits for a value of one kind: keyed SipHash-1-3 with a 128-bit
/// output, in one pass over the value (two 64-bit std hashers took two).
/// Two distinct values collide with probability about 2^-128 (and keyed per
/// process, so no input can be made to collide on purpose).
fn digest(kind: u8, value: &[u8], lowercase: bool) -> u128 {
    use siphasher::sip128::Hasher128;
    use std::hash::Hasher;
    let (k0, k1) = key();
    let mut h = siphasher::sip128::SipHasher13::new_with_keys(k0, k1);
    h.write_u8(kind);
    if lowercase && value.iter().any(u8::is_ascii_uppercase) {
        // A chunk at a time through a buffer: the stream of bytes hashed is
        // the lower-cased value, as if written whole.
        let mut buffer = [0; 64];
        for chunk in value.chunks(buffer.len()) {
            let lower = &mut buffer[..chunk.len()];
            lower.copy_from_slice(chunk);
            lower.make_ascii_lowercase();
            h.write(lower);
        }
    } else {
        h.write(value);
    }
    h.finish128().as_u128()
}

/// The 96 of a digest's 128 bits the map keeps, in three words. Two of 15
/// million distinct values collide with probability about 2^-50.
#[allow(
    clippy::cast_possible_truncation,
    reason = "96 bits of the digest, in three words"
)]
fn key_of(digest: u128) -> [u32; 3] {
    [(digest >> 64) as u32, (digest >> 32) as u32, digest as u32]
}

/// Where a value was first seen: the record and its first line (1-based);
/// its file is in [`Fleet::file_runs`]. Held once per record that brought a
/// new value, beside the map, which names it by its index here.
#[derive(Debug, Clone, Copy)]
struct First {
    record: u64,
    line: u64,
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
    /// The records that brought a value, in order.
    firsts: Vec<First>,
    /// Which file the records of `firsts` are in: from each run's first
    /// index in `firsts`, the index in `files` (16 bytes a record, where a
    /// file index in each took 24).
    file_runs: Vec<(u32, u32)>,
    /// Each distinct value and the index in `firsts` of its first record.
    seen: table::Table,
}

impl Fleet {
    /// An empty fleet; `options` give the language, the mode (ids are
    /// compared in response mode only) and the rule levels.
    pub fn new(options: &Options) -> Fleet {
        Fleet {
            options: options.clone(),
            files: Vec::new(),
            firsts: Vec::new(),
            file_runs: Vec::new(),
            seen: table::Table::default(),
        }
    }

    /// Whether any of its rules is on: when none is (all three allowed, or
    /// ids in request mode and the two others allowed), there is nothing to
    /// read or hold.
    ///
    /// ```
    /// use client_lint::{Level, Options, Rule, fleet::Fleet};
    /// assert!(Fleet::new(&Options::default()).is_on());
    /// let off = Options::default()
    ///     .with_level(Rule::DuplicateDomain, Level::Allow)
    ///     .with_level(Rule::DuplicateDomainPrefix, Level::Allow);
    /// assert!(!Fleet::new(&off).is_on());
    /// ```
    pub fn is_on(&self) -> bool {
        (0..KINDS.len()).any(|kind| self.checks(kind))
    }

    /// The file (index in `files`) of the record at `ordinal` in `firsts`.
    fn file_of(&self, ordinal: u32) -> u32 {
        let run = self.file_runs.partition_point(|&(from, _)| from <= ordinal);
        run.checked_sub(1)
            .and_then(|r| self.file_runs.get(r))
            .map_or(u32::MAX, |&(_, f)| f)
    }

    /// Whether values of `kind` are compared.
    fn checks(&self, kind: usize) -> bool {
        compared(&self.options, kind)
    }

    /// Bring into the cache the places the values of `keys` will take: a
    /// hint before [`Fleet::add_keys`] of a batch of records, whose memory
    /// reads then overlap instead of waiting one after another (on a fleet
    /// of millions of values, most of the cost of adding). Changes nothing.
    ///
    /// ```
    /// use client_lint::fleet::{Fleet, Keys};
    /// let mut fleet = Fleet::new(&Default::default());
    /// let texts = [r#"{"domain": "a.example.com"}"#, r#"{"domain": "b.example.com"}"#];
    /// let keys = texts.map(Keys::of);
    /// fleet.warm(&keys);
    /// for (i, (k, t)) in keys.into_iter().zip(texts).enumerate() {
    ///     assert!(fleet.add_keys(k, "f", i, t, 0, i).diagnostics().is_empty());
    /// }
    /// assert_eq!(fleet.len(), 2);
    /// ```
    pub fn warm<'k>(&self, keys: impl IntoIterator<Item = &'k Keys>) {
        self.seen.warm(
            keys.into_iter()
                .flat_map(|k| k.digests.iter().flatten())
                .map(|&d| key_of(d)),
        );
    }

    /// Distinct values held.
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    /// Whether no value is held yet.
    pub fn is_empty(&self) -> bool {
        self.seen.len() == 0
    }

    /// Take record `record` of `file`, whose JSON text is `text`, starting at
    /// byte `offset` of the file after `line` lines: the findings for each
    /// value an earlier record has, positioned in the file.
    pub fn add(&mut self, file: &str, record: usize, text: &str, offset: usize, line: usize) -> Report {
        self.add_keys(Keys::of(text), file, record, text, offset, line)
    }

    /// Take the records of `text` (as [`lint_records`](crate::lint_records)
    /// or [`lint_records_slice`](crate::lint_records_slice) gave them, in order), appending to
    /// each record's report its findings against the records before it, in
    /// this file or earlier ones.
    ///
    /// ```
    /// use client_lint::{Layout, Mode, Options, fleet::Fleet, lint_records};
    /// let options = Options::new().with_mode(Mode::Response);
    /// let text = "{\"id\": 7}\n{\"id\": 8}\n{\"id\": 7.0}\n";
    /// let mut records = lint_records(text, &options, Layout::Auto);
    /// Fleet::new(&options).add_records("export.ndjson", text, &mut records);
    /// // After the record's own finding (`7.0` is no canonical integer):
    /// let d = records[2].report.diagnostics().last().unwrap();
    /// assert_eq!((d.name(), d.start().unwrap().line), ("duplicate-id", 3));
    /// assert!(d.message().ends_with("record 0 (export.ndjson, line 1)"));
    /// ```
    pub fn add_records(&mut self, file: &str, text: &str, records: &mut [crate::Record]) {
        if !self.is_on() {
            return;
        }
        let (mut at, mut line) = (0, 0);
        for r in records {
            let Some(span) = r.span else { continue };
            let Some(record_text) = text.get(span.start..span.end) else {
                continue;
            };
            line += crate::span::line_breaks(&text.as_bytes()[at.min(span.start)..span.start]);
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
        self.add_keys_with(keys, file, record, line, || (text, offset))
    }

    /// [`Fleet::add_keys`] for a caller to whom the record's text costs
    /// something (bytes to check as UTF-8 again, a file to read again):
    /// `text` is called only when the record has values an earlier one had,
    /// for its text and the byte offset where it starts. `line`, the lines
    /// before the record, is where a later duplicate will say it is.
    ///
    /// ```
    /// use client_lint::fleet::{Fleet, Keys};
    /// let records = ["{\"domain\": \"a.example\"}", "{\"domain\": \"b.example\"}", "{\"domain\": \"A.example\"}"];
    /// let mut fleet = Fleet::new(&Default::default());
    /// let mut asked = Vec::new();
    /// for (i, text) in records.iter().enumerate() {
    ///     let offset = records[..i].iter().map(|r| r.len() + 1).sum();
    ///     let report = fleet.add_keys_with(Keys::of(text), "f.ndjson", i, i, || {
    ///         asked.push(i);
    ///         (*text, offset)
    ///     });
    ///     assert_eq!(report.diagnostics().len(), usize::from(i == 2));
    /// }
    /// assert_eq!(asked, [2]);
    /// ```
    pub fn add_keys_with<'t>(
        &mut self,
        keys: Keys,
        file: &str,
        record: usize,
        line: usize,
        text: impl FnOnce() -> (&'t str, usize),
    ) -> Report {
        if keys.is_empty() {
            return Report::default();
        }
        let file_index = if let Some(i) = self.files.iter().rposition(|f| f == file) {
            i
        } else {
            self.files.push(file.to_string());
            self.files.len() - 1
        };
        let file_index = u32::try_from(file_index).unwrap_or(u32::MAX);
        let here = First {
            record: record as u64,
            line: line as u64 + 1,
        };
        // After 2^32 - 1 records that brought new values (an input of
        // hundreds of gigabytes), later ones are not compared: a finding is
        // never wrong, some may be missed.
        let ordinal = u32::try_from(self.firsts.len()).ok().filter(|&n| n < u32::MAX);
        let mut conflicts = Vec::new();
        let mut new = false;
        for (kind, digest) in keys.digests.into_iter().enumerate() {
            // Ids are the server's: compared in responses only; a rule that
            // is off holds nothing.
            let Some(digest) = digest.filter(|_| self.checks(kind)) else {
                continue;
            };
            let Some(ordinal) = ordinal else { continue };
            match self.seen.insert(key_of(digest), ordinal) {
                table::Found::Held(i) => {
                    if let Some(&first) = usize::try_from(i).ok().and_then(|i| self.firsts.get(i)) {
                        conflicts.push((kind, self.file_of(i), first));
                    }
                }
                table::Found::Inserted => new = true,
            }
        }
        if let Some(ordinal) = ordinal.filter(|_| new) {
            if self.file_runs.last().is_none_or(|&(_, f)| f != file_index) {
                self.file_runs.push((ordinal, file_index));
            }
            self.firsts.push(here);
        }
        if conflicts.is_empty() {
            return Report::default();
        }
        let found: Vec<(Rule, (&str, usize, usize))> = conflicts
            .iter()
            .map(|&(kind, file, first)| {
                let index = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
                let file = self.files.get(index(file.into())).map_or("", String::as_str);
                (KINDS[kind], (file, index(first.record), index(first.line)))
            })
            .collect();
        let (text, offset) = text();
        let diags = crate::rules::fleet::duplicates(&self.options, text, &found);
        let mut reports = vec![finish_order(diags)];
        resolve_positions(text, &mut reports);
        let mut report = reports.pop().unwrap_or_default();
        report.shift(offset, line);
        report
    }
}
