//! The field table: every field of the client resource in one row.
//!
//! Pure data: a row holds the field's [`Field`] variant, name, JSON type,
//! owner, kind of value, description and JSON Schema fragment. This module
//! imports nothing from the rules; the rules layer dispatches each field to
//! its check with an exhaustive `match` on [`Field`] (`src/rules/dispatch.rs`),
//! and the rules a field can raise are those its check declares. The schema
//! (`client-lint schema`), the rules' field lists (`client-lint rules`, the
//! README) and the duplicate-key bit set all read this table; nothing else
//! lists the fields.
//!
//! Adding a field: one row here, one arm in `src/rules/dispatch.rs` naming its
//! check (the compiler asks for it), and vectors in `tests/data/rules.toml`.

use serde_json::{Value, json};

use crate::i18n::Text;

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

/// One field of the client resource.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct FieldInfo {
    /// Which field, for an exhaustive `match`.
    pub field: Field,
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
    /// Its JSON Schema keywords besides `type` and `description`.
    schema: fn() -> Value,
    /// A JSON number converts to this string field for certain (`3` → `"3"`).
    pub(crate) digits: bool,
    /// Its JSON Pointer, `/name`, for findings without an allocation.
    pub(crate) pointer: &'static str,
}

impl FieldInfo {
    /// The field's JSON Schema (draft 2020-12) property.
    ///
    /// ```
    /// let p = client_lint::fields::field("type").unwrap().schema();
    /// assert_eq!(p["anyOf"][1]["enum"], serde_json::json!(["J", "F", null]));
    /// ```
    pub fn schema(&self) -> Value {
        let mut p = json!({
            "type": [self.json_type.as_str(), "null"],
            "description": self.description.en,
        });
        if let (Some(p), Value::Object(extra)) = (p.as_object_mut(), (self.schema)()) {
            if self.json_type == JsonType::String && self.kind == ValueKind::Structured {
                // White space around a structured value is an error of the
                // linter (`padded-value`); the empty string only a warning,
                // never a schema error: it may mean "not set".
                p.insert("not".into(), json!({"type": "string", "pattern": "^\\s|\\s$"}));
                p.insert("anyOf".into(), json!([{"const": ""}, extra]));
            } else {
                p.extend(extra);
            }
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
        $variant:ident $name:literal $rust:ident: $typed:ty, $ty:ident $owner:ident $kind:ident
        $en:literal $ru:literal
        schema $schema:expr $(, $digits:ident)?;
    )*) => {
        /// Every field of the client resource, in the order of the API's
        /// documentation; the discriminant indexes [`FIELDS`].
        ///
        /// ```
        /// use client_lint::fields::{Field, FIELDS};
        /// assert_eq!(Field::Timezone.info().name, "timezone");
        /// assert_eq!(FIELDS[Field::Timezone as usize].field, Field::Timezone);
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Field {
            $(
                #[doc = concat!("`", $name, "`: ", $en, ".")]
                $variant,
            )*
        }

        /// How many fields there are.
        pub(crate) const FIELD_COUNT: usize = [$($name),*].len();

        /// Each field's name length and [`head`], for [`field_index_near`].
        static NAME_KEYS: [(usize, u64); FIELD_COUNT] = [$(($name.len(), head($name))),*];

        /// Every field of the client resource, in the order of the API's documentation.
        pub static FIELDS: &[FieldInfo] = &[
            $( FieldInfo {
                field: Field::$variant,
                name: $name,
                json_type: JsonType::$ty,
                owner: Owner::$owner,
                kind: ValueKind::$kind,
                description: Text { en: $en, ru: $ru },
                schema: $schema,
                digits: fields!(@digits $($digits)?),
                pointer: concat!("/", $name),
            }, )*
        ];
    };
}

impl Field {
    /// The field's row in [`FIELDS`].
    ///
    /// ```
    /// assert_eq!(client_lint::fields::Field::HoldMusic.info().name, "hold_music");
    /// ```
    pub fn info(self) -> &'static FieldInfo {
        &FIELDS[self as usize]
    }

    /// The key.
    ///
    /// ```
    /// assert_eq!(client_lint::fields::Field::GeoList.name(), "geo_list");
    /// ```
    pub fn name(self) -> &'static str {
        self.info().name
    }
}

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
    // `<` and `>` only inside a quoted local part: a display name
    // (`Joe <joe@example.com>`) is an error of the linter.
    json!({"format": "email", "maxLength": 254, "pattern": "^(\"([^\"\\\\]|\\\\.)*\"|[^\"<>])*$"})
}

fn digits() -> Value {
    json!({"pattern": "^[0-9]+$"})
}

fn zones() -> Value {
    let mut zones: Vec<Value> = chrono_tz::TZ_VARIANTS.iter().map(|z| z.name().into()).collect();
    zones.push(Value::Null);
    json!({ "enum": zones })
}

/// The one list of fields. Each row: the variant of [`Field`], the key, the
/// Rust name and typed value of [`ValidClient`](crate::ValidClient)'s member,
/// the JSON type (which also gives [`Client`](crate::Client)'s member), who
/// sets it, structured or free text, the description in English and
/// Russian, its schema keywords, and `digits` when a JSON number converts to
/// it for certain. `for_each_field!(m)` hands the rows to the macro `m`:
/// [`FIELDS`] and [`Field`] here, `Client` in `client.rs`, `ValidClient` and
/// the fields `parse` leaves out of a request in `typed.rs`. Adding a field
/// is one row here and its arm in `rules/dispatch.rs`.
macro_rules! for_each_field {
    ($m:ident) => {
        $m! {
            Id "id" id: Id, Integer Server Structured
                "client id, assigned by the server" "идентификатор клиента, назначается сервером"
                schema id;
            Name "name" name: String, String User FreeText
                "client name" "имя клиента"
                schema text;
            Type "type" client_type: ClientType, String User Structured
                "`J` legal entity, `F` individual" "`J` — юридическое лицо, `F` — физическое лицо"
                schema || json!({"enum": ["J", "F", null]});
            Email "email" email: Email, String User Structured
                "e-mail address" "адрес электронной почты"
                schema email;
            Timezone "timezone" timezone: Timezone, String User Structured
                "IANA time zone, e.g. `Europe/Moscow` or `UTC`" "временная зона IANA, например `Europe/Moscow` или `UTC`"
                schema zones;
            Language "language" language: Language, String User Structured
                "interface language, ISO 639-1 code (`ru`, `en`)" "язык интерфейса, код ISO 639-1 (`ru`, `en`)"
                schema || json!({"examples": ["ru", "en"]});
            Domain "domain" domain: Domain, String User Structured
                "SIP domain of the client" "SIP-домен клиента"
                schema || json!({"format": "hostname", "pattern": "^[a-z0-9.-]*[a-z-][a-z0-9-]*$"});
            DomainPrefix "domain_prefix" domain_prefix: DomainPrefix, String User Structured
                "digits dialled before an extension number" "цифры, набираемые перед добавочным номером"
                schema digits, digits;
            Prefix "prefix" prefix: DomainPrefix, String Server Structured
                "client prefix (digits), read-only" "префикс клиента (цифры), только для чтения"
                schema digits, digits;
            ExtensionLen "extension_len" extension_len: ExtensionLen, String User Structured
                "length of extension numbers: `\"2\"`, `\"3\"` or `\"4\"`" "длина добавочных номеров: `\"2\"`, `\"3\"` или `\"4\"`"
                schema || json!({"enum": ["2", "3", "4", null]}), digits;
            CreateDate "create_date" create_date: CreateDate, String Server Structured
                "creation time `YYYY-MM-DD HH:MM:SS`, read-only" "дата создания `ГГГГ-ММ-ДД ЧЧ:ММ:СС`, только для чтения"
                schema || json!({"pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$"});
            JurAddress "jur_address" jur_address: String, String User FreeText
                "legal address" "юридический адрес"
                schema text;
            FactAddress "fact_address" fact_address: String, String User FreeText
                "actual address" "фактический адрес"
                schema text;
            ContactPhones "contact_phones" contact_phones: String, String User FreeText
                "contact phone numbers" "контактные телефоны"
                schema text;
            Ambassadors "ambassadors" ambassadors: String, String User FreeText
                "contact persons" "контактные лица"
                schema text;
            ExtraParams "extra_params" extra_params: String, String User FreeText
                "additional parameters (opaque)" "дополнительные параметры"
                schema text;
            RegStatusLog "reg_status_log" reg_status_log: bool, Boolean Provider Structured
                "whether extension registration statistics are kept; set by the provider" "ведётся ли статистика регистраций добавочных; задаёт сервис-провайдер"
                schema plain;
            GeoList "geo_list" geo_list: GeoList, String User Structured
                "countries allowed to use the SIP accounts: ISO 3166-1 alpha-2 codes separated by spaces, or `*`" "страны, из которых разрешены SIP-аккаунты: коды ISO 3166-1 alpha-2 через пробел или `*`"
                schema || json!({"pattern": "^(\\*|[A-Z]{2}( [A-Z]{2})*)$"});
            DialRuleId "dial_rule_id" dial_rule_id: Id, Integer User Structured
                "id of an outgoing-call rule (`/dial_rule/`)" "id правила исходящих вызовов (`/dial_rule/`)"
                schema id;
            HoldMusic "hold_music" hold_music: Id, Integer User Structured
                "id of a sound file (`/sound/`)" "id звукового файла (`/sound/`)"
                schema id;
            SipNetworkPermissionId "sip_network_permission_id" sip_network_permission_id: Id, Integer User Structured
                "id of a trusted network (`/network_permission/`)" "id доверенной сети (`/network_permission/`)"
                schema id;
            DiskSpaceNotifyEmail "disk_space_notify_email" disk_space_notify_email: Email, String User Structured
                "where to mail when disk use reaches the threshold" "куда писать при достижении порога занятого места"
                schema email;
            DiskSpaceNotifyThreshold "disk_space_notify_threshold" disk_space_notify_threshold: Percent, Integer User Structured
                "percent of disk use that triggers that mail (0–100)" "процент занятого места, при котором отправляется письмо (0–100)"
                schema || json!({"minimum": 0, "maximum": 100});
            DidAsTransferCallerId "did_as_transfer_caller_id" did_as_transfer_caller_id: String, String User FreeText
                "the external number a call first came to, shown when the call is forwarded" "внешний номер, на который пришёл вызов, показываемый при переадресации"
                schema || json!({"pattern": "^[^\\u0000-\\u001f\\u007f]*$", "examples": ["+7 (495) 123-45-67"]}), digits;
        }
    };
}
pub(crate) use for_each_field;

for_each_field!(fields);

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
    if FIELDS.get(hint).is_some_and(|f| same(f.name, name)) {
        return Some(hint);
    }
    let key = (name.len(), head(name));
    NAME_KEYS
        .iter()
        .zip(FIELDS)
        .position(|(k, f)| *k == key && same(f.name, name))
}

/// Whether two names are equal, compared eight bytes at a time inline: a
/// call to `memcmp` for each of a document's two dozen names was 6% of
/// linting a typical one.
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    if a.len() < 8 {
        return a.iter().zip(b).all(|(x, y)| x == y);
    }
    // Whole words, then the last eight bytes (overlapping the words).
    a.chunks_exact(8)
        .zip(b.chunks_exact(8))
        .all(|(x, y)| x.first_chunk::<8>() == y.first_chunk::<8>())
        && a.last_chunk::<8>() == b.last_chunk::<8>()
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Over any two strings of up to 40 bytes, mostly of equal length.
        #[test]
        fn same_is_equality_on_any_strings(a in "[a-c_]{0,40}", flip in proptest::prelude::any::<proptest::sample::Index>()) {
            let mut b = a.clone().into_bytes();
            if !b.is_empty() {
                let i = flip.index(b.len());
                b[i] = if b[i] == b'a' { b'b' } else { b'a' };
            }
            let b = String::from_utf8(b).unwrap();
            proptest::prop_assert_eq!(same(&a, &b), a == b);
            proptest::prop_assert!(same(&a, &a));
        }
    }

    #[test]
    fn same_is_equality() {
        let names = [
            "",
            "id",
            "type",
            "timezone",
            "timezonf",
            "domain_prefix",
            "domain_prefiy",
            "disk_space_notify_threshold",
            "disk_space_notify_thresholds",
        ];
        for a in names {
            for b in names {
                assert_eq!(same(a, b), a == b, "{a} {b}");
            }
        }
    }

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
}
