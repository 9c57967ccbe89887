//! The registry of rules: code, name, default severity and fix kind, a leaf
//! that every layer can read (it imports nothing above it). Each rule is
//! declared once, in its family file under `src/rules/` beside the code that
//! emits it (its `DECLARED` list: code, name, severity, fix kind and
//! explanation, as biome's `declare_lint_rule!`); the registry block below
//! is generated from those declarations and checked by a test. Adding a rule
//! means its declaration, explanation and check in its family file, its
//! vectors in `tests/data/rules.toml`, and regenerating this block.

use serde::Serialize;

use crate::i18n::Text;

/// How serious a finding is.
///
/// Ordered: `Info < Warning < Error`.
///
/// ```
/// use client_lint::Severity;
/// assert!(Severity::Error > Severity::Warning);
/// assert_eq!(Severity::Warning.as_str(), "warning");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    /// Worth knowing; never fails a check.
    Info,
    /// Probably wrong; fails a check only with `--deny-warnings`.
    Warning,
    /// Wrong: the API would reject or misread the value.
    Error,
}

impl Severity {
    /// The lowercase name used in every output format.
    ///
    /// ```
    /// assert_eq!(client_lint::Severity::Info.as_str(), "info");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A rule's explanation, in ruff's order: what it checks, why, an example, what
/// to use instead, references.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
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
#[non_exhaustive]
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
    /// assert_eq!(client_lint::rule::FixKind::Sometimes.as_str(), "sometimes");
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
#[non_exhaustive]
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
}

macro_rules! registry {
    ($( $code:literal $variant:ident $name:literal $sev:ident $fix:ident; )*) => {
        /// Every rule. The discriminant indexes [`RULES`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Rule {
            $(
                #[doc = concat!("`", $code, "` `", $name, "`")]
                $variant,
            )*
        }

        /// The registry: one entry per rule, in the order rules were added.
        /// Append-only: a rule keeps its place and its code for ever (a code
        /// is never reused, even for a rule that is removed), so a rule's
        /// index here is stable across versions.
        pub static RULES: &[RuleInfo] = &[
            $( RuleInfo {
                rule: Rule::$variant,
                code: $code,
                name: $name,
                default_severity: Severity::$sev,
                fix: FixKind::$fix,
            }, )*
        ];
    };
}

// Generated from the declarations in the family files under `src/rules/`
// (each rule's code, name, severity, fix kind and explanation are declared
// there once) by `CLIENT_LINT_REGENERATE=1 cargo test --lib registry`; a test
// fails when this block and the declarations differ. Append-only: a new rule
// goes at the end, a rule keeps its place for ever.
registry! {
    "CL001" SyntaxError "syntax-error" Error None;
    "CL002" RootNotObject "root-not-object" Error None;
    "CL003" DuplicateKey "duplicate-key" Error None;
    "CL004" UnknownKey "unknown-key" Warning None;
    "CL005" WrongType "wrong-type" Error Sometimes;
    "CL006" ReadOnlyField "read-only-field" Warning Unsafe;
    "CL007" ProviderOwnedField "provider-owned-field" Warning Unsafe;
    "CL008" NestingTooDeep "nesting-too-deep" Error None;
    "CL009" InvalidEncoding "invalid-encoding" Error None;
    "CL010" ByteOrderMark "byte-order-mark" Warning None;
    "CL011" LoneSurrogate "lone-surrogate" Error None;
    "CL012" TooManyFindings "too-many-findings" Error None;
    "CL101" IdOutOfRange "id-out-of-range" Error None;
    "CL102" NumberNotInteger "number-not-integer" Error None;
    "CL103" ThresholdOutOfRange "threshold-out-of-range" Error None;
    "CL104" ThresholdWithoutEmail "threshold-without-email" Warning None;
    "CL105" EmailWithoutThreshold "email-without-threshold" Warning None;
    "CL201" ClientTypeWrongCase "client-type-wrong-case" Error Safe;
    "CL202" UnknownClientType "unknown-client-type" Error None;
    "CL301" InvalidEmail "invalid-email" Error None;
    "CL302" EmailDisplayName "email-display-name" Error Unsafe;
    "CL303" MultipleEmails "multiple-emails" Error None;
    "CL304" InvalidEmailDomain "invalid-email-domain" Error Sometimes;
    "CL305" SpecialUseEmailDomain "special-use-email-domain" Warning None;
    "CL306" UnicodeEmailDomain "unicode-email-domain" Error Safe;
    "CL401" UnknownTimezone "unknown-timezone" Error Unsafe;
    "CL402" TimezoneWrongCase "timezone-wrong-case" Error Safe;
    "CL403" DeprecatedTimezoneLink "deprecated-timezone-link" Warning Safe;
    "CL404" TimezoneAbbreviation "timezone-abbreviation-or-offset" Error Unsafe;
    "CL405" LegacyTimezone "legacy-timezone" Warning Unsafe;
    "CL501" GeoListNotCanonical "geo-list-not-canonical" Error Safe;
    "CL502" DuplicateCountry "duplicate-country" Warning Safe;
    "CL503" WildcardWithCountries "wildcard-with-countries" Error None;
    "CL504" UnknownCountry "unknown-country" Error Unsafe;
    "CL505" EmptyGeoList "empty-geo-list" Warning Unsafe;
    "CL601" InvalidDomain "invalid-domain" Error None;
    "CL602" DomainIsUrl "domain-is-url" Error Safe;
    "CL603" DomainNotLowercase "domain-not-lowercase" Error Safe;
    "CL604" UnicodeDomain "unicode-domain" Error Safe;
    "CL701" NonDigitPrefix "non-digit-prefix" Error Unsafe;
    "CL702" InvalidExtensionLen "invalid-extension-len" Error None;
    "CL703" InvalidCreateDate "invalid-create-date" Error None;
    "CL704" InvalidLanguage "invalid-language" Warning Sometimes;
    "CL705" InvalidCallerId "invalid-caller-id" Warning None;
    "CL801" ControlCharacter "control-character" Error None;
    "CL802" EmptyValue "empty-value" Warning Unsafe;
    "CL803" SurroundingWhitespace "surrounding-whitespace" Warning Safe;
    "CL804" PhoneWithoutDigits "phone-without-digits" Warning None;
    "CL805" ExtraParamsNotJson "extra-params-not-json" Warning None;
    "CL806" PaddedValue "padded-value" Error Sometimes;
    "CL807" NonAsciiDigits "non-ascii-digits" Warning Safe;
    "CL106" NonCanonicalInteger "non-canonical-integer" Warning Safe;
    "CL605" MixedScriptDomain "mixed-script-domain" Warning None;
    "CL506" HomeCountryNotAllowed "home-country-not-allowed" Warning Unsafe;
    "CL901" DuplicateId "duplicate-id" Error None;
    "CL902" DuplicateDomain "duplicate-domain" Error None;
    "CL903" DuplicateDomainPrefix "duplicate-domain-prefix" Error None;
}

/// A code or name that is no rule, with the closest rule name when there is
/// one.
///
/// ```
/// let e = "unknown-timezon".parse::<client_lint::Rule>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown rule `unknown-timezon`; did you mean `unknown-timezone`?");
/// assert_eq!(e.suggestion(), Some("unknown-timezone"));
/// let long = "x".repeat(10_000_000).parse::<client_lint::Rule>().unwrap_err();
/// assert_eq!(long.to_string(), format!("unknown rule `{}…`", "x".repeat(48)));
/// assert_eq!("a\u{202e}b".parse::<client_lint::Rule>().unwrap_err().to_string(), "unknown rule `a\\u{202e}b`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule {
    input: String,
    suggestion: Option<&'static str>,
}

impl UnknownRule {
    /// The text that is no rule.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The closest rule name, for "did you mean".
    pub fn suggestion(&self) -> Option<&'static str> {
        self.suggestion
    }
}

impl std::fmt::Display for UnknownRule {
    /// The input is cut after 48 characters and its control and bidi
    /// characters escaped, as messages quote values: a 10 MB argument is not
    /// echoed back.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let cut = match self.input.char_indices().nth(48) {
            Some((i, _)) => format!("{}…", &self.input[..i]),
            None => self.input.clone(),
        };
        write!(f, "unknown rule `{}`", crate::escape::terminal_safe(&cut))?;
        match self.suggestion {
            Some(s) => write!(f, "; did you mean `{s}`?"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for UnknownRule {}

impl std::str::FromStr for Rule {
    type Err = UnknownRule;

    /// A rule by code (`CL401`, any case) or name (`unknown-timezone`);
    /// white space around it is ignored.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        Rule::find(s).ok_or_else(|| UnknownRule {
            input: s.to_string(),
            suggestion: Rule::suggest(s),
        })
    }
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
    /// such a document can never pass a check or be rewritten by a fix; and
    /// `too-many-findings` cannot be turned off, so the cap never hides an
    /// error.
    ///
    /// ```
    /// use client_lint::{Level, Options, Rule};
    /// assert!(Rule::SyntaxError.is_locked());
    /// let options = Options::default().with_level(Rule::SyntaxError, Level::Allow);
    /// assert!(client_lint::lint_str(r#"{"type": "j",}"#, &options).has_errors());
    /// ```
    pub const fn is_locked(self) -> bool {
        matches!(
            self,
            Rule::SyntaxError | Rule::InvalidEncoding | Rule::TooManyFindings
        )
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
        crate::suggest::closest(code_or_name, RULES.iter().map(|r| r.name))
    }
}
