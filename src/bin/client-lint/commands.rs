//! `rules`, `explain`, `schema`.

use std::io::{self, Write};

use client_lint::rule::RULES;
use client_lint::{Lang, Rule};

use crate::args::RulesFormat;
use crate::ui::{Ui, ui};

pub fn rules(w: &mut impl Write, format: RulesFormat, lang: Lang) -> io::Result<()> {
    match format {
        RulesFormat::Json => {
            let list: Vec<_> = RULES
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "code": r.code,
                        "name": r.name,
                        "fields": r.rule.fields_label(),
                        "severity": r.default_severity.as_str(),
                        "fix": r.fix.as_str(),
                        "description": r.rule.explanation().what.get(lang),
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut *w, &list)?;
            writeln!(w)
        }
        RulesFormat::Human => {
            let (c, n, s, f, fl) = match ui(lang) {
                Ui::En => ("code", "name", "severity", "fix", "fields"),
                Ui::Ru => ("код", "имя", "уровень", "исправление", "поля"),
            };
            writeln!(w, "{c:<6} {n:<32} {s:<8} {f:<11} {fl}")?;
            for r in RULES {
                writeln!(
                    w,
                    "{:<6} {:<32} {:<8} {:<11} {}",
                    r.code,
                    r.name,
                    r.default_severity.as_str(),
                    r.fix.as_str(),
                    r.rule.fields_label()
                )?;
            }
            Ok(())
        }
    }
}

/// Indent every line of `text` by `n` spaces.
fn indent(text: &str, n: usize) -> String {
    text.lines().map(|l| format!("{}{l}\n", " ".repeat(n))).collect()
}

pub fn explain(w: &mut impl Write, name: &str, lang: Lang) -> Result<(), String> {
    let rule: Rule = name
        .parse()
        .map_err(|e| format!("{e} (`client-lint rules` lists them)"))?;
    let r = rule.info();
    let e = r.rule.explanation();
    let h = match ui(lang) {
        Ui::En => [
            "What it checks",
            "Why",
            "Example",
            "Use instead",
            "References",
            "severity",
            "fix",
            "fields",
        ],
        Ui::Ru => [
            "Что проверяет",
            "Почему это важно",
            "Пример",
            "Как правильно",
            "Ссылки",
            "уровень",
            "исправление",
            "поля",
        ],
    };
    let text = format!(
        "{} {}\n{}: {}, {}: {}, {}: {}\n\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}",
        r.code,
        r.name,
        h[5],
        r.default_severity.as_str(),
        h[6],
        r.fix.as_str(),
        h[7],
        r.rule.fields_label(),
        h[0],
        indent(e.what.get(lang), 2),
        h[1],
        indent(e.why.get(lang), 2),
        h[2],
        indent(e.example, 2),
        h[3],
        indent(e.instead, 2),
        h[4],
        e.references
            .iter()
            .map(|r| format!("  - {r}\n"))
            .collect::<String>(),
    );
    w.write_all(text.as_bytes()).map_err(|e| e.to_string())
}

pub fn schema(w: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &client_lint::schema())?;
    writeln!(w)
}
