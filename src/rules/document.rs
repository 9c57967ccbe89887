//! The shape of a record: the root, keys, JSON types, ownership and depth
//! (CL002–CL008), lone surrogates (CL011) and the findings cap (CL012).

use std::collections::HashSet;

use super::context::{Ctx, FieldAt, Finding, FixSpec, Say, tr};
use super::declare::{Declared, declare};
use crate::diagnostic::Applicability;
use crate::fields::{FIELD_COUNT, FIELDS, FieldInfo, JsonType, Owner};
use crate::i18n::{Lang, Text, count, ru_form};
use crate::options::Mode;
use crate::pointer::{Path, Pointer};
use crate::rule::{Explanation, Rule};
use crate::span::Span;
use crate::syntax::{Node, Value, is_integer_literal};

pub(crate) static ROOT_NOT_OBJECT: Explanation = Explanation {
    what: Text {
        en: "The document (or a record of a batch) is not a JSON object.",
        ru: "Документ (или запись пакета) не является JSON-объектом.",
    },
    why: Text {
        en: "A client is an object of fields; anything else is rejected.",
        ru: "Клиент — это объект с полями; всё остальное будет отклонено.",
    },
    example: r#"["Acme", "UTC"]"#,
    instead: r#"{"name": "Acme", "timezone": "UTC"}"#,
    references: &["RFC 8259, section 4 (Objects)"],
};

pub(crate) static DUPLICATE_KEY: Explanation = Explanation {
    what: Text {
        en: "The same key appears twice in one object. Reported at the second occurrence.",
        ru: "Один и тот же ключ встречается в объекте дважды. Сообщается о втором вхождении.",
    },
    why: Text {
        en: "RFC 8259 leaves the meaning undefined: most parsers keep the last value silently, some the first, some fail. Which one you meant is unclear, so there is no automatic fix.",
        ru: "RFC 8259 не определяет смысл: большинство парсеров молча берут последнее значение, некоторые — первое, некоторые падают. Что имелось в виду, неясно, поэтому автоматического исправления нет.",
    },
    example: r#"{"name": "Acme", "name": "Acme Ltd"}"#,
    instead: r#"{"name": "Acme Ltd"}"#,
    references: &["RFC 8259, section 4: \"The names within an object SHOULD be unique.\""],
};

pub(crate) static UNKNOWN_KEY: Explanation = Explanation {
    what: Text {
        en: "A key that is not a field of the client resource. The closest field name is suggested.",
        ru: "Ключ, которого нет среди полей ресурса клиента. Предлагается ближайшее имя поля.",
    },
    why: Text {
        en: "Usually a typo: the API ignores the key and the field you meant stays unset.",
        ru: "Обычно это опечатка: API проигнорирует ключ, а нужное поле останется незаданным.",
    },
    example: r#"{"timezon": "Europe/Moscow"}"#,
    instead: r#"{"timezone": "Europe/Moscow"}"#,
    references: &["client resource documentation (`client-lint rules` lists the fields)"],
};

pub(crate) static WRONG_TYPE: Explanation = Explanation {
    what: Text {
        en: "A field holds the wrong JSON type (e.g. a number where the API documents a string). `null` is accepted everywhere and means \"not set\". A fix is offered when the conversion is certain: a number to a string for digit fields, a string of digits to an integer, `\"true\"`/`\"false\"` to a boolean.",
        ru: "Поле содержит значение не того JSON-типа (например, число вместо строки). `null` допустим везде и означает «не задано». Исправление предлагается, когда преобразование однозначно: число в строку для цифровых полей, строка из цифр в целое, `\"true\"`/`\"false\"` в логическое значение.",
    },
    why: Text {
        en: "Typed servers reject the request; lenient ones may store a different value.",
        ru: "Строго типизированные серверы отклонят запрос; нестрогие могут сохранить другое значение.",
    },
    example: r#"{"extension_len": 3, "hold_music": "12"}"#,
    instead: r#"{"extension_len": "3", "hold_music": 12}"#,
    references: &["client resource documentation: field types"],
};

pub(crate) static READ_ONLY_FIELD: Explanation = Explanation {
    what: Text {
        en: "In request mode: a field the server assigns (`id`, `prefix`, `create_date`). Silent in response mode (`--mode response`), where these fields are expected.",
        ru: "В режиме запроса: поле, которое назначает сервер (`id`, `prefix`, `create_date`). В режиме ответа (`--mode response`) не сообщается: там эти поля ожидаемы.",
    },
    why: Text {
        en: "The server ignores or rejects it; sending it suggests the body was copied from a response.",
        ru: "Сервер проигнорирует или отклонит его; обычно это признак того, что тело скопировано из ответа.",
    },
    example: r#"{"id": 42, "name": "Acme"}"#,
    instead: r#"{"name": "Acme"}"#,
    references: &["client resource documentation: `id`, `prefix` and `create_date` are read-only"],
};

pub(crate) static PROVIDER_OWNED_FIELD: Explanation = Explanation {
    what: Text {
        en: "In request mode: `reg_status_log`, which the service provider sets. Silent in response mode.",
        ru: "В режиме запроса: `reg_status_log`, которое задаёт сервис-провайдер. В режиме ответа не сообщается.",
    },
    why: Text {
        en: "A client cannot change it; the request may be rejected.",
        ru: "Клиент не может его менять; запрос может быть отклонён.",
    },
    example: r#"{"reg_status_log": true}"#,
    instead: r"{}",
    references: &["client resource documentation: \"the parameter is set by the service provider\""],
};

pub(crate) static NESTING_TOO_DEEP: Explanation = Explanation {
    what: Text {
        en: "Arrays or objects nested deeper than 128 levels. The deep value is skipped (its brackets are still matched) and the rest is checked.",
        ru: "Массивы или объекты вложены глубже 128 уровней. Глубокое значение пропускается (скобки всё равно проверяются), остальное проверяется.",
    },
    why: Text {
        en: "No client field is nested; such depth is a generated or hostile document, and many parsers overflow their stack on it.",
        ru: "Ни одно поле клиента не вложено; такая глубина — признак сгенерированного или враждебного документа, и многие парсеры на нём переполняют стек.",
    },
    example: r#"{"extra": [[[[…128 levels…]]]]}"#,
    instead: r#"{"extra_params": "…"}"#,
    references: &["RFC 8259, section 9: implementations may limit nesting depth"],
};

pub(crate) static LONE_SURROGATE: Explanation = Explanation {
    what: Text {
        en: "A `\\u` escape that is half of a UTF-16 surrogate pair with no other half (`\"\\ud800\"`). The grammar of JSON allows it, so the rest of the document is checked; the value is read with U+FFFD in its place.",
        ru: "Escape `\\u` — половина суррогатной пары UTF-16 без второй половины (`\"\\ud800\"`). Грамматика JSON это допускает, поэтому остальной документ проверяется; значение читается с U+FFFD на этом месте.",
    },
    why: Text {
        en: "It is no character: strict parsers (serde_json among them) reject the document, others replace it or keep broken text.",
        ru: "Это не символ: строгие парсеры (включая serde_json) отклонят документ, другие заменят его или сохранят испорченный текст.",
    },
    example: r#"{"name": "Acme \ud83d"}"#,
    instead: r#"{"name": "Acme \ud83d\ude00"}"#,
    references: &["RFC 8259, section 8.2 (unpaired surrogates)"],
};

pub(crate) static TOO_MANY_FINDINGS: Explanation = Explanation {
    what: Text {
        en: "A record had more findings than the cap (1,000 by default; `Options::max_findings`, `--max-findings`). The first ones are reported, then this one, which says how many more there were of each severity. It is an error when any of them was an error, so the cap never hides one, and it cannot be turned off.",
        ru: "В записи больше сообщений, чем предел (по умолчанию 1000; `Options::max_findings`, `--max-findings`). Показываются первые, затем это, где сказано, сколько ещё было каждой важности. Это ошибка, если среди них была ошибка, чтобы предел никогда её не скрыл, и его нельзя отключить.",
    },
    why: Text {
        en: "A hostile or generated document can hold millions of mistakes; output and memory stay bounded while the verdict stays right.",
        ru: "Враждебный или сгенерированный документ может содержать миллионы ошибок; вывод и память остаются ограниченными, а вердикт — верным.",
    },
    example: "(a record with 5,000 unknown keys, then `\"type\": \"x\"`)",
    instead: "(the same record without the unknown keys, and `\"type\": \"J\"`)",
    references: &["client-lint documentation: limits"],
};

/// This family's rules, each declared once (`rules/declare.rs` says how).
pub(crate) static DECLARED: &[Declared] = declare![
    CL002 RootNotObject "root-not-object" Error None => ROOT_NOT_OBJECT;
    CL003 DuplicateKey "duplicate-key" Error None => DUPLICATE_KEY;
    CL004 UnknownKey "unknown-key" Warning None => UNKNOWN_KEY;
    CL005 WrongType "wrong-type" Error Sometimes => WRONG_TYPE;
    CL006 ReadOnlyField "read-only-field" Warning Unsafe => READ_ONLY_FIELD;
    CL007 ProviderOwnedField "provider-owned-field" Warning Unsafe => PROVIDER_OWNED_FIELD;
    CL008 NestingTooDeep "nesting-too-deep" Error None => NESTING_TOO_DEEP;
    CL011 LoneSurrogate "lone-surrogate" Error None => LONE_SURROGATE;
    CL012 TooManyFindings "too-many-findings" Error None => TOO_MANY_FINDINGS;
];

/// The closing finding of a record whose findings were capped: how many
/// were left out, of which severity (only those there were), and the cap.
pub(crate) fn too_many_findings(s: &Say, max: usize, [infos, warnings, errors]: [usize; 3]) -> Finding {
    let more = infos + warnings + errors;
    let lang = s.lang;
    let parts: Vec<String> = [
        (errors, ("error", "errors"), ("ошибка", "ошибки", "ошибок")),
        (
            warnings,
            ("warning", "warnings"),
            ("предупреждение", "предупреждения", "предупреждений"),
        ),
        (infos, ("info", "info"), ("замечание", "замечания", "замечаний")),
    ]
    .into_iter()
    .filter(|(n, ..)| *n > 0)
    .map(|(n, en, ru)| count(n, lang, en, ru))
    .collect();
    let parts = parts.join(", ");
    let findings = count(more, lang, ("more finding", "more findings"), ("", "", ""));
    let shown = ru_form(more, ("не показано", "не показаны", "не показано"));
    let noun = ru_form(more, ("сообщение", "сообщения", "сообщений"));
    let cap = count(max, lang, ("finding", "findings"), ("", "", ""));
    Finding::new(tr!(
        s,
        "{findings} not shown ({parts}): a record shows at most {cap}",
        "ещё {more} {noun} {shown} ({parts}): предел на запись — {max}"
    ))
    .help(tr!(
        s,
        "fix the ones shown and run again, or raise the cap with `--max-findings`",
        "исправьте показанные и запустите снова или поднимите предел с `--max-findings`"
    ))
}

/// A lone surrogate escape at `span`, in the key or value at `pointer`.
pub(crate) fn lone_surrogate(ctx: &mut Ctx<'_>, pointer: impl FnOnce() -> String, span: Span) {
    ctx.emit(
        Rule::LoneSurrogate,
        || Some(pointer()),
        span,
        |s| {
            Finding::new(tr!(
                s,
                "lone UTF-16 surrogate in a `\\u` escape: it is no character",
                "одиночный суррогат UTF-16 в escape `\\u`: это не символ"
            ))
            .help(tr!(
                s,
                "a surrogate must come in a pair (`\\ud83d\\ude00`); or write the character itself",
                "суррогаты идут парами (`\\ud83d\\ude00`); или напишите сам символ"
            ))
        },
    );
}

/// The root of a record is not an object.
pub(crate) fn root_not_object(ctx: &mut Ctx<'_>, root: &Node<'_>) {
    let found = root.value.type_name();
    ctx.emit(
        Rule::RootNotObject,
        || Some(String::new()),
        root.span,
        |s| {
            let found = found_type(found, s.lang);
            Finding::new(tr!(
                s,
                "expected a client object, found {found}",
                "ожидался объект клиента, найдено: {found}"
            ))
            .help(tr!(
                s,
                "wrap the fields in `{{ }}`: `{{\"name\": \"Acme\"}}`",
                "заключите поля в `{{ }}`: `{{\"name\": \"Acme\"}}`"
            ))
        },
    );
}

/// A key seen before in the same object; `help` for a member of the record
/// itself, where "which one wins" matters to the API.
pub(crate) fn duplicate_key<P: Into<Pointer>>(
    ctx: &mut Ctx<'_>,
    pointer: impl FnOnce() -> Option<P>,
    span: Span,
    key: &str,
    help: bool,
) {
    ctx.emit(Rule::DuplicateKey, pointer, span, |s| {
        let k = s.quote(key);
        let f = Finding::new(tr!(s, "duplicate key `{k}`", "повторяющийся ключ `{k}`"));
        if help {
            f.help(tr!(
                s,
                "keep one `{k}`: most parsers silently use the last one",
                "оставьте один `{k}`: большинство парсеров молча берут последний"
            ))
        } else {
            f
        }
    });
}

/// Small objects are scanned; large ones use a set, so 100,000 keys stay linear.
const DUPLICATE_SCAN_MAX: usize = 16;

/// Words of the bit set of known fields: as many as the field table needs.
const KNOWN_WORDS: usize = FIELD_COUNT.div_ceil(64);

/// Duplicate-key detection: the record's known fields in a bit set, other
/// keys (and every key of a nested object) scanned while few, hashed when many.
pub(crate) struct Seen<'k> {
    known: [u64; KNOWN_WORDS],
    unknown: Vec<&'k str>,
    unknown_set: Option<HashSet<&'k str>>,
}

impl<'k> Seen<'k> {
    pub(crate) fn new() -> Self {
        Seen {
            known: [0; KNOWN_WORDS],
            unknown: Vec::new(),
            unknown_set: None,
        }
    }

    /// Record a key; `true` when it was seen before.
    pub(crate) fn repeated(&mut self, key: &'k str, field: Option<usize>) -> bool {
        if let Some(i) = field {
            let (word, bit) = (i / 64, 1u64 << (i % 64));
            let seen = self.known[word] & bit != 0;
            self.known[word] |= bit;
            return seen;
        }
        if let Some(set) = &mut self.unknown_set {
            return !set.insert(key);
        }
        if self.unknown.contains(&key) {
            return true;
        }
        self.unknown.push(key);
        if self.unknown.len() > DUPLICATE_SCAN_MAX {
            self.unknown_set = Some(self.unknown.drain(..).collect());
        }
        false
    }
}

pub(crate) fn ownership(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>, owner: Owner, mode: Mode) {
    if mode != Mode::Request {
        return;
    }
    let name = at.key;
    let fix = Some(FixSpec::Remove(at.remove_span, Applicability::Unsafe));
    match owner {
        Owner::User => {}
        Owner::Server => at.emit_at(ctx, Rule::ReadOnlyField, at.key_span, |s| {
            Finding::new(tr!(
                s,
                "`{name}` is read-only: the server assigns it",
                "`{name}` только для чтения: его назначает сервер"
            ))
            .help(tr!(
                s,
                "remove it from the request body, or lint with `--mode response` for API responses",
                "удалите его из тела запроса или проверяйте ответы API с `--mode response`"
            ))
            .fix(fix)
        }),
        Owner::Provider => at.emit_at(ctx, Rule::ProviderOwnedField, at.key_span, |s| {
            Finding::new(tr!(
                s,
                "`{name}` is set by the service provider, not by the client",
                "`{name}` задаёт сервис-провайдер, а не клиент"
            ))
            .help(tr!(
                s,
                "remove it from the request body, or lint with `--mode response` for API responses",
                "удалите его из тела запроса или проверяйте ответы API с `--mode response`"
            ))
            .fix(fix)
        }),
    }
}

/// Check the JSON type; `true` when the value is of the expected type (null is
/// accepted and checked no further).
pub(crate) fn check_type(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>, info: &FieldInfo) -> bool {
    let expected = info.json_type;
    let v = &at.node.value;
    let fix = match (expected, v) {
        (_, Value::Null) => return false,
        // Fractions and exponents in an integer field are the numbers
        // family's business.
        (JsonType::String, Value::String(_))
        | (JsonType::Boolean, Value::Bool)
        | (JsonType::Integer, Value::Number(_)) => return true,
        (JsonType::String, Value::Number(n)) if is_integer_literal(n) && !n.starts_with('-') => info
            .digits
            .then(|| at.replace(n.to_string(), Applicability::Safe))
            .flatten(),
        (JsonType::Integer, Value::String(s)) => {
            super::numbers::canonical_integer(s.trim()).and_then(|i| at.replace(i, Applicability::Safe))
        }
        (JsonType::Boolean, Value::String(s)) => match s.trim() {
            "true" => at.replace(true, Applicability::Safe),
            "false" => at.replace(false, Applicability::Safe),
            _ => None,
        },
        (JsonType::Boolean, Value::Number(n)) => match n.as_ref() {
            "1" => at.replace(true, Applicability::Unsafe),
            "0" => at.replace(false, Applicability::Unsafe),
            _ => None,
        },
        _ => None,
    };
    let name = at.key;
    let want = expected.as_str();
    let found = v.type_name();
    let suggestion = fix.as_ref().and_then(|f| match f {
        super::context::FixSpec::Replace(_, value, _) => Some(value.to_string()),
        super::context::FixSpec::Remove(..) => None,
    });
    at.emit(ctx, Rule::WrongType, |s| {
        let (want, found) = (wanted_type(want, s.lang), found_type(found, s.lang));
        // Russian needs the accusative in the help: "укажите строку".
        let noun = match want {
            "строкой" => "строку",
            "целым числом" => "целое число",
            other => other,
        };
        let f = Finding::new(tr!(
            s,
            "`{name}` must be {want}, found {found}",
            "`{name}` должно быть {want}, найдено: {found}"
        ));
        match &suggestion {
            Some(sug) => {
                let sug = s.quote(sug);
                f.help(tr!(s, "write `{sug}`", "напишите `{sug}`"))
            }
            None => f.help(tr!(
                s,
                "write {want}, or `null` to leave the field unset",
                "укажите {noun} или `null`, чтобы оставить поле незаданным"
            )),
        }
        .fix(fix)
    });
    false
}

/// "a string" / "строкой": what a field must be.
fn wanted_type(json_type: &str, lang: Lang) -> &'static str {
    use Lang::{En, Ru};
    match (json_type, lang) {
        ("string", En) => "a string",
        ("integer", En) => "an integer",
        ("boolean", En) => "`true` or `false`",
        ("string", Ru) => "строкой",
        ("integer", Ru) => "целым числом",
        ("boolean", Ru) => "`true` или `false`",
        (_, En) => "a value",
        (_, Ru) => "значением",
    }
}

/// "an integer" / "целое число": what was found.
fn found_type(type_name: &str, lang: Lang) -> &'static str {
    use Lang::{En, Ru};
    match (type_name, lang) {
        ("string", En) => "a string",
        ("integer", En) => "an integer",
        ("number", En) => "a number with a fraction or exponent",
        ("boolean", En) => "a boolean",
        ("array", En) => "an array",
        ("object", En) => "an object",
        ("null", En | Ru) => "`null`",
        ("string", Ru) => "строка",
        ("integer", Ru) => "целое число",
        ("number", Ru) => "дробное число",
        ("boolean", Ru) => "логическое значение",
        ("array", Ru) => "массив",
        ("object", Ru) => "объект",
        (_, En) => "a value nested too deep",
        (_, Ru) => "слишком глубоко вложенное значение",
    }
}

pub(crate) fn unknown_key(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>, key: &str) {
    at.emit_at(ctx, Rule::UnknownKey, at.key_span, |s| {
        let k = s.quote(key);
        let f = Finding::new(tr!(s, "unknown field `{k}`", "неизвестное поле `{k}`"));
        static NAMES: std::sync::OnceLock<crate::suggest::Candidates> = std::sync::OnceLock::new();
        let names = NAMES.get_or_init(|| crate::suggest::Candidates::new(FIELDS.iter().map(|f| f.name)));
        match names.closest(key) {
            Some(near) => f.help(tr!(s, "did you mean `{near}`?", "может быть, `{near}`?")),
            None => f.help(tr!(
                s,
                "remove it; `client-lint rules` lists the fields of the client resource",
                "удалите его; `client-lint rules` перечисляет поля ресурса клиента"
            )),
        }
    });
}

/// Duplicate keys and over-deep values inside values that are not fields
/// (unknown keys, wrongly typed values, non-object roots). Recursion is bounded
/// by the parser's depth limit.
pub(crate) fn walk_nested(ctx: &mut Ctx<'_>, node: &Node<'_>, path: Option<&Path>) {
    let is_container = |n: &Node<'_>| matches!(n.value, Value::Array(_) | Value::Object(_) | Value::TooDeep);
    match &node.value {
        Value::TooDeep => {
            let here = || Some(path.map_or_else(|| Pointer::Text(String::new()), |p| p.clone().into()));
            ctx.emit(Rule::NestingTooDeep, here, node.span, |s| {
                let max = crate::syntax::MAX_DEPTH;
                Finding::new(tr!(
                    s,
                    "nesting deeper than {max} levels",
                    "вложенность глубже {max} уровней"
                ))
                .help(tr!(
                    s,
                    "client fields are flat; this value was skipped unchecked",
                    "поля клиента плоские; это значение пропущено без проверки"
                ))
            });
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                // Scalars hold neither duplicates nor depth: skip them cheaply.
                if is_container(item) {
                    let child = Path::child(path, &i.to_string());
                    walk_nested(ctx, item, Some(&child));
                }
            }
        }
        Value::Object(members) => {
            let mut seen = Seen::new();
            for m in members {
                if seen.repeated(&m.key, None) {
                    duplicate_key(ctx, || Some(Path::child(path, &m.key)), m.key_span, &m.key, false);
                }
                // A path node only for what is walked into: siblings share it.
                if is_container(&m.value) {
                    let child = Path::child(path, &m.key);
                    walk_nested(ctx, &m.value, Some(&child));
                }
            }
        }
        _ => {}
    }
}
