//! `--statistics`: the findings of a run counted by rule, as a table or a
//! JSON array.

use std::collections::HashMap;

use client_lint::Lang;

use crate::args::Format;
use crate::ui::{Ui, ui};

/// One rule's line of `--statistics`.
#[derive(serde::Serialize)]
struct RuleCount {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    count: u64,
    /// Of them, with a safe fix, and with an unsafe one.
    safe_fixes: u64,
    unsafe_fixes: u64,
}

/// `--statistics`: the counts by rule (and severity, which a configuration may
/// change), most first, then by code; as a table or (with `--format json`) a
/// JSON array.
pub fn table(counts: &HashMap<String, u64>, format: Format, lang: Lang) -> String {
    let mut rules: Vec<RuleCount> = Vec::new();
    for (key, &n) in counts {
        let (code, tail) = key.split_at(key.len().saturating_sub(2));
        let Ok(rule) = code.parse::<client_lint::Rule>() else {
            continue;
        };
        let severity = match tail.as_bytes().first() {
            Some(b'e') => "error",
            Some(b'w') => "warning",
            _ => "info",
        };
        let fix = &tail[1..];
        let i = if let Some(i) = rules
            .iter()
            .position(|r| r.code == rule.info().code && r.severity == severity)
        {
            i
        } else {
            rules.push(RuleCount {
                code: rule.info().code,
                name: rule.info().name,
                severity,
                count: 0,
                safe_fixes: 0,
                unsafe_fixes: 0,
            });
            rules.len() - 1
        };
        rules[i].count += n;
        match fix {
            "s" => rules[i].safe_fixes += n,
            "u" => rules[i].unsafe_fixes += n,
            _ => {}
        }
    }
    rules.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.code.cmp(b.code))
            .then(a.severity.cmp(b.severity))
    });
    if format == Format::Json {
        return serde_json::to_string_pretty(&rules).unwrap_or_default() + "\n";
    }
    let (count, code, name, severity, fixes) = match ui(lang) {
        Ui::En => ("count", "code", "name", "severity", "fixes"),
        Ui::Ru => ("число", "код", "имя", "уровень", "исправления"),
    };
    let width = rules
        .iter()
        .map(|r| r.count.to_string().len())
        .max()
        .unwrap_or(0)
        .max(count.chars().count());
    let name_width = rules
        .iter()
        .map(|r| r.name.len())
        .max()
        .unwrap_or(0)
        .max(name.chars().count());
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.chars().count())));
    let mut out = format!(
        "{}  {}  {}  {}  {fixes}\n",
        " ".repeat(width.saturating_sub(count.chars().count())) + count,
        pad(code, 5),
        pad(name, name_width),
        pad(severity, 8)
    );
    for r in &rules {
        let fixable = match (r.safe_fixes, r.unsafe_fixes, ui(lang)) {
            (0, 0, _) => String::new(),
            (s, 0, Ui::En) => format!("{s} safe"),
            (0, u, Ui::En) => format!("{u} unsafe"),
            (s, u, Ui::En) => format!("{s} safe, {u} unsafe"),
            (s, 0, Ui::Ru) => format!("безопасные: {s}"),
            (0, u, Ui::Ru) => format!("небезопасные: {u}"),
            (s, u, Ui::Ru) => format!("безопасные: {s}, небезопасные: {u}"),
        };
        out.push_str(
            format!(
                "{:>width$}  {}  {}  {}  {fixable}",
                r.count,
                pad(r.code, 5),
                pad(r.name, name_width),
                pad(r.severity, 8)
            )
            .trim_end(),
        );
        out.push('\n');
    }
    out
}
