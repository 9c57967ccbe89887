//! Parse, don't validate: typed field values that serde reads through the
//! same parsers as the linter, and [`parse`], which gives the typed client
//! of an acceptable document, or the report of one that is not.

use serde::de::{self, Deserializer};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use crate::lint::lint_str;
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

/// An optional typed field: `null`, a missing key and the empty string (a
/// warning of the linter: it may mean "not set") are `None`.
fn typed<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) if s.is_empty() => Ok(None),
        Some(v) => T::deserialize(v).map(Some).map_err(de::Error::custom),
    }
}

/// A client that the API accepts, with typed values: what [`parse`] gives.
/// Every field is optional (`None`: not set); serialising it gives a document
/// that lints without errors.
///
/// ```
/// let parsed = client_lint::parse(r#"{"type": "J", "timezone": "Europe/Moscow"}"#, &Default::default()).unwrap();
/// let tz = parsed.client.timezone.unwrap();
/// assert_eq!(tz.tz(), chrono_tz::Europe::Moscow);
/// assert_eq!(serde_json::to_string(&parsed.client).unwrap(), r#"{"type":"J","timezone":"Europe/Moscow"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[allow(missing_docs)]
pub struct ValidClient {
    /// Client id (response mode only).
    #[serde(default, deserialize_with = "typed", skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `J` legal entity, `F` individual.
    #[serde(
        rename = "type",
        default,
        deserialize_with = "typed",
        skip_serializing_if = "Option::is_none"
    )]
    pub client_type: Option<ClientType>,
    #[serde(default, deserialize_with = "typed", skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
    #[serde(default, deserialize_with = "typed", skip_serializing_if = "Option::is_none")]
    pub timezone: Option<Timezone>,
    #[serde(default, deserialize_with = "typed", skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    #[serde(default, deserialize_with = "typed", skip_serializing_if = "Option::is_none")]
    pub domain: Option<Domain>,
    #[serde(default, deserialize_with = "typed", skip_serializing_if = "Option::is_none")]
    pub domain_prefix: Option<DomainPrefix>,
    /// Client prefix (response mode only).
    #[serde(default, deserialize_with = "typed", skip_serializing_if = "Option::is_none")]
    pub prefix: Option<DomainPrefix>,
    #[serde(default, deserialize_with = "typed", skip_serializing_if = "Option::is_none")]
    pub extension_len: Option<ExtensionLen>,
    /// Creation time (response mode only).
    #[serde(default, deserialize_with = "typed", skip_serializing_if = "Option::is_none")]
    pub create_date: Option<CreateDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jur_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_phones: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ambassadors: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra_params: Option<String>,
    /// Set by the provider (response mode only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reg_status_log: Option<bool>,
    #[serde(default, deserialize_with = "typed", skip_serializing_if = "Option::is_none")]
    pub geo_list: Option<GeoList>,
    #[serde(default, deserialize_with = "typed", skip_serializing_if = "Option::is_none")]
    pub dial_rule_id: Option<Id>,
    #[serde(default, deserialize_with = "typed", skip_serializing_if = "Option::is_none")]
    pub hold_music: Option<Id>,
    #[serde(default, deserialize_with = "typed", skip_serializing_if = "Option::is_none")]
    pub sip_network_permission_id: Option<Id>,
    #[serde(default, deserialize_with = "typed", skip_serializing_if = "Option::is_none")]
    pub disk_space_notify_email: Option<Email>,
    #[serde(default, deserialize_with = "typed", skip_serializing_if = "Option::is_none")]
    pub disk_space_notify_threshold: Option<Percent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub did_as_transfer_caller_id: Option<String>,
}

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
    /// Every finding, errors and warnings, as [`lint_str`] gives them.
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
    let report = lint_str(text, options);
    if report.has_errors() {
        return Err(Rejected { report });
    }
    // Without errors the text is JSON an object of known types; a byte order
    // mark (a warning) is the only thing serde_json would refuse.
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    // An integer written with a fraction or exponent beyond 2^53 (a warning)
    // does not survive serde's floats: those are read from the text, exactly.
    let client = serde_json::from_str::<ValidClient>(body)
        .or_else(|_| serde_json::from_str::<ValidClient>(&plain_integers(body)));
    let Ok(mut client) = client else {
        // The linter and the typed fields share their parsers, and a
        // property test holds them together: not reached.
        return Err(Rejected { report });
    };
    if options.mode() == Mode::Request {
        client.id = None;
        client.prefix = None;
        client.create_date = None;
        client.reg_status_log = None;
    }
    Ok(Parsed {
        client,
        warnings: report,
    })
}

/// `text` with the number of each integer field written as its plain
/// integer when it is a whole number spelled otherwise (`9.007199254740993e15`),
/// read exactly by the linter's own reader.
fn plain_integers(text: &str) -> String {
    let parsed = crate::syntax::parse(text, 0, false);
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    if let Some(crate::syntax::Node {
        value: crate::syntax::Value::Object(members),
        ..
    }) = &parsed.root
    {
        for m in members {
            let integer =
                crate::fields::field(&m.key).is_some_and(|f| f.json_type == crate::fields::JsonType::Integer);
            if let (true, crate::syntax::Value::Number(n)) = (integer, &m.value.value)
                && let Some(v) = crate::rules::numbers::canonical_integer(n)
            {
                out.push_str(&text[from..m.value.span.start]);
                out.push_str(&v.to_string());
                from = m.value.span.end;
            }
        }
    }
    out.push_str(&text[from..]);
    out
}
