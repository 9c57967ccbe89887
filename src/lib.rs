#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod batch;
mod client;
mod diagnostic;
mod error;
mod fields;
mod fix;
mod i18n;
mod lint;
mod ndjson;
mod options;
pub mod render;
mod report;
mod rule;
mod rules;
mod schema;
mod span;
mod suggest;
mod swar;
mod syntax;

pub use batch::{Layout, Record, lint_file, lint_records};
pub use client::Client;
pub use diagnostic::{Applicability, Diagnostic, Fix, Position};
pub use error::{EmailProblem, FieldError, HostProblem};
pub use fields::{FIELDS, FieldInfo, JsonType, Owner, ValueKind, field};
pub use fix::{Fixed, UnsafeFixes, apply_fixes, fix_records, fix_str};
pub use i18n::{Lang, Text};
pub use lint::{lint_bytes, lint_str, lint_value};
pub use ndjson::{NdjsonLine, NdjsonLines, lint_ndjson};
pub use options::{Level, Levels, Mode, Options};
pub use report::Report;
pub use rule::{Explanation, FixKind, RULES, Rule, RuleInfo, Severity};
pub use rules::client_type::{ClientType, parse_client_type};
pub use rules::create_date::{CreateDate, parse_create_date};
pub use rules::dialling::{parse_extension_len, parse_prefix};
pub use rules::domain::{Domain, parse_domain};
pub use rules::email::{Email, parse_email};
pub use rules::geo_list::{GeoList, parse_geo_list};
pub use rules::language::parse_language;
pub use rules::numbers::{Id, Percent, parse_id, parse_threshold};
pub use rules::pointer_token;
pub use rules::timezone::{deprecated_timezone, parse_timezone};
pub use schema::schema;
pub use span::Span;
pub use syntax::MAX_DEPTH;
