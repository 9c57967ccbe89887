//! Which check reads which field: an exhaustive `match` on [`Field`], so a
//! new row in the field table does not compile until it names its check.
//! The rules a field can raise are its check's; nothing else lists them.

use super::context::Check;
use super::{client_type, create_date, dialling, domain, email, geo_list, language, numbers, text, timezone};
use crate::error::FieldError;
use crate::fields::{FIELDS, Field, FieldInfo, Owner};
use crate::rule::Rule;

/// A field whose JSON type is all there is to check.
static TYPE_ONLY: Check = Check {
    run: |_, _| {},
    parse: None,
    rules: &[],
};

/// The check of `field`'s value.
pub(crate) fn check_of(field: Field) -> &'static Check {
    match field {
        Field::Id | Field::DialRuleId | Field::HoldMusic | Field::SipNetworkPermissionId => &numbers::ID,
        Field::Name | Field::JurAddress | Field::FactAddress | Field::Ambassadors => &text::FREE_TEXT,
        Field::ContactPhones => &text::PHONES,
        Field::ExtraParams => &text::EXTRA_PARAMS,
        Field::Type => &client_type::CHECK,
        Field::Email => &email::CHECK,
        Field::DiskSpaceNotifyEmail => &email::NOTIFY_EMAIL,
        Field::DiskSpaceNotifyThreshold => &numbers::THRESHOLD,
        Field::Timezone => &timezone::CHECK,
        Field::Language => &language::CHECK,
        Field::Domain => &domain::CHECK,
        Field::DomainPrefix | Field::Prefix => &dialling::PREFIX,
        Field::ExtensionLen => &dialling::EXTENSION_LEN,
        Field::DidAsTransferCallerId => &dialling::CALLER_ID,
        Field::CreateDate => &create_date::CHECK,
        Field::GeoList => &geo_list::CHECK,
        Field::RegStatusLog => &TYPE_ONLY,
    }
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
        check_of(self.field).parse.map(|p| p(value))
    }

    /// The rules its value check can raise (besides the document rules that
    /// apply to every field, and ownership).
    ///
    /// ```
    /// use client_lint::{Rule, fields::field};
    /// assert!(field("timezone").unwrap().rules().contains(&Rule::UnknownTimezone));
    /// assert!(field("reg_status_log").unwrap().rules().is_empty());
    /// ```
    pub fn rules(&self) -> &'static [Rule] {
        check_of(self.field).rules
    }
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
        // Rules across records are about one field each.
        if let Some(field) = super::fleet::field_of(self) {
            return vec![field];
        }
        FIELDS
            .iter()
            .filter(|f| {
                f.rules().contains(&self)
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
    use crate::fields::{JsonType, ValueKind};

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
