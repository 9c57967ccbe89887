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

/// The three members, every other one skipped unread; strings borrowed from
/// the text unless they hold escapes.
#[derive(Deserialize)]
struct Raw<'a> {
    #[serde(borrow)]
    id: Option<Scalar<'a>>,
    #[serde(borrow)]
    domain: Option<Scalar<'a>>,
    #[serde(borrow)]
    domain_prefix: Option<Scalar<'a>>,
}

/// A member's value: a string or an integral number are read, anything else
/// skipped.
enum Scalar<'a> {
    Str(std::borrow::Cow<'a, str>),
    Int(i64),
    Other,
}

impl<'de: 'a, 'a> Deserialize<'de> for Scalar<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Scalar<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Scalar<'de>, E> {
                Ok(Scalar::Str(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Scalar<'de>, E> {
                Ok(Scalar::Str(std::borrow::Cow::Owned(v.to_string())))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Scalar<'de>, E> {
                Ok(Scalar::Int(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Scalar<'de>, E> {
                Ok(i64::try_from(v).map_or(Scalar::Other, Scalar::Int))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Scalar<'de>, E> {
                // `7.0` and `7e0` are the id 7.
                #[allow(clippy::cast_possible_truncation, reason = "whole and below 2^53: exact")]
                Ok(if v.fract() == 0.0 && v.abs() < 9.0e15 {
                    Scalar::Int(v as i64)
                } else {
                    Scalar::Other
                })
            }
            fn visit_bool<E>(self, _: bool) -> Result<Scalar<'de>, E> {
                Ok(Scalar::Other)
            }
            fn visit_unit<E>(self) -> Result<Scalar<'de>, E> {
                Ok(Scalar::Other)
            }
            fn visit_none<E>(self) -> Result<Scalar<'de>, E> {
                Ok(Scalar::Other)
            }
            fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Scalar<'de>, D::Error> {
                d.deserialize_any(V)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Scalar<'de>, A::Error> {
                while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Scalar::Other)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Scalar<'de>, A::Error> {
                while a
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(Scalar::Other)
            }
        }
        d.deserialize_any(V)
    }
}

/// A string member's value.
fn string(v: Option<Scalar<'_>>) -> Option<std::borrow::Cow<'_, str>> {
    match v {
        Some(Scalar::Str(s)) => Some(s),
        _ => None,
    }
}

impl Keys {
    /// The keys of one record's JSON text. A text that is not one JSON
    /// object, or repeats one of the three keys, has none.
    pub fn of(text: &str) -> Keys {
        let Ok(raw) = serde_json::from_str::<Raw<'_>>(text) else {
            return Keys::default();
        };
        let id = match raw.id {
            Some(Scalar::Int(i)) => Some(digest(0, &i.to_le_bytes(), false)),
            _ => None,
        };
        let domain = string(raw.domain).and_then(|d| {
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
        });
        let domain_prefix = string(raw.domain_prefix).and_then(|p| {
            let p = p.trim();
            (!p.is_empty()).then(|| digest(2, p.as_bytes(), false))
        });
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

/// Whether `options` compare values of `kind`: its rule is on, and ids only
/// in response mode.
fn compared(options: &Options, kind: usize) -> bool {
    options.severity(KINDS[kind]).is_some() && (kind != 0 || options.mode() == Mode::Response)
}

/// Two SipHash keys drawn once per process, shared by every thread.
fn seeds() -> &'static (std::hash::RandomState, std::hash::RandomState) {
    static SEEDS: std::sync::OnceLock<(std::hash::RandomState, std::hash::RandomState)> =
        std::sync::OnceLock::new();
    SEEDS.get_or_init(|| (std::hash::RandomState::new(), std::hash::RandomState::new()))
}

/// 128 bits for a value of one kind: two keyed SipHash digests. Two distinct
/// values collide with probability about 2^-128 (and keyed per process, so
/// no input can be made to collide on purpose).
fn digest(kind: u8, value: &[u8], lowercase: bool) -> u128 {
    use std::hash::{BuildHasher, Hasher};
    let (a, b) = seeds();
    let half = |state: &std::hash::RandomState| {
        let mut h = state.build_hasher();
        h.write_u8(kind);
        if lowercase && value.iter().any(u8::is_ascii_uppercase) {
            for byte in value {
                h.write_u8(byte.to_ascii_lowercase());
            }
        } else {
            h.write(value);
        }
        h.finish()
    };
    (u128::from(half(a)) << 64) | u128::from(half(b))
}

/// A digest as the map's key, in two 8-byte halves: an entry is then 16 + 24
/// bytes with no padding, where a `u128` key (16-byte aligned) made it 48.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key(u64, u64);

impl Key {
    #[allow(clippy::cast_possible_truncation, reason = "the two halves of the digest")]
    fn of(digest: u128) -> Key {
        Key((digest >> 64) as u64, digest as u64)
    }
}

impl std::hash::Hash for Key {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        h.write_u64(self.1);
    }
}

/// The map's own hasher: a digest is already uniform, so its low bits are
/// the hash.
#[derive(Default)]
struct Prehashed(u64);

impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Where a value was first seen: an index into the file names, the record
/// and its first line (1-based). 24 bytes; with its key, 40 (checked below).
#[derive(Debug, Clone, Copy)]
struct First {
    file: u32,
    record: u64,
    line: u64,
}

const _: () = assert!(std::mem::size_of::<(Key, First)>() == 40);

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
    seen: HashMap<Key, First, std::hash::BuildHasherDefault<Prehashed>>,
}

impl Fleet {
    /// An empty fleet; `options` give the language, the mode (ids are
    /// compared in response mode only) and the rule levels.
    pub fn new(options: &Options) -> Fleet {
        Fleet {
            options: options.clone(),
            files: Vec::new(),
            seen: HashMap::default(),
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

    /// Whether values of `kind` are compared.
    fn checks(&self, kind: usize) -> bool {
        self.options.severity(KINDS[kind]).is_some() && (kind != 0 || self.options.mode() == Mode::Response)
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
        if keys.is_empty() {
            return Report::default();
        }
        let file_index = if let Some(i) = self.files.iter().rposition(|f| f == file) {
            i
        } else {
            self.files.push(file.to_string());
            self.files.len() - 1
        };
        let here = First {
            file: u32::try_from(file_index).unwrap_or(u32::MAX),
            record: record as u64,
            line: line as u64 + 1,
        };
        let mut conflicts = Vec::new();
        for (kind, digest) in keys.digests.into_iter().enumerate() {
            // Ids are the server's: compared in responses only; a rule that
            // is off holds nothing.
            let Some(digest) = digest.filter(|_| self.checks(kind)) else {
                continue;
            };
            match self.seen.entry(Key::of(digest)) {
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
                let index = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
                let file = self
                    .files
                    .get(index(first.file.into()))
                    .map_or("", String::as_str);
                (KINDS[kind], (file, index(first.record), index(first.line)))
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
