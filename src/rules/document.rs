//! Document rules: the shape of the whole record.
//!
//! ## What it checks
//! JSON syntax and encoding, that the root is an object, duplicate and unknown
//! keys, the JSON type of every known field, nesting depth, and fields that a
//! request must not send (server-owned `id`, `prefix`, `create_date`;
//! provider-owned `reg_status_log`).
//!
//! ## Why
//! A server parsing with `serde_json::Value` keeps the last of two duplicate
//! keys and never tells; an unknown key is usually a typo that silently leaves
//! the real field unset.
//!
//! ## Example
//! ```json
//! {"timezon": "UTC", "name": "a", "name": "b"}
//! ```
//!
//! ## Use instead
//! ```json
//! {"timezone": "UTC", "name": "b"}
//! ```
//!
//! ## References
//! RFC 8259 (JSON), RFC 6901 (JSON Pointer).

use std::borrow::Cow;
use std::collections::HashSet;

use super::{Ctx, FieldAt, FixSpec, Found, pointer_token, tr};
use crate::diagnostic::Applicability;
use crate::fields::{FIELD_COUNT, FIELDS, FieldInfo, JsonType, Owner, field_index};
use crate::options::Mode;
use crate::registry::{Explanation, Rule, Text};
use crate::syntax::{Member, Node, Span, SyntaxError, SyntaxErrorKind, Value, is_integer_literal};

pub(crate) static SYNTAX_ERROR: Explanation = Explanation {
    what: Text {
        en: "The text is not valid JSON.",
        ru: "Текст не является корректным JSON.",
    },
    why: Text {
        en: "The API rejects the whole request. Only the fields before the error are checked; fixes are not applied to a file with a syntax error.",
        ru: "API отклонит весь запрос. Проверяются только поля до ошибки; исправления к файлу с синтаксической ошибкой не применяются.",
    },
    example: r#"{"name": "Acme",}"#,
    instead: r#"{"name": "Acme"}"#,
    references: &["RFC 8259: The JavaScript Object Notation (JSON) Data Interchange Format"],
};

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
    instead: r#"{}"#,
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

pub(crate) static INVALID_ENCODING: Explanation = Explanation {
    what: Text {
        en: "The bytes are not UTF-8 (for example UTF-16, or Windows-1251 text).",
        ru: "Байты не являются UTF-8 (например, UTF-16 или текст в Windows-1251).",
    },
    why: Text {
        en: "JSON exchanged between systems must be UTF-8 (RFC 8259, section 8.1).",
        ru: "JSON, передаваемый между системами, обязан быть в UTF-8 (RFC 8259, раздел 8.1).",
    },
    example: "(a file saved as UTF-16)",
    instead: "(the same file saved as UTF-8 without BOM)",
    references: &["RFC 8259, section 8.1 (Character Encoding)"],
};

pub(crate) static BYTE_ORDER_MARK: Explanation = Explanation {
    what: Text {
        en: "The text starts with a UTF-8 byte order mark (U+FEFF). It is skipped and the rest is checked.",
        ru: "Текст начинается с метки порядка байтов UTF-8 (U+FEFF). Она пропускается, остальное проверяется.",
    },
    why: Text {
        en: "RFC 8259 forbids adding one; strict parsers, `serde_json` among them, reject the document.",
        ru: "RFC 8259 запрещает её добавлять; строгие парсеры, включая `serde_json`, отклоняют такой документ.",
    },
    example: "\u{FEFF}{\"name\": \"Acme\"}",
    instead: "{\"name\": \"Acme\"}",
    references: &["RFC 8259, section 8.1: \"Implementations MUST NOT add a byte order mark\""],
};

/// Report a syntax error.
pub(crate) fn syntax_error(ctx: &mut Ctx<'_>, e: &SyntaxError) {
    use SyntaxErrorKind as K;
    ctx.emit(Rule::SyntaxError, None, e.span, |s| {
        let (msg, help) = match e.kind {
            K::Eof => (
                tr!(s, "unexpected end of input", "неожиданный конец текста"),
                Some(tr!(
                    s,
                    "close every open string, array and object",
                    "закройте все открытые строки, массивы и объекты"
                )),
            ),
            K::ExpectedValue => (
                tr!(s, "expected a JSON value", "ожидалось JSON-значение"),
                Some(tr!(
                    s,
                    "strings take double quotes; values are strings, numbers, `true`, `false`, `null`, arrays or objects",
                    "строки пишутся в двойных кавычках; значения — строки, числа, `true`, `false`, `null`, массивы или объекты"
                )),
            ),
            K::ExpectedColon => (
                tr!(s, "expected `:` after the key", "после ключа ожидалось `:`"),
                None,
            ),
            K::ExpectedCommaOrObjectEnd => (
                tr!(s, "expected `,` or `}}` after the member", "после элемента ожидалось `,` или `}}`"),
                Some(tr!(s, "is a comma missing?", "не пропущена ли запятая?")),
            ),
            K::ExpectedCommaOrArrayEnd => (
                tr!(s, "expected `,` or `]` in the array", "в массиве ожидалось `,` или `]`"),
                Some(tr!(s, "is a comma missing?", "не пропущена ли запятая?")),
            ),
            K::ExpectedKey => (
                tr!(s, "expected a key in double quotes", "ожидался ключ в двойных кавычках"),
                Some(tr!(s, "write keys as `\"name\"`", "пишите ключи как `\"name\"`")),
            ),
            K::TrailingComma => (
                tr!(s, "trailing comma", "лишняя запятая в конце"),
                Some(tr!(s, "remove the comma before the closing bracket", "удалите запятую перед закрывающей скобкой")),
            ),
            K::InvalidNumber => (tr!(s, "invalid number", "некорректное число"), None),
            K::InvalidLiteral => (
                tr!(s, "invalid literal", "некорректный литерал"),
                Some(tr!(
                    s,
                    "the only bare words are `true`, `false` and `null`; put text in double quotes",
                    "без кавычек допустимы только `true`, `false` и `null`; текст пишите в двойных кавычках"
                )),
            ),
            K::ControlInString => (
                tr!(s, "control character in a string", "управляющий символ в строке"),
                Some(tr!(s, "write a line break as `\\n` and a tab as `\\t`", "пишите перевод строки как `\\n`, табуляцию как `\\t`")),
            ),
            K::InvalidEscape => (
                tr!(s, "invalid escape sequence", "некорректная escape-последовательность"),
                Some(tr!(
                    s,
                    "valid escapes are `\\\"` `\\\\` `\\/` `\\b` `\\f` `\\n` `\\r` `\\t` and `\\uXXXX`",
                    "допустимы `\\\"` `\\\\` `\\/` `\\b` `\\f` `\\n` `\\r` `\\t` и `\\uXXXX`"
                )),
            ),
            K::LoneSurrogate => (
                tr!(s, "lone UTF-16 surrogate in a `\\u` escape", "одиночный суррогат UTF-16 в escape `\\u`"),
                Some(tr!(
                    s,
                    "a surrogate must come in a pair (`\\ud83d\\ude00`); or write the character itself",
                    "суррогаты идут парами (`\\ud83d\\ude00`); или напишите сам символ"
                )),
            ),
            K::TrailingCharacters => (
                tr!(s, "unexpected text after the JSON value", "лишний текст после JSON-значения"),
                Some(tr!(
                    s,
                    "a file holds one object, an array of objects, or one object per line (NDJSON)",
                    "файл содержит один объект, массив объектов или по объекту на строку (NDJSON)"
                )),
            ),
        };
        let f = Found::new(msg);
        match help {
            Some(h) => f.help(h),
            None => f,
        }
    });
}

/// Check one record (the root of a document, or an element of a batch).
pub(crate) fn check_record(ctx: &mut Ctx<'_>, root: &Node<'_>, complete: bool) {
    match &root.value {
        Value::Object(members) => check_object(ctx, root, members, complete),
        other => {
            let found = other.type_name();
            ctx.emit(Rule::RootNotObject, Some(String::new()), root.span, |s| {
                let found = found_type(found, s.lang);
                Found::new(tr!(
                    s,
                    "expected a client object, found {found}",
                    "ожидался объект клиента, найдено: {found}"
                ))
                .help(tr!(
                    s,
                    "wrap the fields in `{{ }}`: `{{\"name\": \"Acme\"}}`",
                    "заключите поля в `{{ }}`: `{{\"name\": \"Acme\"}}`"
                ))
            });
            walk_nested(ctx, root, &mut Vec::new());
        }
    }
}

/// The bytes to delete to remove member `i` with its comma.
/// With a lone member, everything between the braces goes (`{}` remains);
/// a partial object cut by a syntax error has no closing brace, so only the
/// member itself goes.
fn remove_span(source: &str, object: &Node<'_>, members: &[Member<'_>], i: usize) -> Span {
    let closed =
        object.span.end > object.span.start + 1 && source.as_bytes().get(object.span.end - 1) == Some(&b'}');
    if members.len() == 1 && closed {
        Span::new(object.span.start + 1, object.span.end - 1)
    } else if members.len() == 1 {
        Span::new(members[0].key_span.start, members[0].value.span.end)
    } else if i > 0 {
        Span::new(members[i - 1].value.span.end, members[i].value.span.end)
    } else {
        Span::new(members[0].key_span.start, members[1].key_span.start)
    }
}

/// Small objects are scanned; large ones use a set, so 100,000 keys stay linear.
const DUPLICATE_SCAN_MAX: usize = 16;

/// Words of the bit set of known fields: as many as the field table needs.
const KNOWN_WORDS: usize = FIELD_COUNT.div_ceil(64);

/// Duplicate-key detection: the record's known fields in a bit set, other
/// keys (and every key of a nested object) scanned while few, hashed when many.
struct Seen<'k> {
    known: [u64; KNOWN_WORDS],
    unknown: Vec<&'k str>,
    unknown_set: Option<HashSet<&'k str>>,
}

impl<'k> Seen<'k> {
    fn new() -> Self {
        Seen {
            known: [0; KNOWN_WORDS],
            unknown: Vec::new(),
            unknown_set: None,
        }
    }

    /// Record a key; `true` when it was seen before.
    fn repeated(&mut self, key: &'k str, field: Option<usize>) -> bool {
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

fn check_object(ctx: &mut Ctx<'_>, object: &Node<'_>, members: &[Member<'_>], complete: bool) {
    let mut seen = Seen::new();
    let mode = ctx.opts.mode;
    for (i, m) in members.iter().enumerate() {
        let index = field_index(&m.key);
        let at = FieldAt {
            source: ctx.source,
            key: &m.key,
            key_span: m.key_span,
            node: &m.value,
            remove_span: remove_span(ctx.source, object, members, i),
        };
        if seen.repeated(&m.key, index) {
            let key = &m.key;
            ctx.emit(Rule::DuplicateKey, Some(at.pointer()), m.key_span, |s| {
                let k = s.q(key);
                Found::new(tr!(s, "duplicate key `{k}`", "повторяющийся ключ `{k}`")).help(tr!(
                    s,
                    "keep one `{k}`: most parsers silently use the last one",
                    "оставьте один `{k}`: большинство парсеров молча берут последний"
                ))
            });
        }
        match index.map(|i| &FIELDS[i]) {
            Some(info) => {
                ownership(ctx, &at, info.owner, mode);
                if type_ok(ctx, &at, info) {
                    (info.check)(ctx, &at);
                }
            }
            None => {
                unknown_key(ctx, &at, &m.key);
                walk_nested(ctx, &m.value, &mut vec![Cow::Borrowed(m.key.as_ref())]);
            }
        }
    }
    if complete {
        cross_field(ctx, members);
    }
}

fn ownership(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>, owner: Owner, mode: Mode) {
    if mode != Mode::Request {
        return;
    }
    let name = at.key;
    let fix = Some(FixSpec::Remove(at.remove_span, Applicability::Unsafe));
    match owner {
        Owner::User => {}
        Owner::Server => ctx.emit(Rule::ReadOnlyField, Some(at.pointer()), at.key_span, |s| {
            Found::new(tr!(
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
        Owner::Provider => ctx.emit(Rule::ProviderOwnedField, Some(at.pointer()), at.key_span, |s| {
            Found::new(tr!(
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
fn type_ok(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>, info: &FieldInfo) -> bool {
    let expected = info.json_type;
    let v = &at.node.value;
    let fix = match (expected, v) {
        (_, Value::Null) => return false,
        (JsonType::String, Value::String(_)) | (JsonType::Boolean, Value::Bool) => return true,
        // Fractions and exponents are the numbers family's business.
        (JsonType::Integer, Value::Number(_)) => return true,
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
        super::FixSpec::Replace(_, value, _) => Some(value.to_string()),
        super::FixSpec::Remove(..) => None,
    });
    ctx.emit(Rule::WrongType, Some(at.pointer()), at.node.span, |s| {
        let (want, found) = (wanted_type(want, s.lang), found_type(found, s.lang));
        // Russian needs the accusative in the help: "укажите строку".
        let noun = match want {
            "строкой" => "строку",
            "целым числом" => "целое число",
            other => other,
        };
        let f = Found::new(tr!(
            s,
            "`{name}` must be {want}, found {found}",
            "`{name}` должно быть {want}, найдено: {found}"
        ));
        match &suggestion {
            Some(sug) => {
                let sug = s.q(sug);
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
fn wanted_type(json_type: &str, lang: crate::options::Lang) -> &'static str {
    use crate::options::Lang::{En, Ru};
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
fn found_type(type_name: &str, lang: crate::options::Lang) -> &'static str {
    use crate::options::Lang::{En, Ru};
    match (type_name, lang) {
        ("string", En) => "a string",
        ("integer", En) => "an integer",
        ("number", En) => "a number with a fraction or exponent",
        ("boolean", En) => "a boolean",
        ("array", En) => "an array",
        ("object", En) => "an object",
        ("null", En) => "`null`",
        ("string", Ru) => "строка",
        ("integer", Ru) => "целое число",
        ("number", Ru) => "дробное число",
        ("boolean", Ru) => "логическое значение",
        ("array", Ru) => "массив",
        ("object", Ru) => "объект",
        ("null", Ru) => "`null`",
        (_, En) => "a value nested too deep",
        (_, Ru) => "слишком глубоко вложенное значение",
    }
}

fn unknown_key(ctx: &mut Ctx<'_>, at: &FieldAt<'_, '_>, key: &str) {
    ctx.emit(Rule::UnknownKey, Some(at.pointer()), at.key_span, |s| {
        let k = s.q(key);
        let f = Found::new(tr!(s, "unknown field `{k}`", "неизвестное поле `{k}`"));
        static NAMES: std::sync::OnceLock<crate::similar::Candidates> = std::sync::OnceLock::new();
        let names = NAMES.get_or_init(|| crate::similar::Candidates::new(FIELDS.iter().map(|f| f.name)));
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
fn walk_nested<'a>(ctx: &mut Ctx<'_>, node: &'a Node<'a>, path: &mut Vec<Cow<'a, str>>) {
    let pointer = |path: &[Cow<'_, str>]| {
        path.iter()
            .map(|t| format!("/{}", pointer_token(t)))
            .collect::<String>()
    };
    match &node.value {
        Value::TooDeep => {
            let p = pointer(path);
            ctx.emit(Rule::NestingTooDeep, Some(p), node.span, |s| {
                let max = crate::syntax::MAX_DEPTH;
                Found::new(tr!(
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
                if matches!(item.value, Value::Array(_) | Value::Object(_) | Value::TooDeep) {
                    path.push(Cow::Owned(i.to_string()));
                    walk_nested(ctx, item, path);
                    path.pop();
                }
            }
        }
        Value::Object(members) => {
            let mut seen = Seen::new();
            for m in members {
                path.push(Cow::Borrowed(&m.key));
                if seen.repeated(&m.key, None) {
                    let p = pointer(path);
                    let key = &m.key;
                    ctx.emit(Rule::DuplicateKey, Some(p), m.key_span, |s| {
                        let k = s.q(key);
                        Found::new(tr!(s, "duplicate key `{k}`", "повторяющийся ключ `{k}`"))
                    });
                }
                walk_nested(ctx, &m.value, path);
                path.pop();
            }
        }
        _ => {}
    }
}

/// The threshold and its e-mail go together.
fn cross_field(ctx: &mut Ctx<'_>, members: &[Member<'_>]) {
    let set = |name: &str| {
        members
            .iter()
            .rev()
            .find(|m| m.key == name)
            .filter(|m| match &m.value.value {
                Value::Null => false,
                Value::String(s) => !s.trim().is_empty(),
                _ => true,
            })
    };
    let threshold = set("disk_space_notify_threshold");
    let email = set("disk_space_notify_email");
    match (threshold, email) {
        (Some(t), None) => ctx.emit(Rule::ThresholdWithoutEmail, Some("/disk_space_notify_threshold".into()), t.key_span, |s| {
            Found::new(tr!(
                s,
                "`disk_space_notify_threshold` is set but `disk_space_notify_email` is not: nobody will be told",
                "`disk_space_notify_threshold` задан, а `disk_space_notify_email` — нет: уведомление некому отправить"
            ))
            .help(tr!(
                s,
                "add `\"disk_space_notify_email\": \"admin@example.com\"`",
                "добавьте `\"disk_space_notify_email\": \"admin@example.com\"`"
            ))
        }),
        (None, Some(e)) => ctx.emit(Rule::EmailWithoutThreshold, Some("/disk_space_notify_email".into()), e.key_span, |s| {
            Found::new(tr!(
                s,
                "`disk_space_notify_email` is set but `disk_space_notify_threshold` is not: no mail will be sent",
                "`disk_space_notify_email` задан, а `disk_space_notify_threshold` — нет: письмо не будет отправлено"
            ))
            .help(tr!(
                s,
                "add a percentage, e.g. `\"disk_space_notify_threshold\": 90`",
                "добавьте процент, например `\"disk_space_notify_threshold\": 90`"
            ))
        }),
        _ => {}
    }
}
