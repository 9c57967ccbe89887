//! The one table of rules: code, name, family, default severity, fix kind and
//! explanation. Adding a rule means one line here, its check and explanation in
//! the family file under `src/rules/`, and its vectors in `tests/data/`.

use serde::Serialize;

use crate::diagnostic::Severity;
pub use crate::i18n::Text;
use crate::rules;

/// A rule's explanation, in ruff's order: what it checks, why, an example, what
/// to use instead, references.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Explanation {
    /// What it checks.
    pub what: Text,
    /// Why it matters.
    pub why: Text,
    /// A JSON fragment that triggers the rule.
    pub example: &'static str,
    /// The same fragment, corrected.
    pub instead: &'static str,
    /// Standards and documents.
    pub references: &'static [&'static str],
}

/// Which fix a rule can offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixKind {
    /// No automatic fix.
    None,
    /// Fixes are always safe.
    Safe,
    /// Fixes are unsafe (need `--unsafe-fixes`).
    Unsafe,
    /// Safe in some cases, unsafe in others.
    Sometimes,
}

impl FixKind {
    /// Lowercase name.
    ///
    /// ```
    /// assert_eq!(client_lint::FixKind::Sometimes.as_str(), "sometimes");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            FixKind::None => "none",
            FixKind::Safe => "safe",
            FixKind::Unsafe => "unsafe",
            FixKind::Sometimes => "sometimes",
        }
    }
}

/// Everything known about one rule.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    /// The rule.
    pub rule: Rule,
    /// Stable code, e.g. `CL401`. Never reused, kept when a rule is renamed.
    pub code: &'static str,
    /// Kebab-case name saying what was found.
    pub name: &'static str,
    /// Severity when no option overrides it.
    pub default_severity: Severity,
    /// What kind of fix it offers.
    pub fix: FixKind,
    /// Explanation for `client-lint explain`.
    pub explanation: &'static Explanation,
}

macro_rules! registry {
    ($( $code:literal $variant:ident $name:literal $sev:ident $fix:ident => $expl:path; )*) => {
        /// Every rule. The discriminant indexes [`RULES`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Rule {
            $(
                #[doc = concat!("`", $code, "` `", $name, "`")]
                $variant,
            )*
        }

        /// The registry: one entry per rule, in code order.
        pub static RULES: &[RuleInfo] = &[
            $( RuleInfo {
                rule: Rule::$variant,
                code: $code,
                name: $name,
                default_severity: Severity::$sev,
                fix: FixKind::$fix,
                explanation: &$expl,
            }, )*
        ];
    };
}

registry! {
    "CL001" SyntaxError "syntax-error" Error None => rules::document::SYNTAX_ERROR;
    "CL002" RootNotObject "root-not-object" Error None => rules::document::ROOT_NOT_OBJECT;
    "CL003" DuplicateKey "duplicate-key" Error None => rules::document::DUPLICATE_KEY;
    "CL004" UnknownKey "unknown-key" Warning None => rules::document::UNKNOWN_KEY;
    "CL005" WrongType "wrong-type" Error Sometimes => rules::document::WRONG_TYPE;
    "CL006" ReadOnlyField "read-only-field" Warning Unsafe => rules::document::READ_ONLY_FIELD;
    "CL007" ProviderOwnedField "provider-owned-field" Warning Unsafe => rules::document::PROVIDER_OWNED_FIELD;
    "CL008" NestingTooDeep "nesting-too-deep" Error None => rules::document::NESTING_TOO_DEEP;
    "CL009" InvalidEncoding "invalid-encoding" Error None => rules::document::INVALID_ENCODING;
    "CL010" ByteOrderMark "byte-order-mark" Warning None => rules::document::BYTE_ORDER_MARK;
    "CL101" IdOutOfRange "id-out-of-range" Error None => rules::numbers::ID_OUT_OF_RANGE;
    "CL102" NumberNotInteger "number-not-integer" Error Sometimes => rules::numbers::NUMBER_NOT_INTEGER;
    "CL103" ThresholdOutOfRange "threshold-out-of-range" Error None => rules::numbers::THRESHOLD_OUT_OF_RANGE;
    "CL104" ThresholdWithoutEmail "threshold-without-email" Warning None => rules::numbers::THRESHOLD_WITHOUT_EMAIL;
    "CL105" EmailWithoutThreshold "email-without-threshold" Warning None => rules::numbers::EMAIL_WITHOUT_THRESHOLD;
    "CL201" ClientTypeWrongCase "client-type-wrong-case" Error Safe => rules::client_type::CLIENT_TYPE_WRONG_CASE;
    "CL202" UnknownClientType "unknown-client-type" Error None => rules::client_type::UNKNOWN_CLIENT_TYPE;
    "CL301" InvalidEmail "invalid-email" Error None => rules::email::INVALID_EMAIL;
    "CL302" EmailDisplayName "email-display-name" Error Unsafe => rules::email::EMAIL_DISPLAY_NAME;
    "CL303" MultipleEmails "multiple-emails" Error None => rules::email::MULTIPLE_EMAILS;
    "CL304" InvalidEmailDomain "invalid-email-domain" Error None => rules::email::INVALID_EMAIL_DOMAIN;
    "CL401" UnknownTimezone "unknown-timezone" Error Unsafe => rules::timezone::UNKNOWN_TIMEZONE;
    "CL402" TimezoneWrongCase "timezone-wrong-case" Error Safe => rules::timezone::TIMEZONE_WRONG_CASE;
    "CL403" DeprecatedTimezoneLink "deprecated-timezone-link" Warning Safe => rules::timezone::DEPRECATED_TIMEZONE_LINK;
    "CL404" TimezoneAbbreviation "timezone-abbreviation-or-offset" Error Unsafe => rules::timezone::TIMEZONE_ABBREVIATION;
    "CL501" GeoListNotCanonical "geo-list-not-canonical" Error Safe => rules::geo_list::GEO_LIST_NOT_CANONICAL;
    "CL502" DuplicateCountry "duplicate-country" Warning Safe => rules::geo_list::DUPLICATE_COUNTRY;
    "CL503" WildcardWithCountries "wildcard-with-countries" Error None => rules::geo_list::WILDCARD_WITH_COUNTRIES;
    "CL504" UnknownCountry "unknown-country" Error Unsafe => rules::geo_list::UNKNOWN_COUNTRY;
    "CL505" EmptyGeoList "empty-geo-list" Warning Unsafe => rules::geo_list::EMPTY_GEO_LIST;
    "CL601" InvalidDomain "invalid-domain" Error None => rules::domain::INVALID_DOMAIN;
    "CL602" DomainIsUrl "domain-is-url" Error Safe => rules::domain::DOMAIN_IS_URL;
    "CL603" DomainNotLowercase "domain-not-lowercase" Error Safe => rules::domain::DOMAIN_NOT_LOWERCASE;
    "CL701" NonDigitPrefix "non-digit-prefix" Error Unsafe => rules::formats::NON_DIGIT_PREFIX;
    "CL702" InvalidExtensionLen "invalid-extension-len" Error None => rules::formats::INVALID_EXTENSION_LEN;
    "CL703" InvalidCreateDate "invalid-create-date" Error None => rules::formats::INVALID_CREATE_DATE;
    "CL704" InvalidLanguage "invalid-language" Warning Sometimes => rules::formats::INVALID_LANGUAGE;
    "CL705" InvalidCallerId "invalid-caller-id" Warning None => rules::formats::INVALID_CALLER_ID;
    "CL801" ControlCharacter "control-character" Error None => rules::text::CONTROL_CHARACTER;
    "CL802" EmptyValue "empty-value" Warning Unsafe => rules::text::EMPTY_VALUE;
    "CL803" SurroundingWhitespace "surrounding-whitespace" Warning Safe => rules::text::SURROUNDING_WHITESPACE;
    "CL804" PhoneWithoutDigits "phone-without-digits" Warning None => rules::text::PHONE_WITHOUT_DIGITS;
    "CL805" ExtraParamsNotJson "extra-params-not-json" Warning None => rules::text::EXTRA_PARAMS_NOT_JSON;
    "CL806" PaddedValue "padded-value" Error Sometimes => rules::text::PADDED_VALUE;
}

impl Rule {
    /// The registry entry of this rule.
    ///
    /// ```
    /// use client_lint::Rule;
    /// assert_eq!(Rule::UnknownTimezone.info().code, "CL401");
    /// ```
    pub fn info(self) -> &'static RuleInfo {
        &RULES[self as usize]
    }

    /// Whether the rule's level is fixed: text that is not JSON
    /// (`syntax-error`) or not UTF-8 (`invalid-encoding`) is always reported as
    /// an error, whatever [`crate::Options`] or the configuration say, so that
    /// such a document can never pass a check or be rewritten by a fix.
    ///
    /// ```
    /// use client_lint::{Level, Options, Rule};
    /// assert!(Rule::SyntaxError.is_locked());
    /// let options = Options::default().with_level(Rule::SyntaxError, Level::Allow);
    /// assert!(client_lint::lint_str(r#"{"type": "j",}"#, &options).has_errors());
    /// ```
    pub const fn is_locked(self) -> bool {
        matches!(self, Rule::SyntaxError | Rule::InvalidEncoding)
    }

    /// Find a rule by code (`CL401`, any case) or name (`unknown-timezone`).
    ///
    /// ```
    /// use client_lint::Rule;
    /// assert_eq!(Rule::find("cl401"), Some(Rule::UnknownTimezone));
    /// assert_eq!(Rule::find("unknown-timezone"), Some(Rule::UnknownTimezone));
    /// assert_eq!(Rule::find("no-such-rule"), None);
    /// ```
    pub fn find(code_or_name: &str) -> Option<Rule> {
        RULES
            .iter()
            .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
            .map(|r| r.rule)
    }

    /// The known rule name closest to `code_or_name`, for "did you mean".
    ///
    /// ```
    /// use client_lint::Rule;
    /// assert_eq!(Rule::suggest("unknown-timezon"), Some("unknown-timezone"));
    /// ```
    pub fn suggest(code_or_name: &str) -> Option<&'static str> {
        crate::similar::closest(code_or_name, RULES.iter().map(|r| r.name))
    }
}
