//! The field table: every field of the client resource in one row.
//!
//! A row holds the field's name, JSON type, owner, kind of value, description,
//! the check that runs on its value, its public parser, its JSON Schema
//! fragment and the rules its check can raise. Dispatch (which check runs for
//! which key), the schema (`client-lint schema`), the rules' field lists
//! (`client-lint rules`, the README) and the duplicate-key bit set all read
//! this table; nothing else lists the fields.
//!
//! Adding a field: one row here, its check in its family file under
//! `src/rules/` (or an existing check), and vectors in `tests/data/rules.toml`.

use serde_json::{Value, json};

use crate::error::FieldError;
use crate::i18n::Text;
use crate::rule::Rule;
use crate::rules::{self, Ctx, FieldAt};

/// The JSON type a field holds.
///
/// ```
/// assert_eq!(client_lint::fields::field("hold_music").unwrap().json_type, client_lint::fields::JsonType::Integer);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonType {
    /// A JSON string.
    String,
    /// A JSON number without fraction or exponent.
    Integer,
    /// `true` or `false`.
    Boolean,
}

impl JsonType {
    /// The JSON Schema name of the type.
    ///
    /// ```
    /// assert_eq!(client_lint::fields::JsonType::Integer.as_str(), "integer");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            JsonType::String => "string",
            JsonType::Integer => "integer",
            JsonType::Boolean => "boolean",
        }
    }
}

/// Who sets a field.
///
/// ```
/// assert_eq!(client_lint::fields::field("id").unwrap().owner, client_lint::fields::Owner::Server);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Owner {
    /// The client (the user of the API).
    User,
    /// The server assigns it; read-only.
    Server,
    /// The service provider sets it.
    Provider,
}

/// What kind of value a field holds, which decides how strictly it is read.
///
/// ```
/// use client_lint::fields::{ValueKind, field};
/// assert_eq!(field("timezone").unwrap().kind, ValueKind::Structured);
/// assert_eq!(field("name").unwrap().kind, ValueKind::FreeText);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ValueKind {
    /// A value with a grammar the API matches exactly (a time zone, a code, a
    /// number): anything its parser rejects, white space around it included,
    /// is an error.
    Structured,
    /// Text a person wrote (a name, an address): white space around it is a
    /// warning, control characters an error.
    FreeText,
}

/// A field's check: reads the value at `FieldAt` and reports.
type Check = fn(&mut Ctx<'_>, &FieldAt<'_, '_>);

/// A field's public parser, its typed value dropped.
type Parse = fn(&str) -> Result<(), FieldError>;

/// One field of the client resource.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct FieldInfo {
    /// The key.
    pub name: &'static str,
    /// Its JSON type (every field may also be `null`: not set).
    pub json_type: JsonType,
    /// Who sets it.
    pub owner: Owner,
    /// Structured value or free text.
    pub kind: ValueKind,
    /// What it means.
    pub description: Text,
    /// The rules its value check can raise (besides the document rules that
    /// apply to every field, and ownership).
    pub rules: &'static [Rule],
    /// The check of its value.
    pub(crate) check: Check,
    /// Its public parser, for string fields that have one.
    parse: Option<Parse>,
    /// Its JSON Schema keywords besides `type` and `description`.
    schema: fn() -> Value,
    /// A JSON number converts to this string field for certain (`3` → `"3"`).
    pub(crate) digits: bool,
    /// Its JSON Pointer, `/name`, for findings without an allocation.
    pub(crate) pointer: &'static str,
}

impl FieldInfo {
    /// Run the field's public parser (`parse_timezone` for `timezone`, …) on
    /// a string value; `None` for fields without one (integers, booleans,
    /// free text).
    ///
    /// ```
    /// let tz = client_lint::fields::field("timezone").unwrap();
    /// assert_eq!(tz.parse("UTC"), Some(Ok(())));
    /// assert_eq!(tz.parse("UTC\n"), Some(Err(client_lint::values::FieldError::Whitespace)));
    /// assert_eq!(client_lint::fields::field("name").unwrap().parse("Acme"), None);
    /// ```
    pub fn parse(&self, value: &str) -> Option<Result<(), FieldError>> {
        self.parse.map(|p| p(value))
    }

    /// The field's JSON Schema (draft 2020-12) property.
    ///
    /// ```
    /// let p = client_lint::fields::field("type").unwrap().schema();
    /// assert_eq!(p["enum"], serde_json::json!(["J", "F", null]));
    /// ```
    pub fn schema(&self) -> Value {
        let mut p = json!({
            "type": [self.json_type.as_str(), "null"],
            "description": self.description.en,
        });
        if let (Some(p), Value::Object(extra)) = (p.as_object_mut(), (self.schema)()) {
            p.extend(extra);
            if self.owner != Owner::User {
                p.insert("readOnly".into(), true.into());
            }
        }
        p
    }
}

macro_rules! fields {
    (@digits) => { false };
    (@digits digits) => { true };
    ($(
        $name:literal $ty:ident $owner:ident $kind:ident
        $en:literal $ru:literal
        check $check:path, parse $parse:expr, schema $schema:expr,
        rules [$($rule:ident),*] $(, $digits:ident)?;
    )*) => {
        /// How many fields there are.
        pub(crate) const FIELD_COUNT: usize = [$($name),*].len();

        /// Each field's name length and [`head`], for [`field_index_near`].
        static NAME_KEYS: [(usize, u64); FIELD_COUNT] = [$(($name.len(), head($name))),*];

        /// Every field of the client resource, in the order of the API's documentation.
        pub static FIELDS: &[FieldInfo] = &[
            $( FieldInfo {
                name: $name,
                json_type: JsonType::$ty,
                owner: Owner::$owner,
                kind: ValueKind::$kind,
                description: Text { en: $en, ru: $ru },
                rules: &[$(Rule::$rule),*],
                check: $check,
                parse: $parse,
                schema: $schema,
                digits: fields!(@digits $($digits)?),
                pointer: concat!("/", $name),
            }, )*
        ];
    };
}

/// No parser: integers, booleans and free text.
const NONE: Option<Parse> = None;

/// Nothing to add to the schema.
fn plain() -> Value {
    json!({})
}

/// Free text: no control characters.
fn text() -> Value {
    json!({"pattern": "^[^\\u0000-\\u001f\\u007f]*$"})
}

fn id() -> Value {
    json!({"minimum": 1, "maximum": i64::MAX})
}

fn email() -> Value {
    json!({"format": "email", "maxLength": 254})
}

fn digits() -> Value {
    json!({"pattern": "^[0-9]+$"})
}

fn zones() -> Value {
    let mut zones: Vec<Value> = chrono_tz::TZ_VARIANTS.iter().map(|z| z.name().into()).collect();
    zones.push(Value::Null);
    json!({ "enum": zones })
}

use rules::{client_type, create_date, dialling, domain, email, geo_list, language, numbers, text, timezone};

fields! {
    "id" Integer Server Structured
        "client id, assigned by the server" "идентификатор клиента, назначается сервером"
        check numbers::check_id, parse NONE, schema id,
        rules [IdOutOfRange, NumberNotInteger];
    "name" String User FreeText
        "client name" "имя клиента"
        check text::check_free_text, parse NONE, schema text,
        rules [ControlCharacter, EmptyValue, SurroundingWhitespace];
    "type" String User Structured
        "`J` legal entity, `F` individual" "`J` — юридическое лицо, `F` — физическое лицо"
        check client_type::check, parse Some(|s| client_type::parse_client_type(s).map(drop)),
        schema || json!({"enum": ["J", "F", null]}),
        rules [ClientTypeWrongCase, UnknownClientType, EmptyValue, PaddedValue];
    "email" String User Structured
        "e-mail address" "адрес электронной почты"
        check email::check, parse Some(|s| email::parse_email(s).map(drop)), schema email,
        rules [InvalidEmail, EmailDisplayName, MultipleEmails, InvalidEmailDomain, SpecialUseEmailDomain, UnicodeEmailDomain, EmptyValue, PaddedValue];
    "timezone" String User Structured
        "IANA time zone, e.g. `Europe/Moscow` or `UTC`" "временная зона IANA, например `Europe/Moscow` или `UTC`"
        check timezone::check, parse Some(|s| timezone::parse_timezone(s).map(drop)), schema zones,
        rules [UnknownTimezone, TimezoneWrongCase, DeprecatedTimezoneLink, TimezoneAbbreviation, LegacyTimezone, EmptyValue, PaddedValue];
    "language" String User Structured
        "interface language, ISO 639-1 code (`ru`, `en`)" "язык интерфейса, код ISO 639-1 (`ru`, `en`)"
        check language::check_language, parse Some(|s| language::parse_language(s).map(drop)),
        schema || json!({"pattern": "^[a-z]{2}$"}),
        rules [InvalidLanguage, EmptyValue, PaddedValue];
    "domain" String User Structured
        "SIP domain of the client" "SIP-домен клиента"
        check domain::check, parse Some(|s| domain::parse_domain(s).map(drop)),
        schema || json!({"format": "hostname", "pattern": "^[a-z0-9.-]+$"}),
        rules [InvalidDomain, DomainIsUrl, DomainNotLowercase, UnicodeDomain, EmptyValue, PaddedValue];
    "domain_prefix" String User Structured
        "digits dialled before an extension number" "цифры, набираемые перед добавочным номером"
        check dialling::check_digits, parse Some(|s| dialling::parse_prefix(s).map(drop)), schema digits,
        rules [NonDigitPrefix, EmptyValue, PaddedValue], digits;
    "prefix" String Server Structured
        "client prefix (digits), read-only" "префикс клиента (цифры), только для чтения"
        check dialling::check_digits, parse Some(|s| dialling::parse_prefix(s).map(drop)), schema digits,
        rules [NonDigitPrefix, EmptyValue, PaddedValue], digits;
    "extension_len" String User Structured
        "length of extension numbers: `\"2\"`, `\"3\"` or `\"4\"`" "длина добавочных номеров: `\"2\"`, `\"3\"` или `\"4\"`"
        check dialling::check_extension_len, parse Some(|s| dialling::parse_extension_len(s).map(drop)),
        schema || json!({"enum": ["2", "3", "4", null]}),
        rules [InvalidExtensionLen, EmptyValue, PaddedValue], digits;
    "create_date" String Server Structured
        "creation time `YYYY-MM-DD HH:MM:SS`, read-only" "дата создания `ГГГГ-ММ-ДД ЧЧ:ММ:СС`, только для чтения"
        check create_date::check_create_date, parse Some(|s| create_date::parse_create_date(s).map(drop)),
        schema || json!({"pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$"}),
        rules [InvalidCreateDate, EmptyValue, PaddedValue];
    "jur_address" String User FreeText
        "legal address" "юридический адрес"
        check text::check_free_text, parse NONE, schema text,
        rules [ControlCharacter, EmptyValue, SurroundingWhitespace];
    "fact_address" String User FreeText
        "actual address" "фактический адрес"
        check text::check_free_text, parse NONE, schema text,
        rules [ControlCharacter, EmptyValue, SurroundingWhitespace];
    "contact_phones" String User FreeText
        "contact phone numbers" "контактные телефоны"
        check text::check_phones, parse NONE, schema text,
        rules [ControlCharacter, EmptyValue, SurroundingWhitespace, PhoneWithoutDigits];
    "ambassadors" String User FreeText
        "contact persons" "контактные лица"
        check text::check_free_text, parse NONE, schema text,
        rules [ControlCharacter, EmptyValue, SurroundingWhitespace];
    "extra_params" String User FreeText
        "additional parameters (opaque)" "дополнительные параметры"
        check text::check_extra_params, parse NONE, schema text,
        rules [ControlCharacter, ExtraParamsNotJson];
    "reg_status_log" Boolean Provider Structured
        "whether extension registration statistics are kept; set by the provider" "ведётся ли статистика регистраций добавочных; задаёт сервис-провайдер"
        check no_check, parse NONE, schema plain,
        rules [];
    "geo_list" String User Structured
        "countries allowed to use the SIP accounts: ISO 3166-1 alpha-2 codes separated by spaces, or `*`" "страны, из которых разрешены SIP-аккаунты: коды ISO 3166-1 alpha-2 через пробел или `*`"
        check geo_list::check, parse Some(|s| geo_list::parse_geo_list(s).map(drop)),
        schema || json!({"pattern": "^(\\*|[A-Z]{2}( [A-Z]{2})*)$"}),
        rules [GeoListNotCanonical, DuplicateCountry, WildcardWithCountries, UnknownCountry, EmptyGeoList, PaddedValue];
    "dial_rule_id" Integer User Structured
        "id of an outgoing-call rule (`/dial_rule/`)" "id правила исходящих вызовов (`/dial_rule/`)"
        check numbers::check_id, parse NONE, schema id,
        rules [IdOutOfRange, NumberNotInteger];
    "hold_music" Integer User Structured
        "id of a sound file (`/sound/`)" "id звукового файла (`/sound/`)"
        check numbers::check_id, parse NONE, schema id,
        rules [IdOutOfRange, NumberNotInteger];
    "sip_network_permission_id" Integer User Structured
        "id of a trusted network (`/network_permission/`)" "id доверенной сети (`/network_permission/`)"
        check numbers::check_id, parse NONE, schema id,
        rules [IdOutOfRange, NumberNotInteger];
    "disk_space_notify_email" String User Structured
        "where to mail when disk use reaches the threshold" "куда писать при достижении порога занятого места"
        check email::check, parse Some(|s| email::parse_email(s).map(drop)), schema email,
        rules [InvalidEmail, EmailDisplayName, MultipleEmails, InvalidEmailDomain, SpecialUseEmailDomain, UnicodeEmailDomain, EmptyValue, PaddedValue, EmailWithoutThreshold];
    "disk_space_notify_threshold" Integer User Structured
        "percent of disk use that triggers that mail (0–100)" "процент занятого места, при котором отправляется письмо (0–100)"
        check numbers::check_threshold, parse NONE, schema || json!({"minimum": 0, "maximum": 100}),
        rules [ThresholdOutOfRange, NumberNotInteger, ThresholdWithoutEmail];
    "did_as_transfer_caller_id" String User FreeText
        "the external number a call first came to, shown when the call is forwarded" "внешний номер, на который пришёл вызов, показываемый при переадресации"
        check dialling::check_caller_id, parse NONE, schema || json!({"pattern": "^[0-9+() -]*$"}),
        rules [ControlCharacter, EmptyValue, SurroundingWhitespace, InvalidCallerId], digits;
}

/// A field whose JSON type is all there is to check.
fn no_check(_: &mut Ctx<'_>, _: &FieldAt<'_, '_>) {}

/// Look a field up by its exact key.
///
/// ```
/// let f = client_lint::fields::field("geo_list").unwrap();
/// assert_eq!(f.json_type, client_lint::fields::JsonType::String);
/// assert!(client_lint::fields::field("geoList").is_none());
/// ```
pub fn field(name: &str) -> Option<&'static FieldInfo> {
    field_index(name).map(|i| &FIELDS[i])
}

/// The index of a field in [`FIELDS`].
pub(crate) fn field_index(name: &str) -> Option<usize> {
    field_index_near(name, 0)
}

/// [`field_index`], trying `hint` first: documents often list their fields
/// in the table's order (the API's), so the one after the last is likely.
/// Otherwise names are compared by length and first eight bytes (integers)
/// before their text.
pub(crate) fn field_index_near(name: &str, hint: usize) -> Option<usize> {
    if FIELDS.get(hint).is_some_and(|f| f.name == name) {
        return Some(hint);
    }
    let key = (name.len(), head(name));
    NAME_KEYS
        .iter()
        .zip(FIELDS)
        .position(|(k, f)| *k == key && f.name == name)
}

/// A name's first eight bytes as an integer (zeros after a shorter name).
const fn head(name: &str) -> u64 {
    let b = name.as_bytes();
    let mut w = 0u64;
    let mut i = 0;
    while i < 8 && i < b.len() {
        w |= (b[i] as u64) << (8 * i);
        i += 1;
    }
    w
}

/// Rules that apply to any key or to the document as a whole.
const DOCUMENT_RULES: &[Rule] = &[
    Rule::SyntaxError,
    Rule::RootNotObject,
    Rule::DuplicateKey,
    Rule::UnknownKey,
    Rule::WrongType,
    Rule::NestingTooDeep,
    Rule::InvalidEncoding,
    Rule::ByteOrderMark,
    Rule::LoneSurrogate,
    Rule::TooManyFindings,
];

impl Rule {
    /// The fields this rule can be reported at, from the field table; empty for
    /// the rules that apply to any key or to the whole document (see
    /// [`Rule::applies_to_any_field`]).
    ///
    /// ```
    /// use client_lint::Rule;
    /// assert_eq!(Rule::NonDigitPrefix.fields(), ["domain_prefix", "prefix"]);
    /// assert_eq!(Rule::ReadOnlyField.fields(), ["id", "prefix", "create_date"]);
    /// assert!(Rule::SyntaxError.fields().is_empty());
    /// ```
    pub fn fields(self) -> Vec<&'static str> {
        FIELDS
            .iter()
            .filter(|f| {
                f.rules.contains(&self)
                    || (self == Rule::ReadOnlyField && f.owner == Owner::Server)
                    || (self == Rule::ProviderOwnedField && f.owner == Owner::Provider)
            })
            .map(|f| f.name)
            .collect()
    }

    /// The fields as `client-lint rules` lists them: comma-separated, or `*`
    /// for a rule that applies to any key.
    ///
    /// ```
    /// use client_lint::Rule;
    /// assert_eq!(Rule::NonDigitPrefix.fields_label(), "domain_prefix, prefix");
    /// assert_eq!(Rule::UnknownKey.fields_label(), "*");
    /// ```
    pub fn fields_label(self) -> String {
        if self.applies_to_any_field() {
            "*".to_string()
        } else {
            self.fields().join(", ")
        }
    }

    /// Whether the rule applies to any key or the whole document rather than to
    /// the values of particular fields.
    ///
    /// ```
    /// assert!(client_lint::Rule::DuplicateKey.applies_to_any_field());
    /// assert!(!client_lint::Rule::UnknownTimezone.applies_to_any_field());
    /// ```
    pub fn applies_to_any_field(self) -> bool {
        DOCUMENT_RULES.contains(&self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_count_is_right() {
        assert_eq!(FIELD_COUNT, FIELDS.len());
        for (i, f) in FIELDS.iter().enumerate() {
            assert_eq!(field_index(f.name), Some(i), "{}", f.name);
            for hint in [0, i, i + 1, FIELDS.len() + 3] {
                assert_eq!(field_index_near(f.name, hint), Some(i), "{} from {hint}", f.name);
            }
        }
    }

    #[test]
    fn every_rule_belongs_to_a_field_or_the_document() {
        for info in crate::rule::RULES {
            let r = info.rule;
            assert!(
                r.applies_to_any_field() == r.fields().is_empty(),
                "{}: fields {:?}, document-wide {}",
                info.name,
                r.fields(),
                r.applies_to_any_field()
            );
        }
    }

    #[test]
    fn parsers_exist_exactly_for_structured_strings_with_a_grammar() {
        for f in FIELDS {
            let has = f.parse("").is_some();
            let structured_string = f.json_type == JsonType::String && f.kind == ValueKind::Structured;
            assert_eq!(has, structured_string, "{}", f.name);
        }
    }
}
