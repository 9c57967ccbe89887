//! How a family file declares its rules: [`Declared`] and `declare!`. A
//! leaf under `rules/` (it imports only the registry's types), so that the
//! families and `rules/mod.rs` do not import each other.

use crate::rule::{Explanation, FixKind, Rule, Severity};

/// One rule as its family file declares it: everything about it, in one
/// place beside the code that emits it (biome's `declare_lint_rule!`). The
/// registry in `src/rule.rs` is generated from these declarations by
/// `CLIENT_LINT_REGENERATE=1 cargo test --lib registry`, which fails while
/// the two differ.
#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "the registry in src/rule.rs is generated from these by a test"
    )
)]
pub(crate) struct Declared {
    pub rule: Rule,
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub fix: FixKind,
    pub explanation: &'static Explanation,
}

/// A family's declarations: `CODE Variant "name" Severity FixKind =>
/// EXPLANATION;` per rule.
macro_rules! declare {
    ($( $code:ident $variant:ident $name:literal $sev:ident $fix:ident => $expl:path; )*) => {
        &[$(
            $crate::rules::declare::Declared {
                rule: $crate::rule::Rule::$variant,
                code: stringify!($code),
                name: $name,
                severity: $crate::rule::Severity::$sev,
                fix: $crate::rule::FixKind::$fix,
                explanation: &$expl,
            },
        )*]
    };
}
pub(crate) use declare;
