//! Rules: syntax tree → diagnostics. One file per family; this module holds the
//! shared context and sends each field to its family.

use crate::i18n::{Lang, Text};
use crate::rule::{Explanation, Rule};

pub(crate) use context::Ctx;
pub use context::pointer_token;

pub(crate) mod client_type;
mod confusables;
mod context;
mod countries;
pub(crate) mod create_date;
mod declare;
pub(crate) mod dialling;
mod dispatch;
pub(crate) mod document;
pub(crate) mod domain;
pub(crate) mod email;
pub(crate) mod encoding;
pub(crate) mod fleet;
pub(crate) mod geo_list;
mod idna2008;
pub(crate) mod language;
mod language_codes;
mod mail_domain;
pub(crate) mod numbers;
pub(crate) mod record;
pub(crate) mod syntax_errors;
pub(crate) mod text;
pub(crate) mod timezone;
mod timezone_links;
mod timezone_names;
mod unicode_digits;
mod zone_countries;

pub(crate) use declare::Declared;

/// Every family's declarations.
const FAMILIES: &[&[Declared]] = &[
    syntax_errors::DECLARED,
    document::DECLARED,
    encoding::DECLARED,
    numbers::DECLARED,
    client_type::DECLARED,
    email::DECLARED,
    timezone::DECLARED,
    geo_list::DECLARED,
    domain::DECLARED,
    dialling::DECLARED,
    create_date::DECLARED,
    language::DECLARED,
    text::DECLARED,
    fleet::DECLARED,
];

/// Shown only if a rule were declared without an explanation, which a test
/// rules out.
static UNEXPLAINED: Explanation = Explanation {
    what: Text { en: "", ru: "" },
    why: Text { en: "", ru: "" },
    example: "",
    instead: "",
    references: &[],
};

impl Rule {
    /// The rule's explanation (what, why, an example, what to write instead,
    /// references), as `client-lint explain` prints it.
    ///
    /// ```
    /// use client_lint::Rule;
    /// let e = Rule::UnknownTimezone.explanation();
    /// assert_eq!(e.example, r#"{"timezone": "Europe/Moskow"}"#);
    /// ```
    pub fn explanation(self) -> &'static Explanation {
        FAMILIES
            .iter()
            .flat_map(|f| f.iter())
            .find(|d| d.rule == self)
            .map_or(&UNEXPLAINED, |d| d.explanation)
    }
}

impl Rule {
    /// The whole explanation as text, as `client-lint explain` prints it and
    /// the editor and language packages show it: code, name, severity, fix,
    /// fields, then what, why, an example, what to write instead, references.
    ///
    /// ```
    /// use client_lint::{Lang, Rule};
    /// let text = Rule::UnknownTimezone.explain(Lang::Ru);
    /// assert!(text.starts_with("CL401 unknown-timezone\n"));
    /// assert!(text.contains("Как правильно"));
    /// ```
    #[must_use]
    pub fn explain(self, lang: Lang) -> String {
        let r = self.info();
        let e = self.explanation();
        let h = headings(lang);
        let indent = |text: &str| -> String { text.lines().map(|l| format!("  {l}\n")).collect() };
        format!(
            "{} {}\n{}: {}, {}: {}, {}: {}\n\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}",
            r.code,
            r.name,
            h[5],
            r.default_severity.as_str(),
            h[6],
            r.fix.as_str(),
            h[7],
            self.fields_label(),
            h[0],
            indent(e.what.get(lang)),
            h[1],
            indent(e.why.get(lang)),
            h[2],
            indent(e.example),
            h[3],
            indent(e.instead),
            h[4],
            e.references
                .iter()
                .map(|r| format!("  - {r}\n"))
                .collect::<String>(),
        )
    }
}

impl Rule {
    /// The explanation as Markdown, as the SARIF log's rule help and the
    /// language server's hover show it: what, why, an example, what to
    /// write instead, references.
    ///
    /// ```
    /// use client_lint::{Lang, Rule};
    /// let md = Rule::UnknownTimezone.explain_markdown(Lang::En);
    /// assert!(md.contains("**Why.**"));
    /// assert!(md.contains("```json\n{\"timezone\": \"Europe/Moskow\"}\n```"));
    /// ```
    #[must_use]
    pub fn explain_markdown(self, lang: Lang) -> String {
        let e = self.explanation();
        let h = headings(lang);
        let references: String = e.references.iter().map(|r| format!("\n- {r}")).collect();
        format!(
            "{}\n\n**{}.** {}\n\n{}:\n```json\n{}\n```\n{}:\n```json\n{}\n```\n\n{}:{references}",
            e.what.get(lang),
            h[1],
            e.why.get(lang),
            h[2],
            e.example,
            h[3],
            e.instead,
            h[4],
        )
    }
}

/// The headings of an explanation, in `lang`: what, why, example, instead,
/// references, severity, fix, fields.
fn headings(lang: Lang) -> [&'static str; 8] {
    match lang {
        Lang::Ru => [
            "Что проверяет",
            "Почему это важно",
            "Пример",
            "Как правильно",
            "Ссылки",
            "уровень",
            "исправление",
            "поля",
        ],
        _ => [
            "What it checks",
            "Why",
            "Example",
            "Use instead",
            "References",
            "severity",
            "fix",
            "fields",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_explained_by_exactly_one_family() {
        for info in crate::rule::RULES {
            let n = FAMILIES
                .iter()
                .flat_map(|f| f.iter())
                .filter(|d| d.rule == info.rule)
                .count();
            assert_eq!(n, 1, "{}", info.name);
            assert!(!info.rule.explanation().what.en.is_empty(), "{}", info.name);
        }
    }
}

#[cfg(test)]
mod registry {
    use super::FAMILIES;
    use crate::rule::RULES;

    /// `src/rule.rs`'s `registry!` block from the declarations: the rules
    /// already there in their order (append-only), then new ones by code.
    #[test]
    fn the_registry_is_generated_from_the_declarations() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rule.rs");
        let source = std::fs::read_to_string(path).unwrap();
        let open = "registry! {\n";
        let start = source.find(open).expect("the registry block") + open.len();
        let end = start + source[start..].find("\n}\n").expect("its end") + 1;
        let declared: Vec<_> = FAMILIES.iter().flat_map(|f| f.iter()).collect();
        let mut order: Vec<&str> = RULES.iter().map(|r| r.code).collect();
        let mut new: Vec<&str> = declared
            .iter()
            .map(|d| d.code)
            .filter(|c| !order.contains(c))
            .collect();
        new.sort_unstable();
        order.extend(new);
        let mut block = String::new();
        for code in order {
            let Some(d) = declared.iter().find(|d| d.code == code) else {
                continue;
            };
            block.push_str(&format!(
                "    \"{}\" {:?} \"{}\" {:?} {:?};\n",
                d.code, d.rule, d.name, d.severity, d.fix
            ));
        }
        if std::env::var_os("CLIENT_LINT_REGENERATE").is_some() {
            let updated = format!("{}{block}{}", &source[..start], &source[end..]);
            std::fs::write(path, updated).unwrap();
            return;
        }
        assert_eq!(
            source[start..end],
            block,
            "src/rule.rs's registry differs from the declarations: CLIENT_LINT_REGENERATE=1 cargo test --lib registry"
        );
        // Each rule declared exactly once, under its own variant.
        for r in RULES {
            let n = declared.iter().filter(|d| d.rule == r.rule).count();
            assert_eq!(n, 1, "{} is declared {n} times", r.code);
        }
    }
}
