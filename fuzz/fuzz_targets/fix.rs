//! Apply all safe fixes. Checks: a text that parsed still parses; the root's
//! keys keep their order; linting the result offers no safe fix; a text with a
//! syntax error is returned unchanged.
#![no_main]

use client_lint::{Applicability, Options};
use libfuzzer_sys::fuzz_target;

fn keys(text: &str) -> Option<Vec<String>> {
    let v: serde_json::Value = serde_json::from_str(text).ok()?;
    Some(v.as_object()?.keys().cloned().collect())
}

fuzz_target!(|text: &str| {
    let options = Options::default();
    let before = client_lint::lint_str(text, &options);
    let fixed = client_lint::fix_str(text, &options, client_lint::UnsafeFixes::Skip);
    if before.has_syntax_error() {
        assert_eq!(fixed.text, text);
        return;
    }
    let after = client_lint::lint_str(&fixed.text, &options);
    assert!(
        !after.has_syntax_error(),
        "fixing broke the JSON: {text:?} → {:?}",
        fixed.text
    );
    assert!(
        after
            .diagnostics()
            .iter()
            .all(|d| d.fix().is_none_or(|f| f.applicability() != Applicability::Safe)),
        "safe fixes left after fixing: {text:?} → {:?}: {:?}",
        fixed.text,
        after.diagnostics()
    );
    if let (Some(a), Some(b)) = (keys(text), keys(&fixed.text)) {
        assert_eq!(a, b, "{text:?} → {:?}", fixed.text);
    }
});
