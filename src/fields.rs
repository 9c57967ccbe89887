//! The fields of the client resource: name, JSON type, owner, description.
//!
//! One table, read by the rules (which check runs for which key), by
//! `client-lint schema` and by the README's field list.

use crate::registry::Text;

/// The JSON type a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// assert_eq!(client_lint::JsonType::Integer.as_str(), "integer");
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// The client (the user of the API).
    User,
    /// The server assigns it; read-only.
    Server,
    /// The service provider sets it.
    Provider,
}

/// One field of the client resource.
#[derive(Debug, Clone, Copy)]
pub struct FieldInfo {
    /// The key.
    pub name: &'static str,
    /// Its JSON type (every field may also be `null`: not set).
    pub json_type: JsonType,
    /// Who sets it.
    pub owner: Owner,
    /// What it means.
    pub description: Text,
}

macro_rules! fields {
    ($( $name:literal $ty:ident $owner:ident $en:literal $ru:literal; )*) => {
        /// Every field of the client resource, in the order of the API's documentation.
        pub static FIELDS: &[FieldInfo] = &[
            $( FieldInfo {
                name: $name,
                json_type: JsonType::$ty,
                owner: Owner::$owner,
                description: Text { en: $en, ru: $ru },
            }, )*
        ];
    };
}

fields! {
    "id" Integer Server "client id, assigned by the server" "идентификатор клиента, назначается сервером";
    "name" String User "client name" "имя клиента";
    "type" String User "`J` legal entity, `F` individual" "`J` — юридическое лицо, `F` — физическое лицо";
    "email" String User "e-mail address" "адрес электронной почты";
    "timezone" String User "IANA time zone, e.g. `Europe/Moscow` or `UTC`" "временная зона IANA, например `Europe/Moscow` или `UTC`";
    "language" String User "interface language, ISO 639-1 code (`ru`, `en`)" "язык интерфейса, код ISO 639-1 (`ru`, `en`)";
    "domain" String User "SIP domain of the client" "SIP-домен клиента";
    "domain_prefix" String User "digits dialled before an extension number" "цифры, набираемые перед добавочным номером";
    "prefix" String Server "client prefix (digits), read-only" "префикс клиента (цифры), только для чтения";
    "extension_len" String User "length of extension numbers: `\"2\"`, `\"3\"` or `\"4\"`" "длина добавочных номеров: `\"2\"`, `\"3\"` или `\"4\"`";
    "create_date" String Server "creation time `YYYY-MM-DD HH:MM:SS`, read-only" "дата создания `ГГГГ-ММ-ДД ЧЧ:ММ:СС`, только для чтения";
    "jur_address" String User "legal address" "юридический адрес";
    "fact_address" String User "actual address" "фактический адрес";
    "contact_phones" String User "contact phone numbers" "контактные телефоны";
    "ambassadors" String User "contact persons" "контактные лица";
    "extra_params" String User "additional parameters (opaque)" "дополнительные параметры";
    "reg_status_log" Boolean Provider "whether extension registration statistics are kept; set by the provider" "ведётся ли статистика регистраций добавочных; задаёт сервис-провайдер";
    "geo_list" String User "countries allowed to use the SIP accounts: ISO 3166-1 alpha-2 codes separated by spaces, or `*`" "страны, из которых разрешены SIP-аккаунты: коды ISO 3166-1 alpha-2 через пробел или `*`";
    "dial_rule_id" Integer User "id of an outgoing-call rule (`/dial_rule/`)" "id правила исходящих вызовов (`/dial_rule/`)";
    "hold_music" Integer User "id of a sound file (`/sound/`)" "id звукового файла (`/sound/`)";
    "sip_network_permission_id" Integer User "id of a trusted network (`/network_permission/`)" "id доверенной сети (`/network_permission/`)";
    "disk_space_notify_email" String User "where to mail when disk use reaches the threshold" "куда писать при достижении порога занятого места";
    "disk_space_notify_threshold" Integer User "percent of disk use that triggers that mail (0–100)" "процент занятого места, при котором отправляется письмо (0–100)";
    "did_as_transfer_caller_id" String User "the external number a call first came to, shown when the call is forwarded" "внешний номер, на который пришёл вызов, показываемый при переадресации";
}

/// Look a field up by its exact key.
///
/// ```
/// let f = client_lint::field("geo_list").unwrap();
/// assert_eq!(f.json_type, client_lint::JsonType::String);
/// assert!(client_lint::field("geoList").is_none());
/// ```
pub fn field(name: &str) -> Option<&'static FieldInfo> {
    field_index(name).map(|i| &FIELDS[i])
}

/// The index of a field in [`FIELDS`].
pub(crate) fn field_index(name: &str) -> Option<usize> {
    FIELDS.iter().position(|f| f.name == name)
}
