#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// The time-zone crate whose types [`values::parse_timezone`] returns.
pub use chrono_tz;
/// The country-code crate whose types [`values::GeoList`] holds.
pub use isocountry;

mod batch;
mod client;
mod diagnostic;
mod error;
mod escape;
pub mod fields;
mod fix;
pub mod fleet;
pub mod i18n;
mod lint;
mod ndjson;
pub mod options;
mod parts;
mod pointer;
pub mod render;
mod report;
pub mod rule;
mod rules;
mod schema;
mod span;
mod suggest;
mod swar;
mod syntax;
#[cfg(test)]
mod testgen;
mod typed;

// The common items, at the root: lint, fix, configure, read the report.
pub use batch::{Layout, lint_records, lint_records_slice};
pub use client::Client;
pub use diagnostic::{Applicability, Diagnostic, Fix};
pub use fix::{Fixed, UnsafeFixes, apply_fixes, fix_records, fix_str};
pub use i18n::Lang;
pub use lint::{lint_reader, lint_slice, lint_str, lint_value};
pub use ndjson::lint_ndjson;
pub use options::{Level, Mode, Options};
pub use pointer::pointer_token;
pub use report::{Record, Report};
pub use rule::{Rule, Severity};
pub use schema::schema;
pub use span::{LineBreaks, LineIndex, OffsetUnit, Position, Span, offsets_in};
pub use syntax::MAX_DEPTH;
pub use typed::{Parsed, Rejected, ValidClient, parse};

/// Typed field values and their parsers: each parser is its field's one
/// grammar, and the linter maps its typed errors to rules.
///
/// ```
/// use client_lint::values::{GeoList, parse_geo_list};
/// assert_eq!(parse_geo_list("*"), Ok(GeoList::All));
/// ```
pub mod values {
    pub use crate::error::{EmailProblem, FieldError, HostProblem};
    pub use crate::rules::client_type::{ClientType, parse_client_type};
    pub use crate::rules::create_date::{CreateDate, parse_create_date};
    pub use crate::rules::dialling::{DomainPrefix, ExtensionLen};
    pub use crate::rules::dialling::{parse_extension_len, parse_prefix};
    pub use crate::rules::domain::{Domain, parse_domain};
    pub use crate::rules::email::{Email, parse_email};
    pub use crate::rules::geo_list::{GeoList, parse_geo_list};
    pub use crate::rules::language::Language;
    pub use crate::rules::language::parse_language;
    pub use crate::rules::numbers::{Id, Percent, parse_id, parse_threshold};
    pub use crate::rules::timezone::Timezone;
    pub use crate::rules::timezone::{deprecated_timezone, parse_timezone};
}

pub mod stream {
    //! Bulk input on several threads, as the command line reads it: the building
    //! blocks under [`lint_records`](crate::lint_records) and [`lint_ndjson`](crate::lint_ndjson), for callers that
    //! schedule the work themselves. Memory stays bounded by the work in flight.
    //!
    //! - NDJSON a line at a time from any `BufRead` ([`NdjsonLines`]), each
    //!   [`NdjsonLine`] linted on any thread.
    //! - A large JSON array cut between its top-level elements ([`ArrayParts`]),
    //!   each [`Part`] linted on any thread, the [`PartReport`]s joined in order
    //!   by a [`Joiner`] into exactly the records [`lint_records`](crate::lint_records) gives. Cutting
    //!   is a quick scan's guess; joining checks each guess against where reading
    //!   the previous part really ended and reads the rest in one piece when
    //!   they differ, so the records never depend on the cuts.
    //!
    //! ```
    //! use client_lint::stream::{ArrayParts, Joiner};
    //! use client_lint::{Layout, Options, lint_records};
    //! let text = "[{\"type\": \"j\"},\n {\"type\": \"J\"},\n {\"typ\": 1}]";
    //! let options = Options::default();
    //! // Lint every part (here in turn; any thread will do), join them in order.
    //! let reports: Vec<_> = ArrayParts::new(text, 16).unwrap().map(|p| p.lint(text, &options)).collect();
    //! assert_eq!(reports.len(), 3);
    //! let mut joiner = Joiner::new();
    //! let mut records = Vec::new();
    //! for report in reports {
    //!     records.extend(joiner.join(text, &options, report));
    //! }
    //! records.extend(joiner.finish(text, &options));
    //! assert_eq!(records, lint_records(text, &options, Layout::Auto));
    //! ```

    pub use crate::ndjson::{NdjsonLine, NdjsonLines};
    pub use crate::parts::{ArrayParts, Joiner, Part, PartReport};
}

/// Values a server shares between threads: checked at compile time.
const _: () = {
    const fn shared<T: Send + Sync>() {}
    shared::<Report>();
    shared::<Diagnostic>();
    shared::<Options>();
    shared::<Record>();
    shared::<values::FieldError>();
};
