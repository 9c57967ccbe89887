//! `rules`, `explain`, `schema`, `completions`, `manpage`.

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

pub fn explain(w: &mut impl Write, name: &str, lang: Lang) -> Result<(), String> {
    let rule: Rule = name
        .parse()
        .map_err(|e| format!("{e} (`client-lint rules` lists them)"))?;
    w.write_all(rule.explain(lang).as_bytes())
        .map_err(|e| e.to_string())
}

pub fn schema(w: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &client_lint::schema())?;
    writeln!(w)
}

/// The completion script for `shell`, from the command line's definition.
pub fn completions(w: &mut impl Write, shell: clap_complete::Shell) {
    let mut cmd = <crate::args::Cli as clap::CommandFactory>::command();
    clap_complete::generate(shell, &mut cmd, "client-lint", w);
}

/// The manual page (roff), from the command line's definition.
pub fn manpage(w: &mut impl Write) -> io::Result<()> {
    let cmd = <crate::args::Cli as clap::CommandFactory>::command();
    clap_mangen::Man::new(cmd).render(w)
}
