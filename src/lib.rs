#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod diagnostic;
mod error;
mod fields;
mod i18n;
mod lint;
mod model;
mod options;
mod registry;
pub mod render;
mod rules;
mod scan;
mod schema;
mod similar;
mod syntax;

pub use diagnostic::{Applicability, Diagnostic, Fix, Position, Severity};
pub use error::{EmailProblem, FieldError, HostProblem};
pub use fields::{FIELDS, FieldInfo, JsonType, Owner, ValueKind, field};
pub use lint::{
    Fixed, Layout, Record, Report, apply_fixes, fix_records, fix_str, lint_bytes, lint_records, lint_str,
    lint_value,
};
pub use model::Client;
pub use options::{Lang, Level, Levels, Mode, Options};
pub use registry::{Explanation, FixKind, RULES, Rule, RuleInfo, Text};
pub use rules::client_type::{ClientType, parse_client_type};
pub use rules::domain::{Domain, parse_domain};
pub use rules::email::{Email, parse_email};
pub use rules::formats::{CreateDate, parse_create_date, parse_extension_len, parse_language, parse_prefix};
pub use rules::geo_list::{GeoList, parse_geo_list};
pub use rules::numbers::{Id, Percent, parse_id, parse_threshold};
pub use rules::pointer_token;
pub use rules::timezone::{deprecated_timezone, parse_timezone};
pub use schema::schema;
pub use syntax::{MAX_DEPTH, Span};
