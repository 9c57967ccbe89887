//! Rules across the records of one input (or a server's whole fleet): the
//! same `id`, `domain` or `domain_prefix` as an earlier record. Declared and
//! worded here; [`crate::fleet::Fleet`] finds them.

use super::context::{Ctx, Finding, tr};
use super::declare::{Declared, declare};
use crate::i18n::Text;
use crate::rule::{Explanation, Rule};
use crate::span::Span;

pub(crate) static DUPLICATE_ID: Explanation = Explanation {
    what: Text {
        en: "Two records of one input (a JSON array, NDJSON, or the files of one run) have the same `id`. Checked in response mode only, where ids are the server's. Reported at each later record, naming the first.",
        ru: "У двух записей одного ввода (массива JSON, NDJSON или файлов одного запуска) одинаковый `id`. Проверяется только в режиме ответа, где `id` назначает сервер. Сообщается у каждой следующей записи с указанием первой.",
    },
    why: Text {
        en: "An id names one client: an export with a repeated id was cut or merged wrongly, and an import would overwrite one client with another.",
        ru: "`id` обозначает одного клиента: выгрузка с повторяющимся `id` обрезана или склеена неправильно, а при загрузке один клиент перезапишет другого.",
    },
    example: "{\"id\": 7, \"name\": \"Acme\"}\n{\"id\": 7, \"name\": \"Globex\"}",
    instead: "{\"id\": 7, \"name\": \"Acme\"}\n{\"id\": 8, \"name\": \"Globex\"}",
    references: &["client resource documentation: `id`"],
};

pub(crate) static DUPLICATE_DOMAIN: Explanation = Explanation {
    what: Text {
        en: "Two records have the same `domain`, compared as host names are: without case, padding or a final dot, and a Unicode name as its `xn--` form. Reported at each later record, naming the first.",
        ru: "У двух записей одинаковый `domain`, сравниваемый как имена узлов: без учёта регистра, пробелов по краям и точки в конце, а имя в Юникоде — в форме `xn--`. Сообщается у каждой следующей записи с указанием первой.",
    },
    why: Text {
        en: "A domain routes SIP traffic to one client: with two, calls and registrations reach either of them.",
        ru: "Домен направляет SIP-трафик одному клиенту: если он у двух, звонки и регистрации попадут к любому из них.",
    },
    example: "{\"domain\": \"pbx.example.com\"}\n{\"domain\": \"PBX.example.com\"}",
    instead: "{\"domain\": \"pbx.example.com\"}\n{\"domain\": \"pbx2.example.com\"}",
    references: &["RFC 4343 (case insensitivity of DNS names)", "RFC 5891"],
};

pub(crate) static DUPLICATE_DOMAIN_PREFIX: Explanation = Explanation {
    what: Text {
        en: "Two records have the same `domain_prefix` (padding aside). Reported at each later record, naming the first.",
        ru: "У двух записей одинаковый `domain_prefix` (без учёта пробелов по краям). Сообщается у каждой следующей записи с указанием первой.",
    },
    why: Text {
        en: "The prefix selects the client in a dial string (`12345*000*000`): shared by two clients, the string is ambiguous.",
        ru: "Префикс выбирает клиента в строке набора (`12345*000*000`): если он у двух клиентов, строка неоднозначна.",
    },
    example: "{\"domain_prefix\": \"12345\"}\n{\"domain_prefix\": \"12345\"}",
    instead: "{\"domain_prefix\": \"12345\"}\n{\"domain_prefix\": \"12346\"}",
    references: &["client resource documentation: `domain_prefix`"],
};

/// This family's rules, each declared once (`rules/declare.rs` says how).
pub(crate) static DECLARED: &[Declared] = declare![
    CL901 DuplicateId "duplicate-id" Error None => DUPLICATE_ID;
    CL902 DuplicateDomain "duplicate-domain" Error None => DUPLICATE_DOMAIN;
    CL903 DuplicateDomainPrefix "duplicate-domain-prefix" Error None => DUPLICATE_DOMAIN_PREFIX;
];

/// The field each rule of this family is about.
pub(crate) fn field_of(rule: Rule) -> Option<&'static str> {
    match rule {
        Rule::DuplicateId => Some("id"),
        Rule::DuplicateDomain => Some("domain"),
        Rule::DuplicateDomainPrefix => Some("domain_prefix"),
        _ => None,
    }
}

/// The findings for one record's repeated values: for each rule, where the
/// value was first seen (`file`, 0-based `record`, 1-based `line`). The
/// record's `text` is parsed again for the spans of its values (this is the
/// rare case).
pub(crate) fn duplicates(
    options: &crate::options::Options,
    text: &str,
    found: &[(Rule, (&str, usize, usize))],
) -> Vec<crate::diagnostic::Diagnostic> {
    let parsed = crate::syntax::parse(text, 0, false);
    let mut ctx = Ctx::new(options, Some(text));
    for &(rule, first) in found {
        let Some(key) = field_of(rule) else { continue };
        let Some(node) = parsed.root.as_ref().and_then(|root| match &root.value {
            crate::syntax::Value::Object(members) => {
                members.iter().rev().find(|m| m.key == key).map(|m| &m.value)
            }
            _ => None,
        }) else {
            continue;
        };
        let raw = text.get(node.span.start..node.span.end).unwrap_or_default();
        let shown = serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.to_string());
        duplicate(&mut ctx, rule, node.span, &shown, first);
    }
    ctx.diags
}

/// Report that the value at `span` of `field` was first seen at `first`
/// (`file`, 0-based `record`, 1-based `line`).
fn duplicate(ctx: &mut Ctx<'_>, rule: Rule, span: Span, value: &str, first: (&str, usize, usize)) {
    let Some(field) = field_of(rule) else {
        return;
    };
    let (file, record, line) = first;
    ctx.emit(
        rule,
        || Some(format!("/{field}")),
        span,
        |s| {
            let v = s.quote(value);
            let file = crate::escape::terminal_safe(file);
            Finding::new(tr!(
                s,
                "`{field}` `{v}` is already the {field} of record {record} ({file}, line {line})",
                "`{field}` `{v}` уже есть у записи {record} ({file}, строка {line})"
            ))
            .help(tr!(
                s,
                "give each client its own {field}, or remove the repeated record",
                "задайте каждому клиенту свой {field} или удалите повторную запись"
            ))
        },
    );
}
