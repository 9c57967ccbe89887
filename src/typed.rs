//! Parse, don't validate: typed field values that serde reads through the
//! same parsers as the linter, and [`parse`], which gives the typed client
//! of an acceptable document, or the report of one that is not.

use serde::de::{self, Deserializer};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use crate::fields::Field;
use crate::fields::Owner;
use crate::lint::lint_then;
use crate::options::{Mode, Options};
use crate::report::Report;
use crate::rules::client_type::ClientType;
use crate::rules::create_date::CreateDate;
use crate::rules::dialling::{DomainPrefix, ExtensionLen};
use crate::rules::domain::Domain;
use crate::rules::email::Email;
use crate::rules::geo_list::GeoList;
use crate::rules::language::Language;
use crate::rules::numbers::{Id, Percent, parse_id, parse_threshold};
use crate::rules::timezone::Timezone;
use crate::syntax::{Node, Value};

/// Serialize as the value's text, deserialize through its parser (`FromStr`),
/// whose error, with "did you mean", becomes serde's.
macro_rules! serde_via_str {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(de::Error::custom)
            }
        }
    )*};
}

serde_via_str!(
    ClientType,
    Timezone,
    GeoList,
    Email,
    Domain,
    DomainPrefix,
    ExtensionLen,
    Language,
    CreateDate
);

/// Serialize as a JSON integer, deserialize from one through its parser.
macro_rules! serde_via_integer {
    ($($t:ty => $parse:path),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_u64(u64::from(self.get()))
            }
        }

        impl<'de> Deserialize<'de> for $t {
            /// From any JSON number whose value is a whole number in range
            /// (`90`, `90.0`, `9e1`), as the linter reads it; a number that
            /// came as a float of 2^53 or more is refused, since it may not be
            /// the one written ([`parse`] reads those from the text).
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let n = serde_json::Number::deserialize(d)?;
                if n.as_f64().is_some_and(|f| n.is_f64() && f.abs() >= 9_007_199_254_740_992.0) {
                    return Err(de::Error::custom("an integer beyond 2^53 written with a fraction or exponent"));
                }
                $parse(&n.to_string()).map_err(de::Error::custom)
            }
        }
    )*};
}

serde_via_integer!(Id => parse_id, Percent => parse_threshold);

/// How a member of [`ValidClient`] reads its JSON value: from serde, or
/// from the linter's tree of a document it accepted.
trait Typed: Sized {
    /// Whether the empty string means "not set" (a warning of the linter):
    /// for structured values; free text keeps it.
    const EMPTY_IS_UNSET: bool = true;

    /// The value of `node` (of the text `source`), which the linter
    /// checked and found no error in; `None` for `null` and, for a
    /// structured value, the empty string.
    fn from_node(source: &str, node: &Node<'_>) -> Option<Self>;
}

impl Typed for String {
    const EMPTY_IS_UNSET: bool = false;

    fn from_node(_: &str, node: &Node<'_>) -> Option<Self> {
        match &node.value {
            Value::String(s) => Some(s.to_string()),
            _ => None,
        }
    }
}

impl Typed for bool {
    fn from_node(source: &str, node: &Node<'_>) -> Option<Self> {
        match node.value {
            Value::Bool => source.get(node.span.start..node.span.end).map(|t| t == "true"),
            _ => None,
        }
    }
}

/// Integers, read from the number's text by their exact value.
macro_rules! typed_integers {
    ($($t:ty => $parse:path),*) => {$(
        impl Typed for $t {
            fn from_node(_: &str, node: &Node<'_>) -> Option<Self> {
                match &node.value {
                    Value::Number(n) => $parse(n).ok(),
                    _ => None,
                }
            }
        }
    )*};
}
typed_integers!(Id => parse_id, Percent => parse_threshold);

/// Strings, read through their parser (`FromStr`).
macro_rules! typed_strings {
    ($($t:ty),*) => {$(
        impl Typed for $t {
            fn from_node(_: &str, node: &Node<'_>) -> Option<Self> {
                match &node.value {
                    Value::String(s) if !s.is_empty() => s.parse().ok(),
                    _ => None,
                }
            }
        }
    )*};
}
typed_strings!(
    ClientType,
    Timezone,
    Language,
    DomainPrefix,
    ExtensionLen,
    CreateDate
);

// E-mail addresses, host names and country lists are the costly grammars
// (IDNA, UTS 39, the list's analysis): the linter has just accepted these
// values through them, so they are built without a second validation. The property test holding `parse` to
// serde's reading (which validates) keeps the two the same.
impl Typed for Email {
    fn from_node(_: &str, node: &Node<'_>) -> Option<Self> {
        match &node.value {
            Value::String(s) if !s.is_empty() => crate::rules::email::accepted_email(s),
            _ => None,
        }
    }
}

impl Typed for GeoList {
    fn from_node(_: &str, node: &Node<'_>) -> Option<Self> {
        match &node.value {
            Value::String(s) if !s.is_empty() => Some(crate::rules::geo_list::accepted_geo_list(s)),
            _ => None,
        }
    }
}

impl Typed for Domain {
    fn from_node(_: &str, node: &Node<'_>) -> Option<Self> {
        match &node.value {
            Value::String(s) if !s.is_empty() => Some(crate::rules::domain::accepted_domain(s)),
            _ => None,
        }
    }
}

/// An optional member: `null`, a missing key and, for a structured value, the
/// empty string are `None`.
fn typed<'de, D: Deserializer<'de>, T: Deserialize<'de> + Typed>(d: D) -> Result<Option<T>, D::Error> {
    match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) if s.is_empty() && T::EMPTY_IS_UNSET => Ok(None),
        Some(v) => T::deserialize(v).map(Some).map_err(de::Error::custom),
    }
}

macro_rules! valid_client {
    ($(
        $variant:ident $name:literal $rust:ident: $typed:ty, $ty:ident $owner:ident $kind:ident
        $en:literal $ru:literal
        schema $schema:expr $(, $digits:ident)?;
    )*) => {
        /// A client that the API accepts, with typed values: what [`parse`]
        /// gives. Every field is optional (`None`: not set); serialising it
        /// gives a document that lints without errors. Its members come from
        /// the field table (`src/fields.rs`), one per field.
        ///
        /// ```
        /// let parsed = client_lint::parse(r#"{"type": "J", "timezone": "Europe/Moscow"}"#, &Default::default()).unwrap();
        /// let tz = parsed.client.timezone.unwrap();
        /// assert_eq!(tz.tz(), chrono_tz::Europe::Moscow);
        /// assert_eq!(serde_json::to_string(&parsed.client).unwrap(), r#"{"type":"J","timezone":"Europe/Moscow"}"#);
        /// ```
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[non_exhaustive]
        pub struct ValidClient {
            $(
                #[doc = concat!("`", $name, "`: ", $en, ".")]
                #[serde(rename = $name, default, deserialize_with = "typed", skip_serializing_if = "Option::is_none")]
                pub $rust: Option<$typed>,
            )*
        }

        impl ValidClient {
            /// Leave out what the server or the provider sets: a request does
            /// not set it.
            fn forget_server_owned(&mut self) {
                $( if Owner::$owner != Owner::User { self.$rust = None; } )*
            }

            /// The client of a root object the linter accepted: each known
            /// member through its type's reader (no key is repeated, none
            /// has the wrong type: those are errors).
            fn from_tree(source: &str, root: &Node<'_>) -> ValidClient {
                let mut client = ValidClient::default();
                let Value::Object(members) = &root.value else {
                    return client;
                };
                let mut hint = 0;
                for m in members {
                    // Documents list fields in the table's order, mostly.
                    let index = crate::fields::field_index_near(&m.key, hint);
                    hint = index.map_or(hint, |i| i + 1);
                    match index.map(|i| crate::fields::FIELDS[i].field) {
                        $( Some(Field::$variant) => client.$rust = Typed::from_node(source, &m.value), )*
                        None => {}
                    }
                }
                client
            }
        }
    };
}

crate::fields::for_each_field!(valid_client);

/// An acceptable document: its typed client and the warnings about it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Parsed {
    /// The client, with typed values.
    pub client: ValidClient,
    /// The findings, none of them an error (warnings, info).
    pub warnings: Report,
}

/// Why [`parse`] refused a document: the linter's full report, which has at
/// least one error. An [`Error`](std::error::Error), so that `?` carries it
/// into `Box<dyn Error>`, `anyhow` or a server's error type.
///
/// ```
/// let rejected = client_lint::parse(r#"{"type": "j"}"#, &Default::default()).unwrap_err();
/// assert_eq!(
///     rejected.to_string(),
///     "1 error; first at line 1, column 10: CL201 client-type-wrong-case: client type `j` must be upper case"
/// );
/// assert_eq!(rejected.report().diagnostics().len(), 1);
/// let boxed: Box<dyn std::error::Error> = rejected.into();
/// ```
#[derive(Debug, Clone)]
pub struct Rejected {
    report: Report,
}

impl Rejected {
    /// Every finding, errors and warnings, as [`lint_str`](crate::lint_str) gives them.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The report, owned.
    pub fn into_report(self) -> Report {
        self.report
    }
}

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let errors = self.report.count(crate::Severity::Error);
        write!(f, "{errors} error{}", if errors == 1 { "" } else { "s" })?;
        let first = self
            .report
            .diagnostics()
            .iter()
            .find(|d| d.severity() == crate::Severity::Error);
        if let Some(d) = first {
            f.write_str("; first")?;
            if let Some(p) = d.start() {
                write!(f, " at line {}, column {}", p.line, p.column)?;
            }
            write!(f, ": {} {}: {}", d.code(), d.name(), d.message())?;
        }
        Ok(())
    }
}

impl std::error::Error for Rejected {}

/// Parse a client document: the typed client when the linter finds no error
/// in it, else the full report, as [`Rejected`]. A report with errors never yields a client.
///
/// In request mode the fields the server or the provider sets (`id`,
/// `prefix`, `create_date`, `reg_status_log`) are warned about and left out
/// of the client; in response mode they are filled. Unknown keys are warned
/// about and left out. An empty string (a warning) is `None`.
///
/// # Errors
///
/// [`Rejected`], holding the whole report, when the linter finds an error.
///
/// ```
/// use client_lint::{Options, parse};
/// let ok = parse(r#"{"type": "J", "geo_list": "RU BY", "id": 7}"#, &Options::default()).unwrap();
/// assert_eq!(ok.client.geo_list.unwrap().to_string(), "RU BY");
/// assert_eq!(ok.client.id, None, "server-owned: left out of a request");
/// assert_eq!(ok.warnings.diagnostics()[0].name(), "read-only-field");
///
/// let bad = parse(r#"{"type": "j"}"#, &Options::default()).unwrap_err();
/// assert_eq!(bad.report().diagnostics()[0].name(), "client-type-wrong-case");
/// ```
pub fn parse(text: &str, options: &Options) -> Result<Parsed, Rejected> {
    // One reading of the text: the typed client comes from the tree the
    // linter checked (its parsers are the fields' grammars), not from a
    // second pass of serde over the text. A property test holds it to
    // serde's reading of the same document.
    let (report, client) = lint_then(text, options, |root, accepted| {
        accepted.then(|| ValidClient::from_tree(text, root))
    });
    let Some(mut client) = client else {
        return Err(Rejected { report });
    };
    if options.mode() == Mode::Request {
        client.forget_server_owned();
    }
    Ok(Parsed {
        client,
        warnings: report,
    })
}

#[cfg(test)]
mod accepted_tests {
    use crate::rules::email::{accepted_email, parse_email};

    #[test]
    fn accepted_email_is_parse_email_on_valid_addresses() {
        let mut valid = 0;
        for a in [
            "joe@example.com",
            "\"a@b\"@example.com",
            "\"a@[x\"@[192.0.2.1]",
            "joe@[IPv6:2001:db8::1]",
            "joe@[x:a@b]",
            "\"@\"@ex.com",
        ] {
            if let Ok(e) = parse_email(a) {
                valid += 1;
                assert_eq!(accepted_email(a), Some(e), "{a}");
            }
        }
        assert!(valid >= 4, "the vectors are mostly valid addresses");
    }

    #[test]
    fn accepted_geo_list_is_parse_geo_list_on_valid_lists() {
        use crate::rules::geo_list::{accepted_geo_list, parse_geo_list};
        let mut valid = 0;
        for l in [
            "*",
            "* *",
            "RU",
            "RU BY KZ",
            "RU RU",
            "US GB DE FR",
            "ru",
            "RU  BY",
            "* RU",
            "XX",
        ] {
            if let Ok(g) = parse_geo_list(l) {
                valid += 1;
                assert_eq!(accepted_geo_list(l), g, "{l}");
            }
        }
        assert!(valid >= 5, "most vectors are valid lists");
    }
}
