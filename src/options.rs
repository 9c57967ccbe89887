//! What the caller chooses: [`Mode`], [`Lang`], per-rule [`Level`]s, redaction.

pub use crate::i18n::Lang;
use crate::rule::Severity;
use crate::rule::{RULES, Rule};

/// Where the document comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Mode {
    /// A body about to be sent: server-owned (`id`, `prefix`, `create_date`) and
    /// provider-owned (`reg_status_log`) fields are warned about.
    #[default]
    Request,
    /// A record as the API returns it (dumps, exports): those fields are expected.
    Response,
}

impl Mode {
    /// The mode's name, as every option spells it: `request`, `response`.
    ///
    /// ```
    /// assert_eq!(client_lint::Mode::Response.as_str(), "response");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Mode::Request => "request",
            Mode::Response => "response",
        }
    }
}

/// A mode name that is not `request` or `response`.
///
/// ```
/// let e = "reply".parse::<client_lint::Mode>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown mode `reply`: expected `request` or `response`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown mode `{input}`: expected `request` or `response`")]
pub struct ParseModeError {
    input: String,
}

impl std::str::FromStr for Mode {
    type Err = ParseModeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "request" => Ok(Mode::Request),
            "response" => Ok(Mode::Response),
            _ => Err(ParseModeError { input: s.to_string() }),
        }
    }
}

/// A `rule = level` setting that names no rule or no level.
///
/// ```
/// use client_lint::Options;
/// let e = Options::new().with_level_str("CL999", "off").unwrap_err();
/// assert!(e.to_string().starts_with("unknown rule `CL999`"));
/// let e = Options::new().with_level_str("CL401", "loud").unwrap_err();
/// assert_eq!(e.to_string(), "rule `CL401`: unknown level `loud`: expected `allow`, `info`, `warning` or `error`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LevelSettingError {
    /// The rule is unknown.
    #[error(transparent)]
    Rule(#[from] crate::rule::UnknownRule),
    /// The level is unknown.
    #[error("rule `{rule}`: {error}")]
    Level {
        /// The rule as written.
        rule: String,
        /// What is wrong with the level.
        error: ParseLevelError,
    },
}

/// A rule's level, as set by configuration.
///
/// ```
/// use client_lint::Level;
/// assert_eq!("warning".parse::<Level>(), Ok(Level::Warning));
/// assert!("loud".parse::<Level>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Level {
    /// The rule is off.
    Allow,
    /// Reported as info.
    Info,
    /// Reported as a warning.
    Warning,
    /// Reported as an error.
    Error,
}

/// A level name that is not `allow`, `info`, `warning` or `error` (or
/// `off`, `warn`, `deny`).
///
/// ```
/// let e = "loud".parse::<client_lint::Level>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown level `loud`: expected `allow`, `info`, `warning` or `error`");
/// assert_eq!(e.input(), "loud");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown level `{input}`: expected `allow`, `info`, `warning` or `error`")]
pub struct ParseLevelError {
    input: String,
}

impl ParseLevelError {
    /// The text that is no level.
    pub fn input(&self) -> &str {
        &self.input
    }
}

impl std::str::FromStr for Level {
    type Err = ParseLevelError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "allow" | "off" => Ok(Level::Allow),
            "info" => Ok(Level::Info),
            "warning" | "warn" => Ok(Level::Warning),
            "error" | "deny" => Ok(Level::Error),
            _ => Err(ParseLevelError { input: s.to_string() }),
        }
    }
}

impl Level {
    fn severity(self) -> Option<Severity> {
        match self {
            Level::Allow => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// Per-rule level overrides; empty by default (every rule at its default).
///
/// ```
/// use client_lint::{Level, Rule};
/// use client_lint::options::Levels;
/// let mut levels = Levels::default();
/// levels.set(Rule::UnknownKey, Level::Error);
/// assert_eq!(levels.get(Rule::UnknownKey), Some(Level::Error));
/// assert_eq!(levels.get(Rule::UnknownTimezone), None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Levels(Vec<Option<Level>>);

impl Levels {
    /// Override the level of one rule.
    pub fn set(&mut self, rule: Rule, level: Level) {
        if self.0.len() < RULES.len() {
            self.0.resize(RULES.len(), None);
        }
        self.0[rule as usize] = Some(level);
    }

    /// The override for `rule`, if any.
    pub fn get(&self, rule: Rule) -> Option<Level> {
        self.0.get(rule as usize).copied().flatten()
    }
}

/// Findings kept per record unless [`Options::max_findings`] says otherwise.
pub const DEFAULT_MAX_FINDINGS: usize = 1000;

/// Options for [`crate::lint_str`] and the other entry points, built with
/// chained calls; fields are private so that new options never break callers.
///
/// ```
/// use client_lint::{Lang, Level, Mode, Options, Rule};
/// let options = Options::new()
///     .with_mode(Mode::Response)
///     .with_lang(Lang::Ru)
///     .with_level(Rule::UnknownKey, Level::Allow);
/// let report = client_lint::lint_str(r#"{"colour": "red"}"#, &options);
/// assert!(report.diagnostics().is_empty());
/// assert_eq!(options.mode(), Mode::Response);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Options {
    mode: Mode,
    lang: Lang,
    redact: bool,
    levels: Levels,
    max_findings: Option<usize>,
}

impl Options {
    /// The defaults: request mode, English, values shown, every rule at its
    /// default level.
    #[must_use]
    pub fn new() -> Self {
        Options::default()
    }

    /// Request (default) or response document.
    #[must_use]
    pub fn with_mode(mut self, mode: Mode) -> Self {
        self.mode = mode;
        self
    }

    /// The language of messages and help.
    #[must_use]
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// Keep field values out of `message` and `help` (for servers that log
    /// diagnostics). Fixes still carry the corrected value.
    ///
    /// ```
    /// let options = client_lint::Options::new().with_redact(true);
    /// let report = client_lint::lint_str(r#"{"type": "secret"}"#, &options);
    /// assert!(!report.diagnostics()[0].message().contains("secret"));
    /// ```
    #[must_use]
    pub fn with_redact(mut self, redact: bool) -> Self {
        self.redact = redact;
        self
    }

    /// At most this many findings per record (default [`DEFAULT_MAX_FINDINGS`]);
    /// errors are kept before warnings, warnings before info. Past the cap,
    /// one finding says how many more there were and of which severity, and
    /// is an error if any of them was, so that the cap never hides an error.
    /// Output and memory stay bounded on hostile input. `usize::MAX` for no
    /// cap.
    ///
    /// ```
    /// use client_lint::Options;
    /// let doc = r#"{"a": 1, "b": 2, "c": 3, "type": "x"}"#;
    /// let report = client_lint::lint_str(doc, &Options::new().with_max_findings(2));
    /// let names: Vec<_> = report.diagnostics().iter().map(|d| d.name()).collect();
    /// assert_eq!(names, ["unknown-key", "unknown-client-type", "too-many-findings"]);
    /// assert!(report.has_errors(), "the error is shown in place of a warning");
    /// ```
    #[must_use]
    pub fn with_max_findings(mut self, max: usize) -> Self {
        self.max_findings = Some(max);
        self
    }

    /// The cap on findings per record.
    pub fn max_findings(&self) -> usize {
        self.max_findings.unwrap_or(DEFAULT_MAX_FINDINGS)
    }

    /// The mode set.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The language set.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether values are kept out of messages.
    pub fn is_redacting(&self) -> bool {
        self.redact
    }

    /// The per-rule level overrides.
    pub fn levels(&self) -> &Levels {
        &self.levels
    }

    /// Override the level of one rule.
    pub fn set_level(&mut self, rule: Rule, level: Level) {
        self.levels.set(rule, level);
    }

    /// Override the level of one rule, as a chained call.
    ///
    /// ```
    /// use client_lint::{Level, Options, Rule};
    /// let options = Options::default().with_level(Rule::UnknownKey, Level::Error);
    /// assert!(client_lint::lint_str(r#"{"x": 1}"#, &options).has_errors());
    /// ```
    #[must_use]
    pub fn with_level(mut self, rule: Rule, level: Level) -> Self {
        self.set_level(rule, level);
        self
    }

    /// Set a rule's level from text, as configuration files and the
    /// language packages spell both: a code or name, and `allow`/`off`,
    /// `info`, `warning`/`warn` or `error`/`deny`.
    ///
    /// # Errors
    ///
    /// [`LevelSettingError`] for a rule or a level that does not exist, with
    /// the closest name when there is one.
    ///
    /// ```
    /// use client_lint::{Options, Rule};
    /// let o = Options::new().with_level_str("unknown-key", "off").unwrap();
    /// assert_eq!(o.severity(Rule::UnknownKey), None);
    /// ```
    pub fn with_level_str(self, rule: &str, level: &str) -> Result<Self, LevelSettingError> {
        let r: Rule = rule.parse()?;
        let l: Level = level.parse().map_err(|error| LevelSettingError::Level {
            rule: rule.to_string(),
            error,
        })?;
        Ok(self.with_level(r, l))
    }

    /// The severity a rule reports at, or `None` when it is allowed (off).
    /// Levels set on a [locked](Rule::is_locked) rule are ignored.
    ///
    /// ```
    /// use client_lint::{Options, Rule, Severity};
    /// assert_eq!(Options::default().severity(Rule::UnknownKey), Some(Severity::Warning));
    /// ```
    pub fn severity(&self, rule: Rule) -> Option<Severity> {
        if rule.is_locked() {
            return Some(rule.info().default_severity);
        }
        match self.levels.get(rule) {
            Some(level) => level.severity(),
            None => Some(rule.info().default_severity),
        }
    }
}
